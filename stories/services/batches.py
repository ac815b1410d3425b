"""Uploads too large for one request: queued as a batch, taken in by the task workers.

`take_in_upload` is what the admin's upload page calls. A few files go in during the
request, as before; more than NEWSROOM_INLINE_UPLOAD_FILES (the files inside zip archives
counted) are written to BatchFile rows in one transaction, and one task is queued for each
NEWSROOM_BATCH_CHUNK_FILES of them, so that every worker running takes part in one large
upload. A task (`run_batch`) takes the batch's first file that no other worker holds
(`SELECT … FOR UPDATE SKIP LOCKED`), ingests it through `ingest_files` and records its
outcome beside it, all in the one transaction, then the next: a file is stored once and
its outcome recorded once, whichever worker takes it and whenever one dies. The batch's
page shows that progress to the person who uploaded it (or, for a pushed zip, the feed's
batch answer to the agency).

A drop folder's complete files are queued the same way (`queue_drop`), each file's items
beside a row saying where it waits in the folder's `.taking-in/`; the worker that records
the outcome of a file's last item moves it on to `done/` or `refused/` once that outcome is
committed (`drop_filing.file_away`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.db import DatabaseError, InterfaceError, OperationalError, close_old_connections, connection, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from stories.models import BatchFile, BatchStatus, DroppedFile, Feed, FeedKind, Provider, Story, UploadBatch
from stories.services.drop_filing import NotMoved, file_away
from stories.services.feed_counts import count_items, count_run
from stories.services.ingest import (
    IncomingCopy,
    IngestReport,
    IngestResult,
    RefusedCopy,
    ingest_files,
    unpack_archives,
)

log = logging.getLogger(__name__)

# What a database restart, a failover or a network fault raises in the middle of a query.
CONNECTION_LOST = (OperationalError, InterfaceError)


def take_in_upload(
    *,
    files: Iterable[IncomingCopy | RefusedCopy],
    user: User,
    story: Story | None,
    provider: Provider | None,
    group: bool = False,
) -> IngestReport | UploadBatch:
    """Ingest a small upload now (its report), or queue a large one (its batch). When the
    connection to the database is lost meanwhile, `UploadInterrupted` says how far it got."""
    unpacked = list(unpack_archives(files))
    taken_in: list[IngestResult] = []
    try:
        if len(unpacked) > settings.NEWSROOM_INLINE_UPLOAD_FILES:
            return queue_batch(files=unpacked, user=user, story=story, provider=provider, group=group)
        return ingest_files(
            files=unpacked, user=user, story=story, provider=provider, group=group, on_result=taken_in.append
        )
    except CONNECTION_LOST as error:
        lost = _connection_lost(len(taken_in), len(unpacked))
        log.warning("An upload stopped: %s", lost, exc_info=True)
        raise UploadInterrupted(taken_in, total=len(unpacked)) from error


class UploadInterrupted(Exception):
    """The connection to the database was lost in the middle of an upload taken in during
    the request: the files taken in before stay stored, each whole; the others were not."""

    def __init__(self, taken_in: list[IngestResult], total: int) -> None:
        super().__init__(f"upload interrupted after {len(taken_in)} of {total} files")
        self.taken_in, self.total = taken_in, total

    @property
    def message(self) -> str:
        count = len(self.taken_in)
        kept = (
            f"The {count} listed below were taken in, each whole; nothing was half-stored."
            if count
            else "Nothing was stored."
        )
        return (
            f"{_connection_lost(count, self.total)} {kept} Upload the files again in a moment: those already "
            "stored are recognised and not stored twice."
        )


def queue_batch(
    *,
    files: list[IncomingCopy | RefusedCopy],
    user: User | None,
    story: Story | None,
    provider: Provider | None,
    group: bool = False,
    feed: Feed | None = None,
) -> UploadBatch:
    """Store the batch's files and queue the tasks that take them in, all or nothing. A
    feed's batch (a pushed zip archive) has no user: its copy is the feed's."""
    with transaction.atomic():
        batch = UploadBatch.objects.create(
            created_by=user, feed=feed, story=story, provider=provider, group=group, total=len(files)
        )
        BatchFile.objects.bulk_create(_batch_file(batch, position, copy) for position, copy in enumerate(files))
        transaction.on_commit(partial(_queue_runs, batch.pk, len(files)))
    return batch


@dataclass(frozen=True)
class Drop:
    """A drop folder's file, waiting in its `.taking-in/`, and what was read of it: its copy,
    a zip archive's files one by one, or its refusal."""

    name: str  # the name it came by
    staged: Path  # where it waits
    files: list[IncomingCopy | RefusedCopy]


def queue_drop(feed: Feed, drops: list[Drop]) -> UploadBatch:
    """Queue a drop folder's files as one batch of the feed (its provider's, grouped), each
    file's items beside the row that says where it waits, all or nothing."""
    total = sum(len(drop.files) for drop in drops)
    with transaction.atomic():
        batch = UploadBatch.objects.create(feed=feed, provider=feed.provider, group=True, total=total)
        dropped = DroppedFile.objects.bulk_create(
            DroppedFile(feed=feed, batch=batch, name=drop.name[:255], staged=str(drop.staged)) for drop in drops
        )
        rows: list[BatchFile] = []
        for drop, row in zip(drops, dropped, strict=True):
            for copy in drop.files:
                rows.append(_batch_file(batch, len(rows), copy))
                rows[-1].dropped = row
        BatchFile.objects.bulk_create(rows)
        transaction.on_commit(partial(_queue_runs, batch.pk, total))
    return batch


@task()
def ingest_batch(batch_id: int) -> None:
    """The background task that takes in a share of a queued upload batch (`run_batch`),
    run by `manage.py desk_worker`. It lives here, beside what queues it, so that nothing
    imports in a circle; `stories.tasks` names it too, for tasks queued under that name before."""
    run_batch(batch_id)


def run_batch(batch_id: int) -> None:
    """Take in up to NEWSROOM_BATCH_CHUNK_FILES of the batch's waiting files, first first,
    each with its outcome in one transaction; other workers take the files this one holds
    no lock on. A file stored just before a crash is taken in again, whole, by the next run.
    A worker told twice to stop queues the batch again on its way out; an error stops the
    batch (`resume_batch` goes on with it)."""
    batch = _begin(batch_id)
    if batch is None:
        return
    try:
        for _ in range(settings.NEWSROOM_BATCH_CHUNK_FILES):
            file, more = _take_in_next_file(batch)
            if file is not None and file.dropped_id is not None:
                _file_away(file.dropped_id)  # its outcome committed: a drop folder's file moves on
            if not more:
                break
    except (KeyboardInterrupt, SystemExit):  # the worker was told twice to stop: it stops now
        _hand_back(batch)
        raise
    except Exception as error:
        _fail(batch, error)
        raise


def _begin(batch_id: int) -> UploadBatch | None:
    """The batch, marked as being taken in, or None when there is nothing left to do."""
    with transaction.atomic():
        related = UploadBatch.objects.select_related("story", "provider", "created_by", "feed")
        batch = related.select_for_update(of=("self",)).get(pk=batch_id)
        if batch.is_finished:
            return None
        now = timezone.now()
        if batch.status == BatchStatus.QUEUED:
            batch.status, batch.started_at, batch.error = BatchStatus.RUNNING, batch.started_at or now, ""
        batch.heartbeat_at = now
        batch.save(update_fields=["status", "started_at", "heartbeat_at", "error"])
    return batch


def _take_in_next_file(batch: UploadBatch) -> tuple[BatchFile | None, bool]:
    """Take in the batch's first waiting file no other worker holds, and record its
    outcome: the file taken in (None when none was left), and whether to go on (not when
    the batch is over, or stopped meanwhile)."""
    with transaction.atomic():
        waiting = BatchFile.objects.select_for_update(skip_locked=True).filter(batch=batch, outcome="")
        file = waiting.order_by("position").first()
        if file is None:
            return None, False
        if not batch.group and batch.story is None:
            # The files form one new story, which the first stored file starts: one worker
            # at a time until it has.
            batch.story = UploadBatch.objects.select_for_update().get(pk=batch.pk).story
        report = ingest_files(
            files=[_copy_of(file)],
            user=batch.created_by,
            story=batch.story if not batch.group else None,
            provider=batch.provider,
            group=batch.group,
            actor_name=batch.sender,
            feed=batch.feed,
        )
        return file, _record_outcome(batch, file, report.results[0])


def _file_away(dropped_id: int) -> None:
    try:
        file_away(dropped_id)
    except NotMoved:  # taken in all the same: the feed's next run tries again, and says so on its page
        log.warning("A drop folder's file (%s) was taken in but could not be moved on", dropped_id, exc_info=True)


def _record_outcome(batch: UploadBatch, file: BatchFile, result: IngestResult) -> bool:
    """In the file's transaction: its outcome beside it (its bytes dropped), the batch's
    progress, and the feed's counts. False when the batch is over for this run.

    Paid for every file by every worker, so kept to two statements (three for a feed's
    batch), the batch's row updated and read back by one (`_count_file`); the story is
    named by its id, not fetched."""
    story_id = result.version.source.story_id if result.version is not None else None
    file.outcome, file.message, file.story_id, file.data = result.outcome, result.message, story_id, b""
    file.version = result.version
    file.save(update_fields=["outcome", "message", "story", "version", "data"])
    status, batch_story_id = _count_file(batch.pk, story_id)
    if batch.feed is not None and batch.feed.kind == FeedKind.DROP_FOLDER:
        count_items(batch.feed, IngestReport(results=[result]))  # the run is the runner's to note
    elif batch.feed is not None:
        count_run(batch.feed, IngestReport(results=[result]), error="")
    if batch.story_id is None:
        batch.story_id = batch_story_id
    return status not in (BatchStatus.DONE, BatchStatus.FAILED)


def _count_file(batch_id: int, story_id: int | None) -> tuple[str, int | None]:
    """One more file of the batch taken in: its progress, heartbeat and first story, and done
    with its last file unless it stopped meanwhile, in one UPDATE … RETURNING (which holds
    the row until the file's transaction commits, as the SELECT … FOR UPDATE and save it
    replaces did, in one round trip instead of two). The batch's status and story after it."""
    table = connection.ops.quote_name(UploadBatch._meta.db_table)
    last = "processed + 1 = total AND status <> %s"
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET processed = processed + 1, heartbeat_at = %s, story_id = COALESCE(story_id, %s),"
            f" status = CASE WHEN {last} THEN %s ELSE status END,"
            f" finished_at = CASE WHEN {last} THEN %s ELSE finished_at END"
            " WHERE id = %s RETURNING status, story_id",
            [now, story_id, BatchStatus.FAILED, BatchStatus.DONE, BatchStatus.FAILED, now, batch_id],
        )
        status, batch_story_id = cursor.fetchone()
    return status, batch_story_id


class TakenOver(Exception):
    """Names what happened to a task a killed worker left running: its batch was queued
    again (`_abandon_tasks_of` marks the task's row failed with it)."""


def revive_stalled_batches() -> list[int]:
    """Queue again every batch that a worker began and stopped working on without
    finishing (killed, its machine restarted): no progress for NEWSROOM_BATCH_STALL_SECONDS.
    The next worker goes on from the first file not taken in. Also a batch queued that long
    ago with no task waiting for it: its tasks are queued once its transaction commits, and a
    process that stopped between the two left it without any. Run by `manage.py
    desk_worker` every NEWSROOM_BATCH_REVIVE_SECONDS; safe to run in many workers at once."""
    limit = timezone.now() - timedelta(seconds=settings.NEWSROOM_BATCH_STALL_SECONDS)
    revived: list[int] = []
    with transaction.atomic():
        stalled = UploadBatch.objects.select_for_update(skip_locked=True).filter(
            status=BatchStatus.RUNNING, heartbeat_at__lt=limit
        )
        for batch in stalled:
            _queue_again(batch)
            _abandon_tasks_of(batch)
            revived.append(batch.pk)
        untasked = UploadBatch.objects.select_for_update(skip_locked=True).filter(
            Q(heartbeat_at__isnull=True) | Q(heartbeat_at__lt=limit), status=BatchStatus.QUEUED, created_at__lt=limit
        )
        for batch in untasked:
            if not _tasks_of(batch).filter(status__in=(TaskResultStatus.READY, TaskResultStatus.RUNNING)).exists():
                _queue_again(batch)
                revived.append(batch.pk)
    return revived


def resume_batch(batch: UploadBatch) -> bool:
    """Queue a batch that stopped on an error again, from its first file not taken in."""
    with transaction.atomic():
        locked = UploadBatch.objects.select_for_update().get(pk=batch.pk)
        if locked.status != BatchStatus.FAILED:
            return False
        _queue_again(locked)
    return True


def _queue_again(locked: UploadBatch, runs: int | None = None) -> None:
    """In the transaction that locked the batch: queued for new runs, enough for its files
    not taken in (or `runs`), which go on from the first of them."""
    locked.status, locked.finished_at, locked.heartbeat_at = BatchStatus.QUEUED, None, timezone.now()
    locked.save(update_fields=["status", "finished_at", "heartbeat_at"])
    transaction.on_commit(partial(_queue_runs, locked.pk, locked.waiting, runs))


def _queue_runs(batch_id: int, files: int, runs: int | None = None) -> None:
    """One task for each NEWSROOM_BATCH_CHUNK_FILES files: as many workers as are free share them."""
    for _ in range(runs or max(1, -(-files // settings.NEWSROOM_BATCH_CHUNK_FILES))):
        ingest_batch.enqueue(batch_id)


def _hand_back(batch: UploadBatch) -> None:
    """Queue the batch again as its worker stops in the middle of it (a second SIGTERM, or
    Ctrl+C twice), so that the next worker goes on at once rather than when the watcher finds
    it stalled (the file in hand was rolled back with its transaction). Nothing is lost if
    this fails too: the watcher still takes the batch over."""
    connection.close()  # the stop may have come in the middle of a query: start afresh
    try:
        with transaction.atomic():
            locked = UploadBatch.objects.select_for_update().get(pk=batch.pk)
            if not locked.is_finished:
                _queue_again(locked, runs=1)  # this run's share; the other runs are queued still
    except DatabaseError:
        log.warning("Upload batch %s is left to the watcher: it could not be queued again", batch.pk, exc_info=True)


def _abandon_tasks_of(batch: UploadBatch) -> None:
    """The task rows a killed worker left running for this batch: marked failed, so that the
    queue's record says what happened."""
    _tasks_of(batch).filter(status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        exception_class_path="stories.services.batches.TakenOver",
        traceback="The worker stopped while running this task; the batch was queued again.",
    )


def _tasks_of(batch: UploadBatch) -> QuerySet[DBTaskResult]:
    return DBTaskResult.objects.filter(task_path__endswith=".ingest_batch", args_kwargs__args=[batch.pk])


def _fail(batch: UploadBatch, error: BaseException) -> None:
    """Stop the batch, saying why in a sentence (the file in hand was rolled back)."""
    close_old_connections()  # after a lost connection, a new one records the end
    processed = UploadBatch.objects.values_list("processed", flat=True).get(pk=batch.pk)
    UploadBatch.objects.filter(pk=batch.pk).update(
        status=BatchStatus.FAILED, error=_stopped_by(error, processed, batch.total), finished_at=timezone.now()
    )


def _stopped_by(error: BaseException, processed: int, total: int) -> str:
    """What stopped the batch, in a sentence for its page (the details are in the log)."""
    if isinstance(error, CONNECTION_LOST):
        lost = _connection_lost(processed, total)
        return f"{lost} Nothing was half-stored; resume the batch to take in the rest."
    return (
        f"An unexpected error stopped the batch after {processed} of {total} files "
        f"({type(error).__name__}). Nothing was half-stored; resume the batch to take in the rest, "
        "and tell the desk's admin if it stops again."
    )


def _connection_lost(taken_in: int, total: int) -> str:
    return f"The connection to the database was lost after {taken_in} of {total} files."


def _batch_file(batch: UploadBatch, position: int, copy: IncomingCopy | RefusedCopy) -> BatchFile:
    if isinstance(copy, RefusedCopy):
        return BatchFile(batch=batch, position=position, name=copy.name[:500], refusal=copy.message)
    return BatchFile(batch=batch, position=position, name=copy.name[:500], item_id=copy.item_id, data=copy.data)


def _copy_of(file: BatchFile) -> IncomingCopy | RefusedCopy:
    if file.refusal:
        return RefusedCopy(file.name, file.refusal)
    return IncomingCopy(file.name, bytes(file.data), item_id=file.item_id)
