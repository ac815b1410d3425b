"""A batch finishes after any worker crash: taken over when its worker stopped making
progress, resumed from the admin after an error, and never storing a file twice.

The last test kills a real `desk_worker` process with SIGKILL in the middle of a batch of
30 files on PostgreSQL and starts another."""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from stories.models import BatchStatus, SourceVersion, UploadBatch
from stories.services.batches import TakenOver, _record_outcome, revive_stalled_batches, run_batch
from stories.services.ingest import IngestResult
from tests.services.test_batches import dispatch, run_worker

pytestmark = pytest.mark.django_db(transaction=True)
REPO = Path(__file__).resolve().parents[2]


def stall(batch: UploadBatch, minutes: int = 10) -> None:
    """As a killed worker leaves it: running, its task running, no progress for a while."""
    UploadBatch.objects.filter(pk=batch.pk).update(
        status=BatchStatus.RUNNING, claim="dead-worker", heartbeat_at=timezone.now() - timedelta(minutes=minutes)
    )
    DBTaskResult.objects.update(status=TaskResultStatus.RUNNING)


def test_a_batch_with_no_progress_for_a_while_is_queued_again_and_finishes(queued):
    stall(queued)
    assert revive_stalled_batches() == [queued.pk]
    queued.refresh_from_db()
    assert queued.status == BatchStatus.QUEUED and queued.claim == ""
    assert DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count() == 1  # the dead worker's
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1   # the new one
    assert revive_stalled_batches() == []  # once
    run_worker()
    queued.refresh_from_db()
    assert queued.status == BatchStatus.DONE and queued.processed == queued.total == 6
    assert SourceVersion.objects.count() == 4


def test_a_batch_making_progress_is_left_to_its_worker(queued):
    stall(queued, minutes=0)
    assert revive_stalled_batches() == []


def test_a_run_that_was_taken_over_stops_at_its_next_file(queued):
    stall(queued)
    result = IngestResult("ringroad-01.txt", "stored", "ringroad-01.txt: stored")
    with pytest.raises(TakenOver):
        _record_outcome(queued, result, claim="another-run")
    assert UploadBatch.objects.get(pk=queued.pk).processed == 0


def test_a_batch_stopped_by_a_lost_connection_says_so_in_a_sentence_and_resumes_from_its_page(
    queued, client, alice_admin, monkeypatch
):
    from django.db import OperationalError

    from stories.services import batches

    def lose_the_connection(*args, **kwargs):
        raise OperationalError("terminating connection due to administrator command")

    monkeypatch.setattr(batches, "ingest_files", lose_the_connection)
    with pytest.raises(OperationalError):
        run_batch(queued.pk)
    monkeypatch.undo()
    queued.refresh_from_db()
    assert queued.status == BatchStatus.FAILED
    assert queued.error.startswith("The connection to the database was lost after 0 of 6 files.")
    assert "OperationalError" not in queued.error and "terminating" not in queued.error
    client.force_login(alice_admin)
    page = client.get(queued.get_absolute_url()).content.decode()
    assert "The connection to the database was lost" in page and "Resume the batch" in page
    response = client.post(queued.get_absolute_url(), {"resume": "1"})
    assert response.status_code == 302
    run_worker()
    queued.refresh_from_db()
    assert queued.status == BatchStatus.DONE and queued.processed == 6 and queued.error == ""


def start_worker(env: dict[str, str]) -> subprocess.Popen:
    command = [sys.executable, "manage.py", "desk_worker", "--no-reload", "--no-startup-delay", "--interval", "0.1"]
    return subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


def test_a_worker_killed_in_the_middle_of_a_batch_of_30_files_is_taken_over_and_every_file_stored_once(
    alice_admin, settings
):
    settings.NEWSROOM_INLINE_UPLOAD_FILES = 3
    from stories.services.batches import take_in_upload

    batch = take_in_upload(files=[dispatch(n) for n in range(30)], user=alice_admin, story=None, provider=None)
    db = connection.settings_dict
    env = {**os.environ, "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
           "NEWSROOM_BATCH_STALL_SECONDS": "2", "NEWSROOM_BATCH_REVIVE_SECONDS": "1"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    first = start_worker(env)
    try:
        wait_for(lambda: UploadBatch.objects.get(pk=batch.pk).processed >= 4, 60, "the first worker took nothing in")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
    killed_at = UploadBatch.objects.get(pk=batch.pk)
    assert killed_at.status == BatchStatus.RUNNING and killed_at.processed < 30
    second = start_worker(env)
    try:
        wait_for(lambda: UploadBatch.objects.get(pk=batch.pk).status == BatchStatus.DONE, 120,
                 "the batch was not finished after the worker was killed")
    finally:
        second.send_signal(signal.SIGTERM)
        _, errors = second.communicate(timeout=30)
    batch.refresh_from_db()
    assert batch.processed == batch.total == 30
    assert SourceVersion.objects.count() == 30  # every file stored, none twice
    names = [result["name"] for result in batch.results]
    assert sorted(names) == sorted(f"ringroad-{n:02}.txt" for n in range(30))
    assert {result["outcome"] for result in batch.results} <= {"stored", "duplicate"}
    assert reverse("admin:stories_story_upload_batch", args=[batch.pk]) == batch.get_absolute_url()
