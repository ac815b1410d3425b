"""Large uploads: queued as a batch and taken in by a real task worker (`db_worker`) on the
test database, with each file's outcome recorded on the batch as it goes."""

import io
import zipfile

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from stories.models import AuditAction, AuditEvent, BatchFile, BatchStatus, SourceVersion, Story, UploadBatch
from stories.services.batches import take_in_upload
from stories.services.ingest import IncomingCopy, IngestReport

# The worker closes its database connection between tasks, as a real one must: these tests
# commit for real (transaction=True) rather than inside a test transaction it would break.
pytestmark = pytest.mark.django_db(transaction=True)


def dispatch(n: int) -> IncomingCopy:
    """The nth dispatch of a busy night on the ring road: distinct copy, one item each."""
    text = (
        f"Ring road night update {n}\n\n"
        f"Crews resurfaced section {n} of the ring road overnight, the highways office said.\n\n"
        f"Lane {n % 3 + 1} stays closed until {n + 5} a.m. while the surface sets.\n"
    )
    return IncomingCopy(f"ringroad-{n:02}.txt", text.encode())


def zipped(name: str, copies: list[IncomingCopy]) -> IncomingCopy:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for copy in copies:
            archive.writestr(f"night/{copy.name}", copy.data)
    return IncomingCopy(name, buffer.getvalue())


def run_worker() -> None:
    """The real worker, as `make run` starts it, until the queue is empty."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def test_a_small_upload_goes_in_during_the_request(alice_admin, settings):
    settings.NEWSROOM_INLINE_UPLOAD_FILES = 3
    report = take_in_upload(files=[dispatch(1), dispatch(2)], user=alice_admin, story=None, provider=None)
    assert isinstance(report, IngestReport) and report.count("stored") == 2
    assert not UploadBatch.objects.exists()
    # Only the story's analysis is left to the workers: once for the two files.
    [task] = DBTaskResult.objects.all()
    assert task.task_path == "stories.services.analysis.analyse_story"
    assert task.args_kwargs["args"] == [Story.objects.get().pk]


def test_a_large_upload_waits_in_the_database_with_its_task_queued(queued):
    assert queued.status == BatchStatus.QUEUED and (queued.total, queued.processed) == (6, 0)
    assert list(queued.files.values_list("name", flat=True)) == [
        *(f"ringroad-{n:02}.txt" for n in range(1, 5)),
        "blank.txt",
        "ringroad-01.txt",
    ]
    task = DBTaskResult.objects.get()
    assert task.task_path == "stories.services.batches.ingest_batch" and task.args_kwargs["args"] == [queued.pk]
    assert not SourceVersion.objects.exists()


def test_the_worker_takes_the_batch_in_file_by_file_and_records_each_outcome(queued, settings):
    settings.NEWSROOM_ANALYSIS_DELAY_SECONDS = 0  # else the story is analysed after the worker stops
    run_worker()

    queued.refresh_from_db()
    assert queued.status == BatchStatus.DONE and queued.processed == queued.total == 6
    assert [result["outcome"] for result in queued.results] == [*["stored"] * 4, "refused", "duplicate"]
    assert queued.results[4]["message"].startswith("blank.txt: ")
    assert queued.tally == "4 stored, 1 duplicate, 1 refused"
    story = Story.objects.get()
    assert queued.story == story and story.sources.count() == 4
    assert story.analysis is not None, "the worker analyses the story it filled"
    assert not BatchFile.objects.exclude(data=b"").exists(), "a file's waiting copy goes once it is taken in"
    assert AuditEvent.objects.filter(action=AuditAction.INGEST, actor=queued.created_by).count() == 4
    assert queued.started_at <= queued.finished_at


def test_a_zip_counts_its_files_and_its_refusals_are_listed_in_order(alice_admin, settings):
    settings.NEWSROOM_INLINE_UPLOAD_FILES = 3
    night = zipped("night.zip", [dispatch(n) for n in range(1, 6)])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../escape.txt", b"Copy that tries to leave the archive.\n")
    hostile = IncomingCopy("hostile.zip", buffer.getvalue())

    batch = take_in_upload(files=[night, hostile], user=alice_admin, story=None, provider=None)
    assert isinstance(batch, UploadBatch) and batch.total == 6
    run_worker()

    batch.refresh_from_db()
    assert [result["name"] for result in batch.results][:5] == [
        f"night.zip/night/ringroad-{n:02}.txt" for n in range(1, 6)
    ]
    assert batch.results[5]["outcome"] == "refused"
    assert batch.results[5]["message"].startswith("hostile.zip/")
    assert SourceVersion.objects.count() == 5


def test_a_batch_already_finished_is_not_taken_in_twice(queued):
    run_worker()
    queued.refresh_from_db()
    results = list(queued.results)

    from stories.services.batches import run_batch

    run_batch(queued.pk)
    queued.refresh_from_db()
    assert queued.results == results and SourceVersion.objects.count() == 4


def test_a_task_queued_under_its_old_name_still_runs():
    """Tasks queued before the task moved beside its service were stored as
    stories.tasks.ingest_batch: the worker still finds them there."""
    from django.utils.module_loading import import_string

    from stories.services.batches import ingest_batch

    assert import_string("stories.tasks.ingest_batch") is ingest_batch
