"""Conflicting facts of three sources: one fact with every source's value, settled by naming
the value that stands, and followed by the draft wherever it states another of them."""

import pytest

from stories.models import AuditAction, AuditEvent, ConflictSettlement
from stories.services.compose import article_for, draft_for
from stories.services.conflicts import (
    SettleError,
    conflict_key,
    follow_settlement,
    settle_conflict,
    story_conflicts,
    touched,
)
from tests.views.copy import HARBOUR_C, harbour_story

pytestmark = pytest.mark.django_db

INJURED = ["12 people", "14 people", "15 people"]  # the body of each: ¶5, ¶4, ¶2


def three_source_story():
    return harbour_story(extra=[("coastal.txt", HARBOUR_C)])


def fact(story, value: str):
    return next(conflict for conflict in story_conflicts(story) if value in conflict.texts)


class TestOneFactOfThreeSources:
    def test_it_lists_every_sources_value_of_the_fact_once(self):
        story = three_source_story()
        injured = fact(story, "15 people")
        assert injured.texts == INJURED
        # (the copy names no provider: each source's place is "Unattributed ¶N")
        assert [value.where.split()[-1] for value in injured.values] == ["¶5", "¶4", "¶2"]
        assert [(letter, value.text) for letter, value in injured.choices] == list(zip("abc", INJURED))
        assert [conflict for conflict in story_conflicts(story) if "15 people" in conflict.texts] == [injured]

    def test_a_third_source_agreeing_with_one_of_two_keeps_the_key_the_fact_had_between_two(self):
        kroner = fact(three_source_story(), "43 million kroner")
        assert kroner.texts == ["38 million kroner", "43 million kroner"]
        assert kroner.key == conflict_key("number", "38 million kroner", "43 million kroner")
        assert [value.where.split()[-1] for value in kroner.values] == ["¶7", "¶6", "¶4"]


class TestSettlingAFactOfThreeSources:
    def test_any_value_can_stand_and_the_settlement_keeps_its_text(self, edith_editor):
        story = three_source_story()
        injured = fact(story, "15 people")
        settlement = settle_conflict(story=story, key=injured.key, stands="c", note="hospital figure", by=edith_editor)
        assert (settlement.stands, settlement.a_text, settlement.b_text) == ("15 people", "12 people", "14 people")
        assert fact(story, "15 people").overruled() == ["12 people", "14 people"]
        event = AuditEvent.objects.get(action=AuditAction.SETTLE_CONFLICT)
        assert event.detail["values"] == INJURED and event.detail["stands"] == "15 people"
        assert event.summary == (
            "Settled “12 people” / “14 people” / “15 people”: “15 people” stands (hospital figure)"
        )

    def test_a_letter_beyond_the_values_is_refused(self, edith_editor):
        story = three_source_story()
        key = fact(story, "15 people").key
        with pytest.raises(SettleError, match="not one of the conflict's"):
            settle_conflict(story=story, key=key, stands="d", note="", by=edith_editor)
        assert not ConflictSettlement.objects.exists()

    def test_the_draft_follows_by_stating_the_value_that_stands_wherever_it_stated_another(self, edith_editor):
        story = three_source_story()
        draft = draft_for(article=article_for(story), editor=edith_editor)
        draft.paragraphs[0]["text"] = "Police counted 12 people; the hospital 14 people."
        draft.save()
        key = fact(story, "15 people").key
        settlement = settle_conflict(story=story, key=key, stands="c", note="", by=edith_editor)
        followed = follow_settlement(draft, settlement).draft
        assert followed.paragraphs[0]["text"] == "Police counted 15 people; the hospital 15 people."
        assert all(value not in paragraph["text"] for paragraph in followed.paragraphs for value in INJURED[:2])

    def test_a_text_still_stating_a_value_that_gave_way_holds_approval(self, edith_editor):
        story = three_source_story()
        settle_conflict(story=story, key=fact(story, "15 people").key, stands="c", note="", by=edith_editor)
        [touch] = touched(story_conflicts(story), "The fire injured 14 people, later 15 people.")
        assert touch.stated == ("14 people", "15 people") and touch.is_open
        assert touch.still_says == ["14 people"]
        assert touch.problem == (
            "“12 people” / “14 people” / “15 people”: “15 people” was settled, "
            "but the text still says “14 people”"
        )
        [settled] = touched(story_conflicts(story), "The fire injured 15 people.")
        assert not settled.is_open

    def test_between_two_sources_a_and_b_name_the_two_values_as_before(self, edith_editor):
        story = harbour_story()
        kroner = fact(story, "43 million kroner")
        settlement = settle_conflict(story=story, key=kroner.key, stands="b", note="", by=edith_editor)
        assert (settlement.a_text, settlement.b_text, settlement.stands) == (
            "38 million kroner", "43 million kroner", "43 million kroner"
        )
        assert settlement.overruled == "38 million kroner"
        assert kroner.key == conflict_key("number", "38 million kroner", "43 million kroner")
        assert fact(story, "Fourteen people").texts == ["12 people", "Fourteen people"]  # not joined with ¶5 / ¶4
