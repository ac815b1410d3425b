"""Uploads too large for one request: queued as a batch, taken in by a task worker.

`take_in_upload` is what the admin's upload page calls. A few files go in during the
request, as before; more than NEWSROOM_INLINE_UPLOAD_FILES (the files inside zip archives
counted) are written to BatchFile rows in one transaction and a task is queued. The
worker (`manage.py db_worker`) takes them in one by one through `ingest_files`, so each
file is still its own transaction, and records each outcome on the batch as it goes:
the batch's page shows that progress to the person who uploaded it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

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
    is deleted in the same step that records its outcome.
    """
    batch = UploadBatch.objects.select_related("story", "provider", "created_by").get(pk=batch_id)
    if batch.is_finished:
        return
    batch.status, batch.started_at = BatchStatus.RUNNING, batch.started_at or timezone.now()
    batch.save(update_fields=["status", "started_at"])
    try:
        ingest_files(
            files=_waiting_files(batch),
            user=batch.created_by,
            story=batch.story if not batch.group else None,
            provider=batch.provider,
            group=batch.group,
            on_result=lambda result: _record_outcome(batch, result),
        )
    except Exception as error:
        _finish(batch, BatchStatus.FAILED, error=f"{type(error).__name__}: {error}")
        raise
    _finish(batch, BatchStatus.DONE)


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


def _record_outcome(batch: UploadBatch, result: IngestResult) -> None:
    with transaction.atomic():
        batch.files.filter(position=batch.processed).delete()
        batch.results.append({"name": result.name, "outcome": result.outcome, "message": result.message})
        batch.processed += 1
        if batch.story is None and result.version is not None:
            batch.story = result.version.source.story
        batch.save(update_fields=["results", "processed", "story"])


def _finish(batch: UploadBatch, status: str, error: str = "") -> None:
    batch.status, batch.error, batch.finished_at = status, error, timezone.now()
    batch.save(update_fields=["status", "error", "finished_at"])
