"""What a feed's page counts: each run, and the items its copy brought, by outcome."""

from __future__ import annotations

from django.db.models import F
from django.utils import timezone

from stories.models import Feed
from stories.services.ingest import IngestReport


def count_run(feed: Feed, report: IngestReport, *, error: str) -> None:
    """Note a run of the feed: when, its outcomes added to the counts, and its error, or
    its success (which clears the error)."""
    now = timezone.now()
    outcome = {"last_error": error} if error else {"last_success_at": now, "last_error": ""}
    Feed.objects.filter(pk=feed.pk).update(
        last_run_at=now,
        stored_count=F("stored_count") + report.count("stored"),
        duplicate_count=F("duplicate_count") + report.count("duplicate"),
        refused_count=F("refused_count") + report.count("refused"),
        **outcome,
    )


def count_items(feed: Feed, report: IngestReport) -> None:
    """Add a report's outcomes to the feed's counts, and nothing else: the items of a drop
    folder's file, taken in by a task worker after the run that queued them was noted."""
    Feed.objects.filter(pk=feed.pk).update(
        stored_count=F("stored_count") + report.count("stored"),
        duplicate_count=F("duplicate_count") + report.count("duplicate"),
        refused_count=F("refused_count") + report.count("refused"),
    )
