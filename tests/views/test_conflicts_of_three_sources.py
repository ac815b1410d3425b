"""A fact three sources disagree on, as the compare and compose pages show it: one entry
listing every source's value, its words marked in each passage when chosen, settled by
naming any of its values."""

import re

import pytest
from django.urls import reverse

from stories.models import ConflictSettlement
from stories.services.conflicts import conflict_key, story_conflicts
from tests.views.compose_form import DraftForm
from tests.views.copy import HARBOUR_C, harbour_story

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}
MARK = '<mark class="conflict-words">'


@pytest.fixture
def story():
    return harbour_story(extra=[("coastal.txt", HARBOUR_C)])


def url(name: str, story, *args) -> str:
    return reverse(f"stories:{name}", args=[story.pk, *args])


def conflict_items(html: str, css_class: str) -> list[str]:
    return [item.split("</li>")[0] for item in html.split(f'<li class="{css_class}')[1:]]


def listing(html: str, value: str, css_class: str = "conflict") -> list[str]:
    return [item for item in conflict_items(html, css_class) if f"<q>{value}</q>" in item]


def injured_key(story) -> str:
    return next(conflict.key for conflict in story_conflicts(story) if "15 people" in conflict.texts)


def marks(html: str) -> int:
    """How many places the grid marks as a chosen conflict's words (the legend shows one too)."""
    return html.split("<tbody>")[1].count(MARK)


def passage(html: str, passage_id: str) -> str:
    return html.split(f'id="passage-{passage_id}"')[1].split('<div class="passage"')[0]


class TestTheComparePage:
    def test_it_lists_the_fact_once_with_each_sources_value(self, editor, story):
        html = editor.get(url("compare", story)).content.decode()
        [item] = listing(html, "15 people")
        assert "<q>12 people</q>" in item and "<q>14 people</q>" in item
        assert "· 3 sources" in item and 'class="values values-several"' in item
        assert 'data-passages="passage-A5 passage-B4 passage-C2"' in item
        assert len(listing(html, "43 million kroner")) == 1

    def test_choosing_it_marks_the_three_passages_and_the_words_in_each(self, editor, story):
        html = editor.get(url("compare", story), {"conflict": injured_key(story)}).content.decode()
        assert listing(html, "15 people")[0].startswith(' chosen">')
        for passage_id, people in (("A5", 12), ("B4", 14), ("C2", 15)):
            marked = passage(html, passage_id)
            assert marked.lstrip().startswith('data-status="changed" data-marked>'), marked[:80]
            assert re.search(rf"{MARK}(<(ins|del)>)?{people} (</(ins|del)>)?people</mark>", marked), marked
        assert marks(html) == 3

    def test_an_htmx_request_gets_the_comparison_with_the_marks(self, editor, story):
        response = editor.get(url("compare", story), {"conflict": injured_key(story)}, headers=HTMX)
        html = response.content.decode()
        assert html.lstrip().startswith('<div id="comparison"') and marks(html) == 3

    def test_between_two_sources_the_key_and_the_pair_are_as_before(self, editor):
        two = harbour_story()
        html = editor.get(url("compare", two)).content.decode()
        [item] = listing(html, "43 million kroner")
        key = conflict_key("number", "38 million kroner", "43 million kroner")
        assert f"conflict={key}" in item and '<span class="versus">vs</span>' in item
        assert "sources-count" not in item and "values-several" not in item
        chosen = editor.get(url("compare", two), {"conflict": key}).content.decode()
        assert marks(chosen) == 2 and marks(html) == 0


class TestTheComposePage:
    def test_it_lists_the_fact_once_with_a_button_for_each_value(self, editor, story):
        form = DraftForm.of(editor, story).type(1, "The fire injured 12 people, 14 people or 15 people.")
        editor.post(url("edit_draft", story), form.data())
        html = editor.get(url("compose", story)).content.decode()
        [item] = listing(html, "15 people", css_class="draft-conflict")
        key = injured_key(story)
        for letter, value in zip("abc", ["12 people", "14 people", "15 people"]):
            assert f'name="{key}-stands" value="{letter}"' in item
            assert f"“{value}” stands</button>" in item
        assert "Your draft states 3 of them." in item

    def test_settling_the_third_value_records_it_and_the_draft_follows(self, editor, story, edith_editor):
        form = DraftForm.of(editor, story)
        editor.post(url("edit_draft", story), form.type(1, "Police counted 12 people, the union 14 people.").data())
        key = injured_key(story)
        data = DraftForm.of(editor, story).data(**{f"{key}-stands": "c", f"{key}-note": "hospital"})
        response = editor.post(url("settle_conflict", story, key), data, follow=True)
        assert "Settled: “15 people” stands." in response.content.decode()
        settlement = ConflictSettlement.objects.get(key=key)
        assert (settlement.a_text, settlement.b_text, settlement.stands) == ("12 people", "14 people", "15 people")
        assert DraftForm.of(editor, story).text(1) == "Police counted 15 people, the union 15 people."
        compare = editor.get(url("compare", story)).content.decode()
        assert "Settled: “15 people” stands · edith · hospital" in listing(compare, "15 people")[0]

    def test_a_value_the_fact_does_not_have_is_refused_with_a_message(self, editor, story):
        key = next(conflict.key for conflict in story_conflicts(story) if "43 million kroner" in conflict.texts)
        data = DraftForm.of(editor, story).data(**{f"{key}-stands": "c"})
        response = editor.post(url("settle_conflict", story, key), data, follow=True)
        assert "That value is not one of the conflict&#x27;s; reload the page." in response.content.decode()
        assert not ConflictSettlement.objects.exists()
