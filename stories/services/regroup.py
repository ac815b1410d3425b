"""Changing which story copy belongs to: moving a source, splitting it off, merging stories.

Grouping by similarity (or an admin's choice at upload) can be wrong; an editor puts it
right here. Each change locks the stories it touches, writes its audit event on each of
them in the same transaction, and has both stories analysed again afterwards. A merge
closes the merge offers of the story merged away (services.merge_offers).
"""

from __future__ import annotations

from functools import partial

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from stories.models import (
    Article,
    ArticleDraft,
    AuditAction,
    MergeOffer,
    MergeOfferOutcome,
    Source,
    SourceVersion,
    Story,
)
from stories.services.analysis import refresh_story_analysis
from stories.services.audit import record_event


class RegroupError(Exception):
    """A change of grouping that cannot be made, said in words for the editor."""


def move_source(*, source: Source, to_story: Story | None, by: User) -> Story:
    """Move the source, with all its versions, to `to_story`, or to a new story of its own
    when `to_story` is None (splitting it off). Returns the story it is in now."""
    with transaction.atomic():
        # Stories first, then the source, as a merge locks them: two changes never deadlock.
        story_id = Source.objects.values_list("story_id", flat=True).get(pk=source.pk)
        old, *target = lock_stories(Story(pk=story_id), to_story)  # fresh rows: a merge may have just happened
        source = Source.objects.select_for_update(of=("self",)).select_related("provider").get(pk=source.pk)
        if source.story_id != old.pk:
            raise RegroupError("The source's story changed a moment ago (merged or regrouped); look again and retry.")
        to_story = target[0] if target else None
        if to_story is not None and to_story.pk == old.pk:
            raise RegroupError(f"The source is already in “{old.headline}”.")
        if to_story is not None and to_story.merged_into_id is not None:
            raise RegroupError(f"“{to_story.headline}” was merged into another story; move the source there.")
        if not old.sources.exclude(pk=source.pk).exists():
            raise RegroupError(
                f"It is the only source of “{old.headline}”: merge the story into the other one instead."
            )
        new = to_story or Story.objects.create(
            headline=source.headline or old.headline, last_received_at=_newest_copy([source]), created_by=by
        )
        source.story = new
        source.save(update_fields=["story"])
        note_newer_copy(new)
        summary = f"Moved {source.provider} · {source.item_id} from “{old.headline}” to “{new.headline}”"
        for story in (old, new):
            _record(AuditAction.MOVE_SOURCE, story, by, f"Source {source.pk}", summary, old, new)
    _analyse_after_commit(old, new)
    return new


def merge_stories(*, story: Story, into: Story, by: User) -> Story:
    """Move every source of `story` into `into`; `story` keeps its history, points at
    `into` and leaves the inbox. Refused when `story` has article versions: the desk's
    work stays where it was done, so merge the other way round."""
    with transaction.atomic():
        story, into = lock_stories(story, into)
        if story.pk == into.pk:
            raise RegroupError("A story cannot be merged into itself.")
        for merged in (story, into):
            if merged.merged_into_id is not None:
                raise RegroupError(f"“{merged.headline}” was already merged into another story.")
        _drop_unsaved_article(story)
        moved = list(story.sources.select_related("provider"))
        Source.objects.filter(story=story).update(story=into)
        story.merged_into, story.analysis = into, None
        story.save(update_fields=["merged_into", "analysis"])
        note_newer_copy(into)
        close_merge_offers(story, into, by)
        summary = f"Merged “{story.headline}” ({len(moved)} sources) into “{into.headline}”"
        for affected in (story, into):
            _record(AuditAction.MERGE_STORY, affected, by, f"Story {story.pk}", summary, story, into)
    _analyse_after_commit(into)
    return into


def lock_stories(*stories: Story | None) -> tuple[Story, ...]:
    """Lock the stories' rows in one order (by id), so two changes never deadlock."""
    ids = sorted({story.pk for story in stories if story is not None})
    locked = {story.pk: story for story in Story.objects.select_for_update().filter(pk__in=ids).order_by("pk")}
    return tuple(locked[story.pk] for story in stories if story is not None)


def close_merge_offers(story: Story, into: Story, by: User | None) -> None:
    """The open merge offers of the story merged away close themselves: the offer of this
    very pair as merged, the others as lapsed (the story they name is gone)."""
    touching = MergeOffer.objects.filter(Q(story=story) | Q(other=story), outcome=MergeOfferOutcome.OPEN)
    decided = {"decided_by": by, "decided_at": timezone.now()}
    touching.filter(Q(story=into) | Q(other=into)).update(outcome=MergeOfferOutcome.MERGED, **decided)
    touching.update(outcome=MergeOfferOutcome.LAPSED, **decided)


def _drop_unsaved_article(story: Story) -> None:
    article = Article.objects.filter(story=story).first()
    if article is None:
        return
    saved = article.versions.count()
    if saved:
        raise RegroupError(
            f"“{story.headline}” has an article with {saved} saved version{'s' if saved != 1 else ''}: "
            "merge the other story into it instead."
        )
    ArticleDraft.objects.filter(article=article).delete()
    article.delete()


def _newest_copy(sources: list[Source]):
    return SourceVersion.objects.filter(source__in=sources).aggregate(newest=Max("received_at"))["newest"]


def note_newer_copy(story: Story) -> None:
    newest = _newest_copy(list(story.sources.all()))
    if newest is not None and newest > story.last_received_at:
        Story.objects.filter(pk=story.pk).update(last_received_at=newest)


def _record(action: str, story: Story, by: User, subject: str, summary: str, old: Story, new: Story) -> None:
    record_event(
        action=action,
        actor=by,
        story=story,
        subject=subject,
        summary=summary,
        detail={"from_story": old.pk, "to_story": new.pk},
    )


def _analyse_after_commit(*stories: Story) -> None:
    for story in stories:
        transaction.on_commit(partial(refresh_story_analysis, story))
