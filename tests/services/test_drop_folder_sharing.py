"""One large drop shared by the task workers: the run (`manage.py run_feeds --once`) queues
the drop folder's complete files, two real `desk_worker` processes take them in together,
and every file is stored once and moved on once, after its outcome is known."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from stories.models import BatchStatus, DroppedFile, Feed, FeedKind, Provider, SourceVersion, UploadBatch
from tests.services.test_batch_faults import Worker, assert_nothing_half_stored, wait_for, worker_env
from tests.services.test_batches import dispatch, zipped
from tests.services.test_drop_folders import names

pytestmark = pytest.mark.django_db(transaction=True)
INGEST = "stories.services.batches.ingest_batch"


def test_two_workers_share_one_drop_and_take_in_and_move_each_file_once(tmp_path, settings):
    settings.NEWSROOM_DROP_FOLDER_SETTLE_SECONDS = 0
    settings.NEWSROOM_BATCH_CHUNK_FILES = 3
    folder = tmp_path / "northwire-drop"
    folder.mkdir()
    for n in range(24):
        copy = dispatch(n)
        (folder / copy.name).write_bytes(copy.data)
    (folder / "night.zip").write_bytes(zipped("night.zip", [dispatch(n) for n in range(24, 30)]).data)
    (folder / "half.txt.part").write_bytes(b"Still being written")  # an upload in progress: left alone
    provider = Provider.objects.create(name="Northwire")
    feed = Feed.objects.create(kind=FeedKind.DROP_FOLDER, name="Northwire drop", address=str(folder), provider=provider)

    call_command("run_feeds", "--once", stdout=open("/dev/null", "w"))  # noqa: SIM115
    batch = UploadBatch.objects.get(feed=feed)
    assert batch.total == 30 and DBTaskResult.objects.filter(task_path=INGEST).count() == 10
    assert len(names(folder / ".taking-in")) == 25  # the zip and 24 files wait for the workers

    env = worker_env(NEWSROOM_BATCH_CHUNK_FILES="3")
    workers = [Worker(env), Worker(env)]
    try:
        wait_for(lambda: not DroppedFile.objects.filter(moved_at__isnull=True).exists(), 120, "not all moved on")
    finally:
        for worker in workers:
            worker.stop()

    batch.refresh_from_db()
    assert batch.status == BatchStatus.DONE and batch.processed == batch.total == 30
    assert SourceVersion.objects.filter(feed=feed, source__provider=provider).count() == 30  # none twice
    assert {result["outcome"] for result in batch.results} == {"stored"}
    assert_nothing_half_stored()
    done = names(folder / "done")
    assert done == sorted(["night.zip", *(dispatch(n).name for n in range(24))])  # each moved once
    assert names(folder / ".taking-in") == [] and names(folder / "refused") == []
    assert names(folder) == [".taking-in", "done", "half.txt.part", "refused"]
    feed.refresh_from_db()
    assert (feed.stored_count, feed.duplicate_count, feed.refused_count) == (30, 0, 0)
    assert feed.last_run_at and feed.last_success_at and not feed.last_error
    ran = DBTaskResult.objects.filter(task_path=INGEST, status="SUCCESSFUL")
    assert len({tuple(task.worker_ids) for task in ran}) == 2, "both workers took part"

    # The next run finds nothing to do: nothing queued again, nothing taken in twice.
    call_command("run_feeds", "--once", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert UploadBatch.objects.count() == 1 and SourceVersion.objects.count() == 30


def test_a_file_written_in_two_halves_waits_until_complete_while_the_workers_run(tmp_path, settings):
    settings.NEWSROOM_DROP_FOLDER_SETTLE_SECONDS = 0
    folder = tmp_path / "drop"
    folder.mkdir()
    whole = dispatch(1).data
    (folder / "ringroad.txt").write_bytes(whole[: len(whole) // 2])
    feed = Feed.objects.create(
        kind=FeedKind.DROP_FOLDER, name="Drop", address=str(folder), provider=Provider.objects.create(name="N")
    )
    from stories.services.drop_folders import take_in_drop_folder

    def second_half(seconds: float) -> None:
        with open(folder / "ringroad.txt", "ab") as stream:
            stream.write(whole[len(whole) // 2 :])

    worker = Worker(worker_env())
    try:
        report = take_in_drop_folder(feed, pause=second_half)
        assert report.waiting == ["ringroad.txt"] and not report.batches
        report = take_in_drop_folder(feed)
        assert report.queued == ["ringroad.txt"]
        wait_for(lambda: (folder / "done" / "ringroad.txt").exists(), 60, "the worker did not take it in")
    finally:
        worker.stop()
    assert [bytes(version.original) for version in SourceVersion.objects.all()] == [whole]
    assert Path(folder / "done" / "ringroad.txt").read_bytes() == whole
