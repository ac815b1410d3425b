"""A batch finishes after any worker crash: taken over when its worker stopped making
progress, resumed from the admin after an error, and never storing a file twice.

The last tests run real `desk_worker` processes on PostgreSQL in the middle of a batch of 30
files: one killed with SIGKILL, one stopped with two SIGTERMs, one whose database connection
is cut; each time the batch finishes with every file stored once."""

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from stories.models import (
    UNATTRIBUTED,
    AuditAction,
    AuditEvent,
    BatchStatus,
    Provider,
    Source,
    SourceVersion,
    Story,
    UploadBatch,
)
from stories.services.batches import revive_stalled_batches, run_batch
from tests.services.test_batches import dispatch, run_worker

pytestmark = pytest.mark.django_db(transaction=True)
REPO = Path(__file__).resolve().parents[2]


def stall(batch: UploadBatch, minutes: int = 10) -> None:
    """As a killed worker leaves it: running, its task running, no progress for a while."""
    UploadBatch.objects.filter(pk=batch.pk).update(
        status=BatchStatus.RUNNING, heartbeat_at=timezone.now() - timedelta(minutes=minutes)
    )
    DBTaskResult.objects.update(status=TaskResultStatus.RUNNING)


def test_a_batch_with_no_progress_for_a_while_is_queued_again_and_finishes(queued):
    stall(queued)
    assert revive_stalled_batches() == [queued.pk]
    queued.refresh_from_db()
    assert queued.status == BatchStatus.QUEUED
    assert DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count() == 1  # the dead worker's
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1  # the new one
    assert revive_stalled_batches() == []  # once
    run_worker()
    queued.refresh_from_db()
    assert queued.status == BatchStatus.DONE and queued.processed == queued.total == 6
    assert SourceVersion.objects.count() == 4


def test_a_batch_making_progress_is_left_to_its_worker(queued):
    stall(queued, minutes=0)
    assert revive_stalled_batches() == []


def test_a_run_that_was_taken_over_while_it_still_worked_never_takes_in_a_file_twice(queued):
    """A worker that was only slow, not dead, goes on after the watcher queued its batch
    again: each run takes only files no one has taken in."""
    stall(queued)
    revive_stalled_batches()
    run_batch(queued.pk)  # the slow worker's run, going on
    run_worker()  # the run the watcher queued
    queued.refresh_from_db()
    assert queued.status == BatchStatus.DONE and queued.processed == 6
    assert [result["outcome"] for result in queued.results] == [*["stored"] * 4, "refused", "duplicate"]
    assert SourceVersion.objects.count() == 4


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


def test_a_batch_stopped_by_another_database_error_does_not_say_the_connection_was_lost(queued, monkeypatch):
    from django.db import IntegrityError

    from stories.services import batches

    def collide(*args, **kwargs):
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr(batches, "ingest_files", collide)
    with pytest.raises(IntegrityError):
        run_batch(queued.pk)
    queued.refresh_from_db()
    assert queued.status == BatchStatus.FAILED
    assert queued.error.startswith("An unexpected error stopped the batch after 0 of 6 files (IntegrityError).")


# Real workers on PostgreSQL. To stop a worker at a known file, the test holds that file's
# item back (`item_held_back`): the worker waits for it inside the file's transaction, where
# the test finds its connection waiting (`backend_waiting_to_store`) and signals the worker or
# cuts the connection.


def queue_30_files(user, settings) -> UploadBatch:
    settings.NEWSROOM_INLINE_UPLOAD_FILES = 3
    from stories.services.batches import take_in_upload

    return take_in_upload(files=[dispatch(n) for n in range(30)], user=user, story=None, provider=None)


def worker_env(**extra: str) -> dict[str, str]:
    db = connection.settings_dict
    env = {**os.environ, "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}", **extra}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


class Worker:
    """`manage.py desk_worker` in its own process, and the lines it has logged so far."""

    def __init__(self, env: dict[str, str]) -> None:
        command = [sys.executable, "manage.py", "desk_worker", "--no-reload", "--no-startup-delay", "--interval", "0.1"]
        self.process = subprocess.Popen(
            command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        self.log: list[str] = []
        threading.Thread(target=self.log.extend, args=(self.process.stdout,), daemon=True).start()

    def has_logged(self, text: str, times: int = 1) -> bool:
        return sum(text in line for line in self.log) >= times

    def stop_at_once(self) -> None:
        """SIGTERM, and once it has heard that, SIGTERM again: as an operator who presses Ctrl+C
        twice. A second signal that comes while the worker is still hearing the first is heard
        as the first (the worker says so), and then it is sent once more."""
        for heard in range(1, 5):
            self.process.send_signal(signal.SIGTERM)
            wait_for(lambda n=heard: self.has_logged("Received Terminated", times=n), 10, "the worker did not hear")
            if self.has_logged("terminating current task"):
                return
            time.sleep(0.2)
        raise AssertionError("the worker did not stop at once:\n" + "".join(self.log))

    def wait_until_stopped(self, seconds: float = 30) -> None:
        try:
            self.process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            raise AssertionError("the worker did not stop:\n" + "".join(self.log)) from None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


@contextmanager
def item_held_back(item_id: str) -> Iterator[None]:
    """Another upload of the item, caught in the middle of storing it until the block ends,
    and then rolled back: whoever takes in a file of that item meanwhile waits for it, inside
    the file's transaction, with the files before it stored."""
    provider = Provider.objects.get_or_create(name=UNATTRIBUTED)[0]
    with transaction.atomic():
        story = Story.objects.create(headline="Held back", last_received_at=timezone.now())
        Source.objects.create(story=story, provider=provider, item_id=item_id, headline="Held back")
        yield
        transaction.set_rollback(True)


def backend_waiting_to_store() -> int | None:
    """The process id of the database connection waiting for an item held back, if one is."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")  # else the same answer all transaction long
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            " AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO \"stories_source\"%%'"
        )
        row = cursor.fetchone()
    return row[0] if row else None


def wait_for_status(batch: UploadBatch, status: str, seconds: float, what: str) -> None:
    wait_for(lambda: UploadBatch.objects.get(pk=batch.pk).status == status, seconds, what)


def waiting_to_store(seconds: float = 60) -> int:
    wait_for(lambda: backend_waiting_to_store() is not None, seconds, "nobody reached the file held back")
    pid = backend_waiting_to_store()
    assert pid is not None
    return pid


def cut_connection(pid: int) -> None:
    """As a database restart or a network fault does it: the server ends the session."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        assert cursor.fetchone() == (True,)


def assert_nothing_half_stored() -> None:
    """Every stored version whole (its source, story, fingerprint and audit event); no source
    without a version, no open story without a source (a story merged away, by grouping's
    revisits too, keeps its history and none of its sources)."""
    versions = SourceVersion.objects.all()
    assert not versions.filter(fingerprint__isnull=True).exists()
    assert AuditEvent.objects.filter(action=AuditAction.INGEST).count() == versions.count()
    assert not Source.objects.filter(versions__isnull=True).exists()
    assert not Story.objects.filter(sources__isnull=True, merged_into__isnull=True).exists()


def assert_every_file_stored_once(batch: UploadBatch) -> None:
    batch.refresh_from_db()
    assert batch.status == BatchStatus.DONE and batch.processed == batch.total == 30
    assert SourceVersion.objects.count() == 30  # every file stored, none twice
    names = [result["name"] for result in batch.results]
    assert sorted(names) == sorted(f"ringroad-{n:02}.txt" for n in range(30))
    assert_nothing_half_stored()


def test_a_worker_killed_in_the_middle_of_a_batch_of_30_files_is_taken_over_and_every_file_stored_once(
    alice_admin, settings
):
    batch = queue_30_files(alice_admin, settings)
    env = worker_env(NEWSROOM_BATCH_STALL_SECONDS="2", NEWSROOM_BATCH_REVIVE_SECONDS="1")
    first = Worker(env)
    try:
        wait_for(lambda: UploadBatch.objects.get(pk=batch.pk).processed >= 4, 60, "the first worker took nothing in")
        first.process.send_signal(signal.SIGKILL)
        first.wait_until_stopped()
    finally:
        first.stop()
    killed_at = UploadBatch.objects.get(pk=batch.pk)
    assert killed_at.status == BatchStatus.RUNNING and killed_at.processed < 30
    second = Worker(env)
    try:
        wait_for_status(batch, BatchStatus.DONE, 120, "the batch was not finished after the worker was killed")
    finally:
        second.stop()
    assert_every_file_stored_once(batch)
    assert {result["outcome"] for result in batch.results} <= {"stored", "duplicate"}
    assert reverse("admin:stories_story_upload_batch", args=[batch.pk]) == batch.get_absolute_url()


def test_a_worker_stopped_with_two_sigterms_in_the_middle_of_a_batch_hands_it_back_and_the_next_finishes_it(
    alice_admin, settings
):
    batch = queue_30_files(alice_admin, settings)
    # The watcher would take the batch over only after an hour: the stopped worker hands it back.
    env = worker_env(NEWSROOM_BATCH_STALL_SECONDS="3600")
    first = Worker(env)
    try:
        with item_held_back("ringroad-04"):
            waiting_to_store()
            first.stop_at_once()
            first.wait_until_stopped()
    finally:
        first.stop()
    stopped = UploadBatch.objects.get(pk=batch.pk)
    assert stopped.status == BatchStatus.QUEUED and stopped.processed == 4, "".join(first.log)
    assert stopped.error == "" and SourceVersion.objects.count() == 4
    assert_nothing_half_stored()
    second = Worker(env)
    try:
        wait_for_status(batch, BatchStatus.DONE, 60, "the batch was not finished after its worker was stopped")
    finally:
        second.stop()
    assert_every_file_stored_once(batch)
    assert {result["outcome"] for result in batch.results} == {"stored"}  # the file in hand went in once


def test_a_batch_whose_database_connection_is_cut_says_so_on_its_page_and_resumes_to_the_last_file(
    alice_admin, settings, client
):
    batch = queue_30_files(alice_admin, settings)
    worker = Worker(worker_env())
    try:
        with item_held_back("ringroad-04"):
            cut_connection(waiting_to_store())
            wait_for_status(batch, BatchStatus.FAILED, 30, "the batch did not stop when its connection was cut")
        stopped = UploadBatch.objects.get(pk=batch.pk)
        assert stopped.processed == 4 and SourceVersion.objects.count() == 4
        assert_nothing_half_stored()
        client.force_login(alice_admin)
        page = client.get(batch.get_absolute_url()).content.decode()
        assert (
            "The connection to the database was lost after 4 of 30 files. Nothing was half-stored; "
            "resume the batch to take in the rest."
        ) in page
        assert "Resume the batch" in page and "OperationalError" not in page
        assert client.post(batch.get_absolute_url(), {"resume": "1"}).status_code == 302
        # The same worker, on a new connection, takes the rest in.
        wait_for_status(batch, BatchStatus.DONE, 60, "the resumed batch was not finished")
    finally:
        worker.stop()
    assert_every_file_stored_once(batch)
    assert {result["outcome"] for result in batch.results} == {"stored"} and batch.error == ""
