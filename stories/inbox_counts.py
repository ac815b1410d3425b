"""What the inbox says of a story's repeat and conflict counts while its analysis waits.

Ingest leaves a story's analysis to a background task, a burst's worth of copy later
(`services.analysis.queue_analysis`: NEWSROOM_ANALYSIS_DELAY_SECONDS), so a story the feed
just brought has no counts for a few seconds, and one that received new copy has the counts
of its earlier copy. The inbox never analyses (it lists many stories); it says which of these
a story is in, in words, and a page with any story waiting asks again (`poll`), one small
request for the whole page, sooner when an analysis is due soon, seldom when it is late.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings

from stories.models import Story

READY = "ready"  # the counts of the story's copy as it is
UPDATING = "updating"  # counts of its earlier copy; new copy is being analysed
ANALYSING = "analysing"  # new story: its first analysis is on its way
LATE = "late"  # the analysis is well past due (no task worker running, or a long queue)
NOT_ANALYSED = "not_analysed"  # nothing on its way: opening the story analyses it

WAITING = (UPDATING, ANALYSING, LATE)
# Past its due time by this much, an analysis is late: the inbox says so, and asks seldom.
LATE_AFTER = timedelta(seconds=60)
SOON, SELDOM = 2, 30  # seconds between two asks: at least, and once late


@dataclass(frozen=True)
class Counts:
    """A story's counts as its inbox row shows them."""

    story_id: int
    state: str
    repeats: int | None
    conflicts: int | None

    @property
    def waiting(self) -> bool:
        return self.state in WAITING

    @property
    def said(self) -> str:
        """What a screen reader hears after the cell's text: why there is no number yet."""
        return {
            UPDATING: "New copy is being compared: the count is updated in a few seconds.",
            ANALYSING: "The story’s copy is being compared: the count follows in a few seconds.",
            LATE: "The comparison is late: open the story to see the count now.",
            NOT_ANALYSED: "Not compared yet: open the story to see the count.",
        }.get(self.state, "")


def due_at(story: Story) -> datetime | None:
    """When the story's queued analysis is expected to run, if one is queued."""
    if story.analysis_due_at is None:
        return None
    return story.analysis_due_at + timedelta(seconds=settings.NEWSROOM_ANALYSIS_DELAY_SECONDS)


def counts_of(story: Story, now: datetime) -> Counts:
    """The story's counts and their state, from its row and its analysis's (no analysing)."""
    analysis = story.analysis
    expected = due_at(story)
    if expected is None:
        state = READY if analysis is not None else NOT_ANALYSED
    elif analysis is not None:
        state = UPDATING
    else:
        state = LATE if now > expected + LATE_AFTER else ANALYSING
    if analysis is None:
        return Counts(story.pk, state, None, None)
    return Counts(story.pk, state, analysis.repeat_count, analysis.conflict_count)


def poll_seconds(stories: list[Story], now: datetime) -> int | None:
    """Seconds until the inbox asks again for the counts of the stories waiting, or None when
    none waits: just after the first analysis due, at least SOON; every 5 s in the minute
    after it was due; SELDOM once all are late."""
    expected = [when for when in map(due_at, stories) if when is not None]
    if not expected:
        return None
    upcoming = [when for when in expected if when > now]
    if upcoming:
        return max(SOON, min(SELDOM, int((min(upcoming) - now).total_seconds()) + 1))
    if any(now - when < LATE_AFTER for when in expected):
        return 5
    return SELDOM
