"""The feeds' write paths: push tokens issued and revoked, and what an agency pushes taken
in through the same ingest as an upload (one transaction per item, the same refusals, the
same audit), attributed to the feed and its provider: one file while the agency waits, a
zip archive queued as an upload batch of the feed's, which the task workers take in."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from stories.ingest.archive import is_zip
from stories.models import AuditAction, Feed, FeedToken, UploadBatch
from stories.services.audit import record_event
from stories.services.batches import CONNECTION_LOST, UploadInterrupted, queue_batch
from stories.services.feed_counts import count_run
from stories.services.ingest import IncomingCopy, IngestResult, RefusedCopy, ingest_files, unpack_archives

__all__ = ["count_run", "issue_token", "note_token_used", "record_failed_push", "revoke_token", "take_in_push"]

log = logging.getLogger(__name__)

# How much of a token the desk keeps in the clear, to tell tokens apart: 48 of its 256 bits.
PREFIX_CHARS = 8


def issue_token(*, feed: Feed, by: User) -> tuple[FeedToken, str]:
    """A new push token for the feed, and the token itself: the only time it is seen in
    full, since the desk keeps its SHA-256 alone."""
    secret = secrets.token_urlsafe(32)
    with transaction.atomic():
        token = FeedToken.objects.create(
            feed=feed, prefix=secret[:PREFIX_CHARS], digest=FeedToken.digest_of(secret), created_by=by
        )
        record_event(
            action=AuditAction.ISSUE_FEED_TOKEN,
            actor=by,
            subject=f"Feed {feed.pk}",
            summary=f"Issued push token {token.prefix}… for the feed “{feed.name}”",
        )
    return token, secret


def revoke_token(*, token: FeedToken, by: User) -> bool:
    """Revoke the token from now on; False when it was revoked already."""
    with transaction.atomic():
        revoked = FeedToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
        if revoked:
            record_event(
                action=AuditAction.REVOKE_FEED_TOKEN,
                actor=by,
                subject=f"Feed {token.feed_id}",
                summary=f"Revoked push token {token.prefix}… of the feed “{token.feed.name}”",
            )
    return bool(revoked)


def note_token_used(token: FeedToken) -> None:
    FeedToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())


@dataclass(frozen=True)
class PushReport:
    results: list[IngestResult]
    unreadable: str = ""  # why, when the body as a whole could not be read (a damaged zip archive)
    batch: UploadBatch | None = None  # the batch a zip archive's files wait in, to be taken in


def take_in_push(*, feed: Feed, copy: IncomingCopy) -> PushReport:
    """Take in what an agency pushed, each new item joining the story it resembles: one
    file now, the files of a zip archive queued as the feed's upload batch (the workers
    take them in and record each outcome on it). The feed counts the outcomes. When the
    connection to the database is lost meanwhile, `UploadInterrupted` says how far it got."""
    unpacked = list(unpack_archives([copy]))
    unreadable = _unreadable(copy, unpacked)
    if is_zip(copy.name, copy.data) and not unreadable:
        batch = queue_batch(files=unpacked, user=None, story=None, provider=feed.provider, group=True, feed=feed)
        Feed.objects.filter(pk=feed.pk).update(last_run_at=timezone.now())
        return PushReport([], batch=batch)
    return _take_in_now(feed, unpacked, unreadable)


def _take_in_now(feed: Feed, unpacked: list[IncomingCopy | RefusedCopy], unreadable: str) -> PushReport:
    taken_in: list[IngestResult] = []
    try:
        report = ingest_files(
            files=unpacked,
            user=None,
            provider=feed.provider,
            group=True,
            actor_name=feed.actor_name,
            feed=feed,
            on_result=taken_in.append,
        )
    except CONNECTION_LOST as error:
        log.warning("A push to the feed %s stopped after %d of %d items", feed.pk, len(taken_in), len(unpacked))
        raise UploadInterrupted(taken_in, total=len(unpacked)) from error
    count_run(feed, report, error=unreadable)
    return PushReport(report.results, unreadable)


def record_failed_push(feed: Feed, message: str) -> None:
    """A push the desk could not take in at all (no name, an empty body, over the limit):
    its feed's page says so until a push goes through."""
    Feed.objects.filter(pk=feed.pk).update(last_run_at=timezone.now(), last_error=message)


def _unreadable(copy: IncomingCopy, unpacked: list[IncomingCopy | RefusedCopy]) -> str:
    """Why a zip archive pushed was refused as a whole (damaged, empty, encrypted, too many
    files), or "" when its items, or the one file pushed, were read."""
    if not is_zip(copy.name, copy.data) or len(unpacked) != 1:
        return ""
    only = unpacked[0]
    return only.message if isinstance(only, RefusedCopy) and only.name == copy.name else ""
