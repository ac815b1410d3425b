"""Running the feeds that are looked at on a schedule (pulled feeds, drop folders): which are
due, taken by one runner at a time, each run dispatched by the feed's kind.

A runner takes a due feed under `select_for_update(skip_locked=True)` and, in the same
short transaction, moves its `next_run_at` a lease ahead (NEWSROOM_FEED_LEASE_SECONDS):
another runner skips the locked row and, once committed, no longer finds the feed due, so
two runners never look at one feed at once, and the run itself holds no transaction open
while it fetches. The run then sets `next_run_at` to the feed's interval (or its back-off);
a runner that dies leaves the feed to the others when the lease runs out. Should two runs
meet all the same, ingest stores each item once: the database keeps SHA-256 unique."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from stories.models import Feed, FeedKind
from stories.services.drop_folders import take_in_drop_folder
from stories.services.pull_feeds import poll_feed, record_failure

log = logging.getLogger(__name__)

SCHEDULED_KINDS = (FeedKind.PULL_HTTP, FeedKind.DROP_FOLDER)


def claim_due_feed(*, skip: frozenset[int] = frozenset()) -> Feed | None:
    """A switched-on feed whose time has come, taken for this runner, or None."""
    now = timezone.now()
    with transaction.atomic():
        due = (
            Feed.objects.select_for_update(skip_locked=True)
            .filter(enabled=True, kind__in=SCHEDULED_KINDS)
            .filter(Q(next_run_at__isnull=True) | Q(next_run_at__lte=now))
            .exclude(pk__in=skip)
            .order_by(F("next_run_at").asc(nulls_first=True), "pk")
            .first()
        )
        if due is not None:
            due.next_run_at = now + timedelta(seconds=settings.NEWSROOM_FEED_LEASE_SECONDS)
            due.save(update_fields=["next_run_at"])
    return due


def run_due_feeds(*, on_run: Callable[[Feed, str], None] | None = None) -> list[Feed]:
    """Run every feed due now, each once, and say how each went."""
    ran: list[Feed] = []
    while (feed := claim_due_feed(skip=frozenset(f.pk for f in ran))) is not None:
        summary = run_feed(feed)
        ran.append(feed)
        if on_run is not None:
            on_run(feed, summary)
    return ran


def run_feed(feed: Feed) -> str:
    """Look at one feed by its kind; a run that fails unexpectedly (a bug, the database
    gone) is recorded as the feed's failure, with the back-off, not left to stop the runner."""
    try:
        if feed.kind == FeedKind.PULL_HTTP:
            return poll_feed(feed).summary()
        return _run_drop_folder(feed)
    except Exception as error:
        log.exception("Feed %s: the run failed", feed.pk)
        record_failure(feed, f"The run stopped on an unexpected error: {type(error).__name__}: {error}")
        return f"failed: {error}"


def _run_drop_folder(feed: Feed) -> str:
    """Queue a drop folder's complete files for the task workers (`take_in_drop_folder`
    records the run on the feed). A folder that cannot be looked at (missing, not a folder)
    backs off like a feed that cannot be fetched; files that could not be moved are said on
    the feed's page."""
    report = take_in_drop_folder(feed)
    if report.error:
        record_failure(feed, report.error)
        return f"failed: {report.error}"
    now = timezone.now()
    Feed.objects.filter(pk=feed.pk).update(failures=0, next_run_at=now + timedelta(seconds=feed.interval))
    batches = ", ".join(str(batch.pk) for batch in report.batches)
    queued = f"{len(report.queued)} file(s) queued for the task workers" + (f" (batch {batches})" if batches else "")
    waiting = f", {len(report.waiting)} still being written" if report.waiting else ""
    moved = f", {len(report.moved)} taken in before moved on" if report.moved else ""
    return f"{queued}{waiting}{moved}"
