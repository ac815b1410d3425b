"""A new item that bridges two stories grouping kept apart: the desk is offered the merge,
with the evidence, and decides; nothing is merged by itself."""

from datetime import timedelta

import pytest
from django.utils import timezone

from stories.analysis.grouping import THRESHOLD, evidence_of, match
from stories.analysis.story_merges import alike
from stories.models import AuditAction, AuditEvent, MergeOffer, MergeOfferOutcome, Source, SourceVersion, Story
from stories.services.compose import article_for, draft_for, save_draft
from stories.services.merge_offers import keep_apart, merge_offered, merge_plan
from stories.services.regroup import RegroupError, merge_stories
from tests.bridging import ASIDE, BRIDGE, PASS, POWER, bridged, pass_and_power, take_in
from tests.races import all_at_once

pytestmark = pytest.mark.django_db


def test_an_item_matching_two_stories_joins_the_best_and_offers_the_merge():
    offer = bridged()

    bridge = Source.objects.get(item_id="cn-osterdal")
    assert offer.story == bridge.story and offer.bridge.source == bridge
    assert offer.story.headline == "Avalanche Closes Brekke Pass" and offer.other.headline.startswith("Storm Leaves")
    assert Story.objects.filter(merged_into__isnull=True).count() == 2, "nothing merged by itself"
    assert offer.outcome == MergeOfferOutcome.OPEN and offer.story_score > offer.other_score >= 0.30
    # The evidence, as the grouping note prints it: the shared names and figures on each side.
    assert offer.story_reason == bridge.grouping_note.removeprefix("Grouped by similarity: ")
    assert "Solheim" in offer.story_reason and "Kraftnett" in offer.other_reason and "8,500" in offer.other_reason
    assert offer.other_match.source.item_id == "mp-osterdal"


def test_an_item_matching_one_story_offers_nothing():
    pass_and_power()
    take_in("cn-power", POWER.replace("Meridian Press", "Coastal News"), "Coastal News")
    assert not MergeOffer.objects.exists()


def test_an_item_matching_a_story_that_does_not_read_as_one_with_its_own_offers_nothing():
    pass_story, power_story = pass_and_power()
    aside, power, pass_ = (
        evidence_of(text.split("\n")[0], text, None, name)
        for name, text in (("aside", ASIDE), ("power", POWER), ("pass", PASS))
    )
    assert match(aside, power).score >= THRESHOLD, "it matches the power story on its own"
    assert alike([pass_, aside], [power]) < THRESHOLD, "but the two stories read as two"

    assert take_in("fw-brekke", ASIDE, "Fjord Wire") == pass_story
    assert not MergeOffer.objects.exists()
    assert power_story.sources.count() == 1


def test_merging_an_offer_merges_the_newer_story_into_the_older_and_closes_it(edith_editor):
    offer = bridged()
    into = merge_offered(offer=offer, by=edith_editor)

    offer.refresh_from_db()
    assert into == offer.story and Story.objects.get(pk=offer.other_id).merged_into == into
    assert (offer.outcome, offer.decided_by) == (MergeOfferOutcome.MERGED, edith_editor)
    assert offer.decided_at is not None
    assert AuditEvent.objects.filter(action=AuditAction.MERGE_STORY, actor=edith_editor).count() == 2
    with pytest.raises(RegroupError, match="edith merged them a moment ago"):
        merge_offered(offer=offer, by=edith_editor)


def test_the_story_with_saved_article_versions_is_the_one_merged_into(edith_editor):
    offer = bridged()
    save_draft(draft=draft_for(article=article_for(offer.other), editor=edith_editor), reason="first take")
    assert merge_plan(offer) == (offer.story, offer.other)
    save_draft(draft=draft_for(article=article_for(offer.story), editor=edith_editor), reason="first take")
    with pytest.raises(RegroupError, match="both have articles with saved versions"):
        merge_plan(offer)


def test_kept_apart_is_remembered_and_the_pair_never_offered_again(edith_editor):
    offer = bridged()
    keep_apart(offer=offer, by=edith_editor)

    offer.refresh_from_db()
    assert (offer.outcome, offer.decided_by) == (MergeOfferOutcome.DECLINED, edith_editor)
    events = AuditEvent.objects.filter(action=AuditAction.KEEP_APART)
    assert {event.story_id for event in events} == {offer.story_id, offer.other_id}
    assert "matched both" in events[0].summary
    # Another item bridging the same two stories offers nothing new.
    take_in("cn-osterdal-2", BRIDGE.replace("Coastal News", "Valley Radio"), "Valley Radio")
    assert MergeOffer.objects.count() == 1 and MergeOffer.objects.get().outcome == MergeOfferOutcome.DECLINED
    with pytest.raises(RegroupError, match="edith kept them apart"):
        merge_offered(offer=offer, by=edith_editor)


def test_merging_either_story_by_hand_closes_its_offers(edith_editor):
    offer = bridged()
    elsewhere = take_in("lone", "Harbour Crane Repaired\n\nThe crane at pier 4 works again.\n", "Northwire")
    merge_stories(story=offer.other, into=elsewhere, by=edith_editor)

    offer.refresh_from_db()
    assert offer.outcome == MergeOfferOutcome.LAPSED and offer.decided_by == edith_editor
    with pytest.raises(RegroupError, match="merged one of them into another story"):
        keep_apart(offer=offer, by=edith_editor)


def test_merging_the_pair_by_hand_settles_the_offer_as_merged(edith_editor):
    offer = bridged()
    merge_stories(story=offer.other, into=offer.story, by=edith_editor)
    offer.refresh_from_db()
    assert offer.outcome == MergeOfferOutcome.MERGED


@pytest.mark.django_db(transaction=True)
def test_two_editors_merging_one_offer_at_once_merge_once(edith_editor, alice_admin):
    """Both press "Merge them" at the same moment, ten rounds over: one merge, and the other
    is told in words that it was done; never an error, never a second merge."""
    editors = (edith_editor, alice_admin)
    for n in range(10):
        SourceVersion.objects.update(received_at=timezone.now() - timedelta(days=10))  # earlier rounds out of reach
        offer = bridged(filed=f"Filed {n}.")
        outcomes = sorted(all_at_once(2, lambda who, offer=offer: merge_at_once(offer, editors[who])))
        assert outcomes[0] == "done" and outcomes[1].startswith("refused: "), outcomes
        assert "merged them a moment ago" in outcomes[1]
        merges = AuditEvent.objects.filter(action=AuditAction.MERGE_STORY, subject=f"Story {offer.other_id}")
        assert merges.count() == 2, "one merge, recorded on each story"
        assert Story.objects.get(pk=offer.other_id).merged_into_id == offer.story_id


def merge_at_once(offer: MergeOffer, by) -> str:
    try:
        merge_offered(offer=offer, by=by)
    except RegroupError as refused:
        return f"refused: {refused}"
    except Exception as error:  # the test reports whatever else went wrong
        return f"failed: {type(error).__name__}: {error}"
    return "done"


@pytest.mark.django_db(transaction=True)
def test_merging_and_keeping_apart_at_once_one_decision_stands(edith_editor, alice_admin):
    """One editor merges while another keeps the pair apart, five rounds over: whichever
    came first stands, and the other is told so; the offer and the stories agree."""
    for n in range(5):
        SourceVersion.objects.update(received_at=timezone.now() - timedelta(days=10))
        offer = bridged(filed=f"Filed {n}.")

        def decide(which: int, offer=offer) -> str:
            if which == 0:
                return merge_at_once(offer, edith_editor)
            try:
                keep_apart(offer=offer, by=alice_admin)
            except RegroupError as refused:
                return f"refused: {refused}"
            return "done"

        merged, kept = all_at_once(2, decide)
        assert sorted([merged[:5], kept[:5]]) == ["done", "refus"], (merged, kept)
        offer.refresh_from_db()
        now_merged = Story.objects.get(pk=offer.other_id).merged_into_id is not None
        assert offer.outcome == (MergeOfferOutcome.MERGED if merged == "done" else MergeOfferOutcome.DECLINED)
        assert now_merged == (merged == "done")
