"""Every source of a story has one short name that tells it apart, the same on the compare
page, in compose (provenance, passages on offer) and in the conflicts: its provider's name,
and the item's name too where the story has two sources of one provider."""

import pytest
from django.urls import reverse

from stories.models import Provider
from stories.services.analysis import short_labels
from stories.services.compose import article_for, current_analysis, draft_for
from stories.services.conflicts import story_conflicts
from stories.services.draft_edits import PassageIndex
from stories.services.ingest import IncomingCopy, ingest_files
from tests.views.copy import HARBOUR_A, HARBOUR_B, HARBOUR_C

pytestmark = pytest.mark.django_db
BOTH = {"Unattributed · northwire", "Unattributed · meridian"}  # harbour_story's two items


def test_the_compare_page_heads_each_column_with_its_own_name(client, edith_editor, story):
    client.force_login(edith_editor)
    page = client.get(reverse("stories:compare", args=[story.pk])).context["page"]
    assert {column.head.title for column in page.columns} == BOTH


def test_a_conflict_says_which_of_two_unattributed_sources_says_what(story):
    conflict = next(c for c in story_conflicts(story) if c.kind == "number")
    assert {conflict.a_where.split(" ¶")[0], conflict.b_where.split(" ¶")[0]} == BOTH


def test_compose_names_each_source_of_its_provenance_and_of_the_passages_on_offer(client, edith_editor, story):
    client.force_login(edith_editor)
    html = client.get(reverse("stories:compose", args=[story.pk])).content.decode()
    assert any(f"{label} ¶" in html for label in BOTH) and "Unattributed ¶" not in html
    draft = draft_for(article=article_for(story), editor=edith_editor)
    index = PassageIndex(*current_analysis(story))
    offered = {alt.label.split(" ¶")[0] for p in draft.paragraphs for alt in index.alternatives(p)}
    assert offered - {"All of them, one after another"} <= BOTH and len(offered & BOTH) == 2


def test_one_source_of_a_provider_is_named_by_the_provider_alone():
    northwire, meridian = Provider.objects.create(name="Northwire"), Provider.objects.create(name="Meridian Press")
    story = ingest_files(files=[IncomingCopy("a.txt", HARBOUR_A.encode())], user=None, provider=northwire).story
    for name, copy in (("b.xml", HARBOUR_B), ("c.txt", HARBOUR_C)):
        ingest_files(files=[IncomingCopy(name, copy.encode())], user=None, provider=meridian, story=story)
    labels = short_labels(story.sources.select_related("provider"))
    assert sorted(labels.values()) == ["Meridian Press · b", "Meridian Press · c", "Northwire"]


def test_a_long_item_name_is_shortened_and_two_alike_when_shortened_are_named_in_full():
    wire = Provider.objects.create(name="Wire")
    story = ingest_files(
        files=[IncomingCopy("2026-11-29-harbour-north-fire-report.txt", HARBOUR_A.encode())], user=None, provider=wire
    ).story
    ingest_files(files=[IncomingCopy("short.txt", HARBOUR_B.encode())], user=None, provider=wire, story=story)
    labels = sorted(short_labels(story.sources.select_related("provider")).values())
    assert labels == ["Wire · 2026-11-2…ire-report", "Wire · short"]
    ingest_files(
        files=[IncomingCopy("2026-11-29-harbour-south-fire-report.txt", HARBOUR_C.encode())],
        user=None,
        provider=wire,
        story=story,
    )
    labels = sorted(short_labels(story.sources.select_related("provider")).values())
    assert labels == [
        "Wire · 2026-11-29-harbour-north-fire-report",
        "Wire · 2026-11-29-harbour-south-fire-report",
        "Wire · short",
    ]
