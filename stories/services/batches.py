"""Uploads too large for one request: queued as a batch, taken in by a task worker.

`take_in_upload` is what the admin's upload page calls. A few files go in during the
request, as before; more than NEWSROOM_INLINE_UPLOAD_FILES (the files inside zip archives
counted) are written to BatchFile rows in one transaction and a task is queued. The
worker (`manage.py desk_worker`) takes them in one by one through `ingest_files`, so each
file is still its own transaction, and records each outcome on the batch as it goes:
the batch's page shows that progress to the person who uploaded it.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Iterator
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth.models import User
from django.db import DatabaseError, InterfaceError, OperationalError, close_old_connections, connection, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from stories.models import BatchFile, BatchStatus, Provider, Story, UploadBatch
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
    user: User,
    story: Story | None,
    provider: Provider | None,
    group: bool = False,
) -> UploadBatch:
    """Store the batch's files and queue the task that takes them in, all or nothing."""
    with transaction.atomic():
        batch = UploadBatch.objects.create(
            created_by=user, story=story, provider=provider, group=group, total=len(files)
        )
        BatchFile.objects.bulk_create(_batch_file(batch, position, copy) for position, copy in enumerate(files))
        transaction.on_commit(lambda: ingest_batch.enqueue(batch.pk))
    return batch


@task()
def ingest_batch(batch_id: int) -> None:
    """The background task that takes in a queued upload batch (`run_batch`), run by
    `manage.py desk_worker`. It lives here, beside what queues it, so that nothing imports
    in a circle; `stories.tasks` names it too, for tasks queued under that name before."""
    run_batch(batch_id)


def run_batch(batch_id: int) -> None:
    """Take in the batch's waiting files in order, recording each outcome as it comes.

    Run again after a crash, it goes on with the files not yet taken in: each file's row
    is deleted in the same step that records its outcome (a file stored just before a
    crash is found again as a duplicate, never stored twice). Each run claims the batch;
    a run whose batch was taken over (`revive_stalled_batches`) stops at its next file, and
    a run whose worker must stop at once queues the batch again on its way out.
    """
    claim = uuid.uuid4().hex
    with transaction.atomic():
        related = UploadBatch.objects.select_related("story", "provider", "created_by")
        batch = related.select_for_update(of=("self",)).get(pk=batch_id)
        if batch.is_finished:
            return
        now = timezone.now()
        batch.status, batch.started_at = BatchStatus.RUNNING, batch.started_at or now
        batch.heartbeat_at, batch.claim, batch.error = now, claim, ""
        batch.save(update_fields=["status", "started_at", "heartbeat_at", "claim", "error"])
    try:
        ingest_files(
            files=_waiting_files(batch),
            user=batch.created_by,
            story=batch.story if not batch.group else None,
            provider=batch.provider,
            group=batch.group,
            on_result=lambda result: _record_outcome(batch, result, claim),
        )
    except TakenOver:
        return
    except (KeyboardInterrupt, SystemExit):  # the worker was told twice to stop: it stops now
        _hand_back(batch, claim)
        raise
    except Exception as error:
        _finish(batch, BatchStatus.FAILED, error=_stopped_by(error, batch))
        raise
    _finish(batch, BatchStatus.DONE)


class TakenOver(Exception):
    """This run's batch was given to another run: it stops without touching the batch."""


def revive_stalled_batches() -> list[int]:
    """Queue again every batch that a worker began and stopped working on without
    finishing (killed, its machine restarted): no progress for NEWSROOM_BATCH_STALL_SECONDS.
    The next worker goes on from the first file not taken in. Run by `manage.py
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
    return revived


def resume_batch(batch: UploadBatch) -> bool:
    """Queue a batch that stopped on an error again, from its first file not taken in."""
    with transaction.atomic():
        locked = UploadBatch.objects.select_for_update().get(pk=batch.pk)
        if locked.status != BatchStatus.FAILED:
            return False
        _queue_again(locked)
    return True


def _queue_again(locked: UploadBatch) -> None:
    """In the transaction that locked the batch: queued for a new run, which goes on from
    its first file not taken in."""
    locked.status, locked.claim, locked.finished_at, locked.heartbeat_at = BatchStatus.QUEUED, "", None, timezone.now()
    locked.save(update_fields=["status", "claim", "finished_at", "heartbeat_at"])
    transaction.on_commit(partial(ingest_batch.enqueue, locked.pk))


def _hand_back(batch: UploadBatch, claim: str) -> None:
    """Queue the batch again as its worker stops in the middle of it (a second SIGTERM, or
    Ctrl+C twice), so that the next worker goes on at once rather than when the watcher finds
    it stalled. Nothing is lost if this fails too: the watcher still takes the batch over."""
    connection.close()  # the stop may have come in the middle of a query: start afresh
    try:
        with transaction.atomic():
            for locked in UploadBatch.objects.select_for_update().filter(pk=batch.pk, claim=claim):
                _queue_again(locked)
    except DatabaseError:
        log.warning("Upload batch %s is left to the watcher: it could not be queued again", batch.pk, exc_info=True)


def _abandon_tasks_of(batch: UploadBatch) -> None:
    """The task rows a killed worker left running for this batch: marked failed, so that the
    queue's record says what happened."""
    DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, task_path__endswith=".ingest_batch", args_kwargs__args=[batch.pk]
    ).update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        exception_class_path="stories.services.batches.TakenOver",
        traceback="The worker stopped while running this task; the batch was queued again.",
    )


def _stopped_by(error: BaseException, batch: UploadBatch) -> str:
    """What stopped the batch, in a sentence for its page (the details are in the log)."""
    if isinstance(error, CONNECTION_LOST):
        lost = _connection_lost(batch.processed, batch.total)
        return f"{lost} Nothing was half-stored; resume the batch to take in the rest."
    return (
        f"An unexpected error stopped the batch after {batch.processed} of {batch.total} files "
        f"({type(error).__name__}). Nothing was half-stored; resume the batch to take in the rest, "
        "and tell the desk's admin if it stops again."
    )


def _connection_lost(taken_in: int, total: int) -> str:
    return f"The connection to the database was lost after {taken_in} of {total} files."


def _batch_file(batch: UploadBatch, position: int, copy: IncomingCopy | RefusedCopy) -> BatchFile:
    if isinstance(copy, RefusedCopy):
        return BatchFile(batch=batch, position=position, name=copy.name[:500], refusal=copy.message)
    return BatchFile(batch=batch, position=position, name=copy.name[:500], item_id=copy.item_id, data=copy.data)


def _waiting_files(batch: UploadBatch) -> Iterator[IncomingCopy | RefusedCopy]:
    """One file at a time from the database: a batch may hold hundreds of megabytes."""
    for pk in batch.files.values_list("pk", flat=True):
        waiting = BatchFile.objects.get(pk=pk)
        if waiting.refusal:
            yield RefusedCopy(waiting.name, waiting.refusal)
        else:
            yield IncomingCopy(waiting.name, bytes(waiting.data), item_id=waiting.item_id)


def _record_outcome(batch: UploadBatch, result: IngestResult, claim: str) -> None:
    with transaction.atomic():
        current = UploadBatch.objects.select_for_update().only("claim").get(pk=batch.pk)
        if current.claim != claim:
            raise TakenOver
        batch.files.filter(position=batch.processed).delete()
        story = result.version.source.story_id if result.version is not None else None
        batch.results.append(
            {"name": result.name, "outcome": result.outcome, "message": result.message, "story": story}
        )
        batch.processed += 1
        batch.heartbeat_at = timezone.now()
        if batch.story is None and result.version is not None:
            batch.story = result.version.source.story
        batch.save(update_fields=["results", "processed", "story", "heartbeat_at"])


def _finish(batch: UploadBatch, status: str, error: str = "") -> None:
    close_old_connections()  # after a lost connection, a new one records the end
    batch.status, batch.error, batch.finished_at = status, error, timezone.now()
    batch.save(update_fields=["status", "error", "finished_at"])
