"""One large upload shared by the task workers: queued as one task for each few files, every
worker running takes part, and each file is stored once with its outcome in its place."""

import pytest
from django_tasks_db.models import DBTaskResult

from stories.models import BatchStatus, SourceVersion, Story, UploadBatch
from stories.services.batches import take_in_upload
from tests.services.test_batch_faults import Worker, assert_nothing_half_stored, wait_for, wait_for_status, worker_env
from tests.services.test_batches import dispatch, run_worker

pytestmark = pytest.mark.django_db(transaction=True)
INGEST = "stories.services.batches.ingest_batch"


def queue(files: int, user, settings, **options) -> UploadBatch:
    settings.NEWSROOM_INLINE_UPLOAD_FILES = 3
    batch = take_in_upload(files=[dispatch(n) for n in range(files)], user=user, story=None, provider=None, **options)
    assert isinstance(batch, UploadBatch)
    return batch


def test_a_large_upload_is_queued_as_one_task_for_each_few_files(alice_admin, settings):
    settings.NEWSROOM_BATCH_CHUNK_FILES = 4
    batch = queue(10, alice_admin, settings, group=True)
    assert DBTaskResult.objects.filter(task_path=INGEST, args_kwargs__args=[batch.pk]).count() == 3


def test_an_upload_split_across_task_runs_stores_every_file_once_and_reports_each_in_order(alice_admin, settings):
    settings.NEWSROOM_BATCH_CHUNK_FILES = 4
    batch = queue(10, alice_admin, settings, group=True)
    run_worker()

    batch.refresh_from_db()
    assert batch.status == BatchStatus.DONE and batch.processed == batch.total == 10
    assert [result["name"] for result in batch.results] == [f"ringroad-{n:02}.txt" for n in range(10)]
    assert {result["outcome"] for result in batch.results} == {"stored"}
    assert SourceVersion.objects.count() == 10
    assert DBTaskResult.objects.filter(task_path=INGEST, status="SUCCESSFUL").count() == 3


def test_the_files_of_one_story_stay_one_story_across_task_runs(alice_admin, settings):
    settings.NEWSROOM_BATCH_CHUNK_FILES = 3
    batch = queue(8, alice_admin, settings)  # not grouped: the upload's files form one new story
    run_worker()
    batch.refresh_from_db()
    story = Story.objects.get()
    assert batch.story == story and story.sources.count() == 8
    assert {result["story"] for result in batch.results} == {story.pk}


def test_two_workers_share_one_large_upload_and_store_each_file_once(alice_admin, settings):
    batch = queue(30, alice_admin, settings, group=True)  # queued with the default chunks, here 20 files
    DBTaskResult.objects.filter(task_path=INGEST).delete()  # queued again below, in chunks of 3
    from stories.services.batches import _queue_runs

    env = worker_env(NEWSROOM_BATCH_CHUNK_FILES="3")
    settings.NEWSROOM_BATCH_CHUNK_FILES = 3
    workers = [Worker(env), Worker(env)]
    try:
        # Both polling before the runs are queued: on a busy machine one worker's start-up
        # could otherwise take longer than the other's whole share of the batch.
        wait_for(lambda: all(w.has_logged("Starting worker") for w in workers), 60, "the workers did not start")
        _queue_runs(batch.pk, 30)
        wait_for_status(batch, BatchStatus.DONE, 120, "the two workers did not finish the batch")
    finally:
        for worker in workers:
            worker.stop()
    batch.refresh_from_db()
    assert batch.processed == batch.total == 30 and SourceVersion.objects.count() == 30
    assert [result["name"] for result in batch.results] == [f"ringroad-{n:02}.txt" for n in range(30)]
    assert {result["outcome"] for result in batch.results} == {"stored"}
    assert_nothing_half_stored()
    ran = DBTaskResult.objects.filter(task_path=INGEST, status="SUCCESSFUL")
    assert ran.count() == 10
    assert len({tuple(task.worker_ids) for task in ran}) == 2, "both workers took part"


def test_each_file_links_to_the_story_its_copy_is_in_now_after_a_regrouping(alice_admin, settings):
    from stories.services.regroup import move_source

    batch = queue(4, alice_admin, settings)  # one new story for the upload's files
    run_worker()
    story = Story.objects.get()
    moved = SourceVersion.objects.get(original_name="ringroad-02.txt").source
    split_off = move_source(source=moved, to_story=None, by=alice_admin)

    batch.refresh_from_db()
    by_name = {result["name"]: result["story"] for result in batch.results}
    assert by_name["ringroad-02.txt"] == split_off.pk != story.pk
    assert {by_name[f"ringroad-{n:02}.txt"] for n in (0, 1, 3)} == {story.pk}
    assert batch.stories() == [story, split_off]
