"""A pulled feed looked at once: its address fetched (conditionally, bounded), its entries
read, each item it carries or links to taken in through the same ingest as an upload (one
transaction per item, the same refusals, the same audit, "feed NAME" as who took it in,
the feed's provider, grouped), and the run recorded on the feed.

A run that cannot read the feed (a timeout, an error answer, a body over the limit, a
redirect loop or a redirect off http(s), a document that is no feed) stores nothing,
records why, and leaves the feed alone for its interval doubled for each failure in a row
(`Feed.wait_after_failures`). A linked item (a page, an enclosure, Atom content out of
line) that cannot be fetched is refused, with the reason, and the feed's validators are not
kept, so the next run reads the feed again and fetches it again; items already taken in are
not fetched twice. An entry whose only attachments are of types the desk does not read is
refused once, unfetched, and not tried again."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import F, Max
from django.utils import timezone

from stories.ingest.names import printable
from stories.models import AuditAction, AuditEvent, Feed, SourceVersion
from stories.services.feed_entries import FeedEntry, FeedUnreadable, read_feed
from stories.services.fetching import Fetched, FetchFailed, FetchLimits, fetch
from stories.services.ingest import IncomingCopy, IngestReport, RefusedCopy, ingest_files

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PollOutcome:
    report: IngestReport | None  # None when the feed could not be read
    error: str = ""
    not_modified: bool = False

    def summary(self) -> str:
        if self.report is None:
            return f"failed: {self.error}"
        if self.not_modified:
            return "not modified since the last run"
        counts = ", ".join(f"{self.report.count(outcome)} {outcome}" for outcome in ("stored", "duplicate", "refused"))
        return counts + (f"; {self.error}" if self.error else "")


def feed_limits() -> FetchLimits:
    """The limits of a feed's own document."""
    return _limits(settings.NEWSROOM_MAX_FEED_BYTES)


def item_limits() -> FetchLimits:
    """The limits of an item a feed links to: one file's (NEWSROOM_MAX_COPY_BYTES)."""
    return _limits(settings.NEWSROOM_MAX_COPY_BYTES)


def _limits(max_bytes: int) -> FetchLimits:
    return FetchLimits(
        timeout=settings.NEWSROOM_FEED_TIMEOUT_SECONDS,
        max_bytes=max_bytes,
        max_redirects=settings.NEWSROOM_FEED_MAX_REDIRECTS,
        private_addresses=settings.NEWSROOM_FEED_ALLOW_PRIVATE_ADDRESSES,
    )


def poll_feed(feed: Feed) -> PollOutcome:
    """Look at the pulled feed once and record how it went on the feed."""
    try:
        answer = fetch(feed.address, feed_limits(), etag=feed.etag, last_modified=feed.last_modified, trusted=True)
        entries = [] if answer.not_modified else read_feed(answer.body, url=answer.url)
    except (FetchFailed, FeedUnreadable) as failure:
        record_failure(feed, str(failure))
        return PollOutcome(None, str(failure))
    copies, left_to_retry = _copies(feed, entries)
    report = ingest_files(
        files=copies, user=None, provider=feed.provider, group=True, actor_name=feed.actor_name, feed=feed
    )
    error = _item_trouble(report, left_to_retry)
    _record_success(feed, report, answer, keep_validators=not left_to_retry, error=error)
    return PollOutcome(report, error, answer.not_modified)


def _copies(feed: Feed, entries: list[FeedEntry]) -> tuple[list[IncomingCopy | RefusedCopy], int]:
    """What to take in of the feed's entries: those it carries, and those it links to,
    fetched; entries this feed already brought are left out. Also how many linked items
    are left for the next run (not fetched, or fetched without success)."""
    copies: list[IncomingCopy | RefusedCopy] = []
    fetched = left = 0
    for entry in entries:
        if entry.refusal:
            if not _refused_before(feed, entry):
                copies.append(RefusedCopy(entry.name, entry.refusal))
            continue
        if not entry.is_linked:
            if not _carried_before(feed, entry):
                copies.append(IncomingCopy(entry.name, entry.data, item_id=entry.item_id[:255]))
            continue
        if _linked_before(feed, entry):
            continue
        if fetched >= settings.NEWSROOM_FEED_MAX_LINKED_ITEMS:
            left += 1  # the next run fetches it
            continue
        fetched += 1
        copy = _fetch_linked(entry)
        left += isinstance(copy, RefusedCopy)
        copies.append(copy)
    return copies, left


def _fetch_linked(entry: FeedEntry) -> IncomingCopy | RefusedCopy:
    try:
        answer = fetch(entry.link, item_limits())
    except FetchFailed as failure:
        return RefusedCopy(entry.name, f"{entry.name}: the {entry.linked_as} could not be fetched: {failure}")
    return IncomingCopy(entry.name, answer.body)


def _carried_before(feed: Feed, entry: FeedEntry) -> bool:
    """Whether this feed brought these very bytes before: left out, rather than counted a
    duplicate at every run of a feed that ignores conditional requests."""
    digest = hashlib.sha256(entry.data).hexdigest()
    return SourceVersion.objects.filter(feed=feed, sha256=digest).exists()


def _refused_before(feed: Feed, entry: FeedEntry) -> bool:
    """Whether this feed's entry was refused for the same reason before (a refusal stores
    no version to recognise it by): said once, not at every run."""
    said = printable(entry.refusal)[:500]  # as ingest records it
    refusals = AuditEvent.objects.filter(action=AuditAction.INGEST_REFUSED, actor_name=feed.actor_name)
    return refusals.filter(summary=said).exists()


def _linked_before(feed: Feed, entry: FeedEntry) -> bool:
    """Whether this feed took the linked item in already, and the entry says it has not been
    updated since: not fetched again."""
    last = SourceVersion.objects.filter(feed=feed, original_name=entry.name[:255]).aggregate(last=Max("received_at"))
    if last["last"] is None:
        return False
    return entry.updated is None or entry.updated <= last["last"]


def _item_trouble(report: IngestReport, left_to_retry: int) -> str:
    if not left_to_retry:
        return ""
    return f"{left_to_retry} linked item(s) not taken in this run; the next run tries again."


def record_failure(feed: Feed, message: str) -> None:
    """A run that could not read the feed: said on its page, and the feed left alone for its
    back-off (its interval doubled for each failure in a row, at most a day)."""
    now = timezone.now()
    failures = feed.failures + 1
    log.warning("Feed %s failed (%d in a row): %s", feed.pk, failures, message)
    Feed.objects.filter(pk=feed.pk).update(
        last_run_at=now,
        last_error=message,
        failures=F("failures") + 1,
        next_run_at=now + feed.wait_after_failures(failures),
    )
    feed.refresh_from_db()


def _record_success(feed: Feed, report: IngestReport, answer: Fetched, *, keep_validators: bool, error: str) -> None:
    now = timezone.now()
    validators = {}
    if keep_validators and not answer.not_modified:
        validators = {"etag": answer.etag, "last_modified": answer.last_modified}
    Feed.objects.filter(pk=feed.pk).update(
        last_run_at=now,
        last_success_at=now,
        last_error=error,
        failures=0,
        next_run_at=now + timedelta(seconds=feed.interval),
        stored_count=F("stored_count") + report.count("stored"),
        duplicate_count=F("duplicate_count") + report.count("duplicate"),
        refused_count=F("refused_count") + report.count("refused"),
        **validators,
    )
    feed.refresh_from_db()
