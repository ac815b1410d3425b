"""Merges grouping offers the desk instead of making them.

A new item that matches items of two or more open stories joins the best one, as grouping
decides (services.grouping), and the desk is offered to merge each other story with it:
grouping kept those stories apart, and one item says they may be one. An editor merges
them (the regroup service's merge, audited as every merge) or keeps them apart, which is
remembered: the same pair is never offered again. A merge of either story by any other
way closes the offer (`regroup.merge_stories`).

Deciding locks the two stories first and then the offer, in the order every merge locks
them, so two editors deciding at once act once: the second is told what the first did.
"""

from __future__ import annotations

from functools import partial

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from stories.models import ArticleVersion, AuditAction, MergeOffer, MergeOfferOutcome, SourceVersion, Story
from stories.services.audit import record_event
from stories.services.grouping import StoryMatch
from stories.services.regroup import RegroupError, lock_stories, merge_stories

REASON_CHARS = MergeOffer._meta.get_field("story_reason").max_length


def offer_merges(*, version: SourceVersion, found: StoryMatch | None) -> None:
    """Offer the desk to merge the story a new item joined with each other open story it
    matched, once the item's transaction commits. A pair offered before (kept apart, say)
    is not offered again: the database keeps one offer a pair.

    In a transaction of its own, after the item's: the item's holds a lock on the story it
    joined, and an offer's insert takes a key lock on the other story too, which an editor
    merging the two (who locks both) could hold while waiting for the first: a deadlock."""
    if found is None or not found.also or version.number != 1:
        return
    offers = [
        MergeOffer(
            story=found.story,
            other_id=also.story_id,
            bridge=version,
            story_score=found.match.score,
            story_reason=found.match.reason[:REASON_CHARS],
            other_score=also.match.score,
            other_reason=also.match.reason[:REASON_CHARS],
            other_match_id=also.version_id,
        )
        for also in found.also
    ]
    transaction.on_commit(partial(_store_offers, offers), robust=True)


def _store_offers(offers: list[MergeOffer]) -> None:
    """Store the offers whose two stories are still open (either may have been merged since)."""
    named = {offer.story_id for offer in offers} | {offer.other_id for offer in offers}
    still_open = set(Story.objects.filter(pk__in=named, merged_into__isnull=True).values_list("pk", flat=True))
    standing = [offer for offer in offers if {offer.story_id, offer.other_id} <= still_open]
    MergeOffer.objects.bulk_create(standing, ignore_conflicts=True)


def merge_plan(offer: MergeOffer) -> tuple[Story, Story]:
    """(the story merged away, the story it joins): the desk's work stays where it was done,
    so into the story whose article has saved versions when only one has; else into the
    older story, which the desk has known longer. Refused when both have saved versions."""
    first, second = sorted((offer.story, offer.other), key=lambda story: (story.created_at, story.pk))
    saved = set(
        ArticleVersion.objects.filter(article__story__in=[first, second]).values_list("article__story_id", flat=True)
    )
    if len(saved) == 2:
        raise RegroupError(
            f"#{first.pk} and #{second.pk} both have articles with saved versions: merging either away would "
            "leave its article behind. Move sources between them on a story's page instead, or keep them apart."
        )
    return (first, second) if second.pk in saved else (second, first)


def merge_offered(*, offer: MergeOffer, by: User) -> Story:
    """Merge the offer's two stories (`merge_plan` says which way); returns the story that
    holds both now. Refused in words when the offer was decided meanwhile, or either story
    merged elsewhere."""
    with transaction.atomic():
        lock_stories(offer.story, offer.other)
        offer = _open_offer(offer)
        story, into = merge_plan(offer)
        merged = merge_stories(story=story, into=into, by=by)  # which settles this offer and lapses the others
    return merged


def keep_apart(*, offer: MergeOffer, by: User) -> MergeOffer:
    """Decline the offer: the two stories stay apart and are not offered again. Each
    story's history says so."""
    with transaction.atomic():
        lock_stories(offer.story, offer.other)
        offer = _open_offer(offer)
        offer.outcome, offer.decided_by, offer.decided_at = MergeOfferOutcome.DECLINED, by, timezone.now()
        offer.save(update_fields=["outcome", "decided_by", "decided_at"])
        summary = (
            f"Kept #{offer.story_id} “{offer.story.headline}” and #{offer.other_id} “{offer.other.headline}” "
            f"apart, though {offer.bridge.source} matched both"
        )
        for story in (offer.story, offer.other):
            record_event(
                action=AuditAction.KEEP_APART,
                actor=by,
                story=story,
                subject=f"MergeOffer {offer.pk}",
                summary=summary,
                detail={"stories": [offer.story_id, offer.other_id], "bridge": offer.bridge_id},
            )
    return offer


def _open_offer(offer: MergeOffer) -> MergeOffer:
    """The offer, locked and read afresh, when it still stands; else RegroupError saying why."""
    offer = (
        MergeOffer.objects.select_for_update(of=("self",))
        .select_related("story", "other", "bridge__source__provider", "decided_by")
        .defer("bridge__original", "bridge__text")
        .get(pk=offer.pk)
    )
    check_offer_stands(offer)
    return offer


def check_offer_stands(offer: MergeOffer) -> None:
    """RegroupError, saying why, when the offer was decided or either story merged away."""
    if offer.outcome != MergeOfferOutcome.OPEN:
        who = offer.decided_by.get_username() if offer.decided_by else "someone"
        done = "kept them apart" if offer.outcome == MergeOfferOutcome.DECLINED else "merged them"
        if offer.outcome == MergeOfferOutcome.LAPSED:
            done = "merged one of them into another story"
        raise RegroupError(
            f"#{offer.story_id} and #{offer.other_id}: {who} {done} a moment ago ({offer.decided_at:%H:%M:%S}); "
            "nothing more was changed."
        )
    for story in (offer.story, offer.other):
        if story.merged_into_id is not None:
            raise RegroupError(f"#{story.pk} “{story.headline}” was merged into another story; the offer lapsed.")
