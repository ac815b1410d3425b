"""The compare page: sources side by side, marks in words, state in the URL, analyses cached."""

import re

import pytest
from django.urls import reverse

from stories.models import Analysis, Provider, Source, StoryReading
from stories.services.ingest import IncomingCopy, ingest_files
from tests.views.copy import HARBOUR_A, HARBOUR_B, harbour_story

pytestmark = pytest.mark.django_db


def compare_url(story) -> str:
    return reverse("stories:compare", args=[story.pk])


def passages(html: str, status: str) -> list[str]:
    return re.findall(rf'<div class="passage" id="passage-(\w+)" data-status="{status}"', html)


@pytest.fixture
def editor_client(client, edith_editor):
    client.force_login(edith_editor)
    return client


class TestAccess:
    def test_it_sends_an_anonymous_visitor_to_log_in(self, client, story):
        assert client.get(compare_url(story)).status_code == 302

    def test_it_refuses_a_user_without_a_role(self, client, nora_no_role, story):
        client.force_login(nora_no_role)
        assert client.get(compare_url(story)).status_code == 403

    def test_a_copy_editor_may_review(self, client, colin_copy_editor, story):
        client.force_login(colin_copy_editor)
        assert client.get(compare_url(story)).status_code == 200

    def test_a_missing_story_is_404(self, editor_client):
        assert editor_client.get(reverse("stories:compare", args=[999_999])).status_code == 404

    def test_it_answers_a_post_with_405(self, editor_client, story):
        assert editor_client.post(compare_url(story)).status_code == 405


class TestPassages:
    def test_it_marks_every_passage_with_its_status_in_words(self, editor_client, story):
        html = editor_client.get(compare_url(story)).content.decode()
        for status, label in [("same", "Same"), ("changed", "Changed"), ("only-here", "Only here")]:
            assert passages(html, status), f"no {status} passage"
            assert f'data-badge="{status}">{label}</span>' in html
        assert "<ins>" in html and "<del>" in html

    def test_it_says_which_passage_a_repeat_repeats_and_hides_its_text(self, editor_client, story):
        html = editor_client.get(compare_url(story)).content.decode()
        assert len(passages(html, "repeat")) == 4
        assert 'data-badge="repeat">Repeat of ¶2</span>' in html
        assert html.count('<p class="passage-hidden">') == 4

    def test_it_shows_repeats_when_asked(self, editor_client, story):
        hidden = editor_client.get(compare_url(story)).content.decode()
        shown = editor_client.get(compare_url(story), {"repeats": "on"}).content.decode()
        assert "passage-hidden" not in shown
        phrase = "by the harbour authority."
        assert shown.count(phrase) == hidden.count(phrase) + 1  # Northwire repeats its damage paragraph

    def test_it_heads_each_column_with_provider_and_word_count(self, editor_client):
        northwire = Provider.objects.create(name="Northwire")
        story = ingest_files(files=[IncomingCopy("nw.txt", HARBOUR_A.encode())], user=None, provider=northwire).story
        html = editor_client.get(compare_url(story)).content.decode()
        assert '<span class="provider">Northwire</span>' in html and " words</span>" in html


class TestConflicts:
    def test_it_lists_the_conflicting_facts(self, editor_client, story):
        page = editor_client.get(compare_url(story)).context["page"]
        found = {(c.kind, c.a_text, c.b_text) for c in page.fact_conflicts}
        assert ("name", "Søren Holmgaard", "Soren Holmgaard") in found
        assert any(kind == "number" and "12" in a and "14" in b for kind, a, b in found)

    def test_choosing_a_conflict_marks_both_passages(self, editor_client, story):
        page = editor_client.get(compare_url(story)).context["page"]
        name = next(c for c in page.fact_conflicts if c.kind == "name")
        html = editor_client.get(compare_url(story), {"conflict": name.key}).content.decode()
        marked = re.findall(r'id="passage-(\w+)" data-status="\w+" data-marked', html)
        assert sorted(marked) == sorted([name.a_passage, name.b_passage])
        assert 'aria-current="true"' in html

    def test_a_shared_conflict_link_opens_the_same_conflict_after_a_new_version(self, editor_client, story):
        page = editor_client.get(compare_url(story)).context["page"]
        name = next(c for c in page.fact_conflicts if c.kind == "name")
        update = HARBOUR_B.replace("early on Wednesday", "early on Tuesday")  # a new conflict above it
        source = Source.objects.get(story=story, item_id="meridian")
        ingest_files(files=[IncomingCopy("meridian.txt", update.encode())], user=None, provider=source.provider)
        assert source.versions.count() == 2

        page = editor_client.get(compare_url(story), {"conflict": name.key}).context["page"]
        chosen = page.chosen_conflict
        assert (chosen.kind, chosen.a_text, chosen.b_text) == (name.kind, name.a_text, name.b_text)
        assert chosen.number != name.number, "the list moved: a number would have opened another conflict"

    def test_the_chosen_conflict_survives_the_other_controls(self, editor_client, story):
        """The picker (sources, "Show repeats") sends the chosen conflict along: ticking a
        box once dropped it from the URL."""
        key = editor_client.get(compare_url(story)).context["page"].fact_conflicts[0].key
        html = editor_client.get(compare_url(story), {"conflict": key}).content.decode()
        picker = html[html.index('<form class="picker"') : html.index("</form>", html.index('<form class="picker"'))]
        assert f'<input type="hidden" name="conflict" value="{key}">' in picker
        response = editor_client.get(
            compare_url(story), {"conflict": key, "repeats": "on"}, headers={"HX-Request": "1"}
        )
        assert response.context["page"].chosen_conflict.key == key and response.context["show_repeats"]

    def test_a_conflict_link_that_no_longer_fits_chooses_nothing(self, editor_client, story):
        for stale in ("0123456789", "0123456789-2", "7", "<script>"):
            response = editor_client.get(compare_url(story), {"conflict": stale})
            assert response.status_code == 200 and response.context["page"].chosen_conflict is None


class TestChoosingSources:
    @pytest.fixture
    def story_of_three(self):
        third = HARBOUR_A.replace("Northwire", "Coastal News").replace("12 people", "13 people")
        return harbour_story(extra=[("coastal.txt", third)])

    def test_it_shows_the_sources_chosen(self, editor_client, story_of_three):
        first, _, third = Source.objects.filter(story=story_of_three).order_by("created_at")
        page = editor_client.get(compare_url(story_of_three), {"sources": [first.pk, third.pk]}).context["page"]
        assert [column.head.source_id for column in page.columns] == [first.pk, third.pk]

    def test_it_refuses_a_single_source_and_shows_the_default(self, editor_client, story_of_three):
        first = Source.objects.filter(story=story_of_three).first()
        response = editor_client.get(compare_url(story_of_three), {"sources": [first.pk]})
        assert len(response.context["page"].columns) == 3
        assert "Choose 2 to 4 sources to compare; you chose 1." in response.content.decode()

    def test_it_says_which_sources_are_left_out_when_more_than_four_are_ticked(self, editor_client, story_of_three):
        for n in (4, 5):
            text = HARBOUR_A.replace("Northwire", f"Wire {n}").replace("12 people", f"1{n} people")
            ingest_files(files=[IncomingCopy(f"wire{n}.txt", text.encode())], user=None, story=story_of_three)
        every = list(Source.objects.filter(story=story_of_three).order_by("created_at"))
        response = editor_client.get(compare_url(story_of_three), {"sources": [s.pk for s in every]})
        html = response.content.decode()
        assert "you chose 5. Showing the default choice." in html
        shown = {column.head.source_id for column in response.context["page"].columns}
        [left_out] = [source for source in every if source.pk not in shown]
        note = "Showing 4 of 5 sources: at most 4 fit side by side."
        assert f"{note} Not shown: Unattributed · {left_out.item_id}." in html

    def test_it_says_nothing_is_left_out_when_every_source_is_shown(self, editor_client, story_of_three):
        assert "Not shown:" not in editor_client.get(compare_url(story_of_three)).content.decode()

    def test_it_ignores_sources_of_other_stories(self, editor_client, story_of_three):
        copy = IncomingCopy("other.txt", b"Summary.\nAnother Story\n\nIts copy.\n")
        other = ingest_files(files=[copy], user=None).results[0].version.source
        response = editor_client.get(compare_url(story_of_three), {"sources": [other.pk]})
        shown = {column.head.source_id for column in response.context["page"].columns}
        assert shown == set(Source.objects.filter(story=story_of_three).values_list("pk", flat=True))


class TestCaching:
    def test_it_reads_the_stored_analysis_instead_of_computing_again(self, editor_client, story):
        assert Analysis.objects.count() == 0  # the copy came in without waiting for it (queued)
        editor_client.get(compare_url(story))
        editor_client.get(compare_url(story), {"repeats": "on"})
        assert Analysis.objects.count() == 1

    def test_a_new_version_of_a_source_is_analysed_afresh(self, editor_client, story):
        editor_client.get(compare_url(story))
        update = HARBOUR_A + "Officials later raised the number of injured to 15.\n"
        ingest_files(files=[IncomingCopy("northwire.txt", update.encode())], user=None)
        html = editor_client.get(compare_url(story)).content.decode()
        assert "raised the number of injured to 15" in html
        assert Analysis.objects.count() == 2

    def test_the_page_opened_before_the_background_analysis_gives_the_inbox_its_counts(self, editor_client, story):
        assert story.analysis is None and story.analysis_due_at is not None
        editor_client.get(compare_url(story))
        story.refresh_from_db()
        assert story.analysis is not None and story.analysis.repeat_count == 4

    def test_a_chosen_selection_does_not_change_the_inbox_counts(self, editor_client):
        third = HARBOUR_A.replace("Northwire", "Coastal News").replace("12 people", "13 people")
        story = harbour_story(extra=[("coastal.txt", third)])
        first, _, chosen = Source.objects.filter(story=story).order_by("created_at")
        editor_client.get(compare_url(story), {"sources": [first.pk, chosen.pk]})
        story.refresh_from_db()
        assert story.analysis is None


def test_it_shows_markup_in_wire_copy_as_text(editor_client):
    hostile = HARBOUR_A.replace("Fire chief", "<script>alert('x')</script> Fire chief")
    story = harbour_story(extra=[("hostile.txt", hostile)])
    html = editor_client.get(compare_url(story)).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_an_htmx_request_gets_only_the_comparison(editor_client, story):
    response = editor_client.get(compare_url(story), {"repeats": "on"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="comparison" class="comparison">') and "<html" not in html
    assert "HX-Request" in response["Vary"]


def test_opening_a_story_marks_it_read(editor_client, edith_editor, story):
    editor_client.get(compare_url(story))
    assert StoryReading.objects.filter(user=edith_editor, story=story).exists()


class TestOnlyDifferences:
    def test_it_folds_runs_of_same_rows_with_a_count_and_keeps_every_difference(self, editor_client, story):
        everything = editor_client.get(compare_url(story)).context["page"]
        differing = [row.number for row in everything.rows if row.is_difference]
        same = [row.number for row in everything.rows if not row.is_difference]
        assert differing and same, "the story has rows of both kinds"
        response = editor_client.get(compare_url(story), {"only": "on", "repeats": "on"})
        shown = response.context["shown_rows"]
        assert [item.number for item in shown if not getattr(item, "is_fold", False)] == differing
        folded = [n for item in shown if getattr(item, "is_fold", False) for n in range(item.first, item.last + 1)]
        assert folded == same
        html = response.content.decode()
        assert 'name="only" value="on" checked' in html
        fold = next(item for item in shown if getattr(item, "is_fold", False))
        assert f"{fold.count} row{'s' if fold.count > 1 else ''} the same in every source: show" in html
        assert f'href="?repeats=on#row-{fold.first}"' in html, "showing them keeps the other state"

    def test_the_row_index_links_every_row_that_differs_and_flags_conflicts(self, editor_client, story):
        page = editor_client.get(compare_url(story)).context["page"]
        html = editor_client.get(compare_url(story)).content.decode()
        index = html[html.index('<nav class="row-index"') :].split("</nav>")[0]
        for number, flagged in page.difference_index:
            attributes = ' class="flagged"' if flagged else ""
            assert f'<a href="#row-{number}"{attributes}>{number}' in index
        assert any(flagged for _number, flagged in page.difference_index)
