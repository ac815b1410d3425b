"""Uploads too large for one request: queued as a batch, taken in by a task worker.

`take_in_upload` is what the admin's upload page calls. A few files go in during the
request, as before; more than NEWSROOM_INLINE_UPLOAD_FILES (the files inside zip archives
counted) are written to BatchFile rows in one transaction and a task is queued. The
worker (`manage.py desk_worker`) takes them in one by one through `ingest_files`, so each
file is still its own transaction, and records each outcome on the batch as it goes:
the batch's page shows that progress to the person who uploaded it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db import DatabaseError, close_old_connections, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
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


def take_in_upload(
    *,
    files: Iterable[IncomingCopy | RefusedCopy],
    user: User,
    story: Story | None,
    provider: Provider | None,
    group: bool = False,
) -> IngestReport | UploadBatch:
    """Ingest a small upload now (its report), or queue a large one (its batch)."""
    unpacked = list(unpack_archives(files))
    if len(unpacked) <= settings.NEWSROOM_INLINE_UPLOAD_FILES:
        return ingest_files(files=unpacked, user=user, story=story, provider=provider, group=group)
    return queue_batch(files=unpacked, user=user, story=story, provider=provider, group=group)


def queue_batch(
    *,
    files: list[IncomingCopy | RefusedCopy],
    user: User,
    story: Story | None,
    provider: Provider | None,
    group: bool = False,
) -> UploadBatch:
    """Store the batch's files and queue the task that takes them in, all or nothing."""
    from stories.tasks import ingest_batch  # the task module imports this one

    with transaction.atomic():
        batch = UploadBatch.objects.create(
            created_by=user, story=story, provider=provider, group=group, total=len(files)
        )
        BatchFile.objects.bulk_create(_batch_file(batch, position, copy) for position, copy in enumerate(files))
        transaction.on_commit(lambda: ingest_batch.enqueue(batch.pk))
    return batch


def run_batch(batch_id: int) -> None:
    """Take in the batch's waiting files in order, recording each outcome as it comes.

    Run again after a crash, it goes on with the files not yet taken in: each file's row
    is deleted in the same step that records its outcome (a file stored just before a
    crash is found again as a duplicate, never stored twice). Each run claims the batch;
    a run whose batch was taken over (`revive_stalled_batches`) stops at its next file.
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
    from stories.tasks import ingest_batch  # the task module imports this one

    limit = timezone.now() - timedelta(seconds=settings.NEWSROOM_BATCH_STALL_SECONDS)
    revived: list[int] = []
    with transaction.atomic():
        stalled = UploadBatch.objects.select_for_update(skip_locked=True).filter(
            status=BatchStatus.RUNNING, heartbeat_at__lt=limit
        )
        for batch in stalled:
            batch.status, batch.claim, batch.heartbeat_at = BatchStatus.QUEUED, "", timezone.now()
            batch.save(update_fields=["status", "claim", "heartbeat_at"])
            _abandon_tasks_of(batch)
            revived.append(batch.pk)
        transaction.on_commit(lambda: [ingest_batch.enqueue(pk) for pk in revived])
    return revived


def resume_batch(batch: UploadBatch) -> bool:
    """Queue a batch that stopped on an error again, from its first file not taken in."""
    from stories.tasks import ingest_batch

    with transaction.atomic():
        locked = UploadBatch.objects.select_for_update().get(pk=batch.pk)
        if locked.status != BatchStatus.FAILED:
            return False
        locked.status, locked.finished_at, locked.claim = BatchStatus.QUEUED, None, ""
        locked.save(update_fields=["status", "finished_at", "claim"])
        transaction.on_commit(lambda: ingest_batch.enqueue(locked.pk))
    return True


def _abandon_tasks_of(batch: UploadBatch) -> None:
    """The task rows a killed worker left running for this batch: marked failed, so that the
    queue's record says what happened."""
    DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, task_path__endswith=".ingest_batch", args_kwargs__args=[batch.pk]
    ).update(status=TaskResultStatus.FAILED, finished_at=timezone.now(),
             exception_class_path="stories.services.batches.TakenOver",
             traceback="The worker stopped while running this task; the batch was queued again.")


def _stopped_by(error: BaseException, batch: UploadBatch) -> str:
    """What stopped the batch, in a sentence for its page (the details are in the log)."""
    where = f"after {batch.processed} of {batch.total} files"
    if isinstance(error, DatabaseError):
        return (f"The connection to the database was lost {where}. Nothing was half-stored; "
                "resume the batch to take in the rest.")
    return (f"An unexpected error stopped the batch {where} ({type(error).__name__}). Nothing was "
            "half-stored; resume the batch to take in the rest, and tell the desk's admin if it stops again.")


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
        batch.results.append({"name": result.name, "outcome": result.outcome, "message": result.message})
        batch.processed += 1
        batch.heartbeat_at = timezone.now()
        if batch.story is None and result.version is not None:
            batch.story = result.version.source.story
        batch.save(update_fields=["results", "processed", "story", "heartbeat_at"])


def _finish(batch: UploadBatch, status: str, error: str = "") -> None:
    close_old_connections()  # after a lost connection, a new one records the end
    batch.status, batch.error, batch.finished_at = status, error, timezone.now()
    batch.save(update_fields=["status", "error", "finished_at"])
