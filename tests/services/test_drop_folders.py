"""A drop folder: files an agency's server writes into a folder are queued once complete, taken
in by the task workers through the same ingest as an upload, and moved to done/ or refused/
(with why) once their outcome is known. Here the workers' part runs in the test's process
(`run_batch`, as a task runs it); `test_drop_folder_sharing.py` has real workers share a drop."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from stories.models import (
    AuditAction,
    AuditEvent,
    BatchStatus,
    DroppedFile,
    Feed,
    FeedKind,
    Provider,
    SourceVersion,
    UploadBatch,
)
from stories.services import drop_folders
from stories.services.batches import _take_in_next_file, revive_stalled_batches, run_batch
from stories.services.drop_filing import file_away
from stories.services.drop_folders import DropFolderReport, take_in_drop_folder
from stories.services.ingest import IncomingCopy
from tests.views.copy import HARBOUR_A, HARBOUR_B
from tests.views.push import zipped

pytestmark = pytest.mark.django_db
NITF = (Path(__file__).parents[1] / "ingest" / "wire" / "ferry-strike.nitf.xml").read_bytes()  # our own copy
JUNK = bytes(range(256)) * 8  # binary: control bytes, NULs, no text


@pytest.fixture
def folder(tmp_path) -> Path:
    path = tmp_path / "northwire-drop"
    path.mkdir()
    return path


@pytest.fixture
def feed(folder) -> Feed:
    provider = Provider.objects.get_or_create(name="Northwire")[0]
    return Feed.objects.create(kind=FeedKind.DROP_FOLDER, name="Northwire drop", address=str(folder), provider=provider)


def look(feed: Feed, meanwhile=lambda: None, *, workers: bool = True) -> DropFolderReport:
    """One run of the feed, then (unless not `workers`) the task workers' part: each batch it
    queued taken in; `meanwhile` happens between the run's two looks at the folder."""
    report = take_in_drop_folder(feed, pause=lambda seconds: meanwhile())
    if workers:
        take_in(report)
    feed.refresh_from_db()
    return report


def take_in(report: DropFolderReport) -> None:
    """What the task workers do with the run's batches: every file taken in, task by task."""
    for batch in report.batches:
        while not UploadBatch.objects.get(pk=batch.pk).is_finished:
            run_batch(batch.pk)


def results(report: DropFolderReport) -> list[tuple[str, str]]:
    """Each item's name and outcome (a zip's files one by one), in the order queued."""
    return [
        (result["name"], result["outcome"])
        for batch in report.batches
        for result in UploadBatch.objects.get(pk=batch.pk).results
    ]


def outcomes(report: DropFolderReport) -> list[str]:
    return [outcome for _, outcome in results(report)]


def names(path: Path) -> list[str]:
    return sorted(entry.name for entry in path.iterdir()) if path.exists() else []


class TestCompleteFiles:
    def test_it_takes_in_a_complete_file_attributed_to_the_feed_and_moves_it_to_done(self, feed, folder):
        (folder / "ferry-strike.nitf.xml").write_bytes(NITF)
        report = look(feed)
        version = SourceVersion.objects.get()
        assert version.original == NITF and version.feed == feed and version.source.provider == feed.provider
        assert report.queued == ["ferry-strike.nitf.xml"] and outcomes(report) == ["stored"]
        assert not report.problems
        assert names(folder) == [".taking-in", "done", "refused"] and names(folder / ".taking-in") == []
        assert names(folder / "done") == ["ferry-strike.nitf.xml"]
        assert (feed.stored_count, feed.duplicate_count, feed.refused_count) == (1, 0, 0)
        assert feed.last_run_at and feed.last_success_at and not feed.last_error
        assert AuditEvent.objects.get(action=AuditAction.INGEST).actor_name == "feed Northwire drop"

    def test_a_file_written_in_two_halves_is_taken_in_whole_once_it_stops_growing(self, feed, folder):
        whole = HARBOUR_A.encode()
        half = len(whole) // 2
        dropped = folder / "northwire.txt"
        dropped.write_bytes(whole[:half])

        def second_half():  # the agency's server writes on between the run's two looks
            with open(dropped, "ab") as stream:
                stream.write(whole[half:])

        report = look(feed, meanwhile=second_half)
        assert report.waiting == ["northwire.txt"] and not report.queued and not report.batches
        assert not SourceVersion.objects.exists() and names(folder) == ["northwire.txt"]
        assert feed.stored_count == 0 and feed.last_success_at  # a run with nothing complete went through

        report = look(feed)
        assert outcomes(report) == ["stored"]
        assert [version.original for version in SourceVersion.objects.all()] == [whole]  # never the half
        assert names(folder / "done") == ["northwire.txt"]

    def test_a_refused_file_goes_to_refused_with_why_while_the_good_files_go_in(self, feed, folder):
        (folder / "northwire.txt").write_bytes(HARBOUR_A.encode())
        (folder / "scan.bin").write_bytes(JUNK)
        (folder / "meridian.txt").write_bytes(HARBOUR_B.encode())
        report = look(feed)
        assert sorted(results(report)) == [
            ("meridian.txt", "stored"),
            ("northwire.txt", "stored"),
            ("scan.bin", "refused"),
        ]
        assert names(folder / "done") == ["meridian.txt", "northwire.txt"]
        assert names(folder / "refused") == ["scan.bin", "scan.bin.why.txt"]
        why = (folder / "refused" / "scan.bin.why.txt").read_text()
        assert why.startswith("scan.bin: ") and "binary" in why
        assert (folder / "refused" / "scan.bin").read_bytes() == JUNK
        assert (feed.stored_count, feed.refused_count) == (2, 1) and not feed.last_error  # a refusal is not a failure

    def test_a_duplicate_is_moved_to_done_and_stored_once(self, feed, folder):
        (folder / "northwire.txt").write_bytes(HARBOUR_A.encode())
        look(feed)
        (folder / "northwire-resent.txt").write_bytes(HARBOUR_A.encode())
        report = look(feed)
        assert outcomes(report) == ["duplicate"]
        assert SourceVersion.objects.count() == 1
        assert names(folder / "done") == ["northwire-resent.txt", "northwire.txt"]
        assert (feed.stored_count, feed.duplicate_count) == (1, 1)

    def test_it_takes_in_each_file_of_a_zip_and_moves_the_zip(self, feed, folder):
        files = [IncomingCopy("northwire.txt", HARBOUR_A.encode()), IncomingCopy("blank.txt", b" \n")]
        (folder / "night.zip").write_bytes(zipped("night.zip", files).data)
        report = look(feed)
        assert results(report) == [
            ("night.zip/northwire.txt", "stored"),
            ("night.zip/blank.txt", "refused"),
        ]
        assert SourceVersion.objects.get().original_name == "night.zip/northwire.txt"
        assert names(folder / "done") == ["night.zip", "night.zip.why.txt"]  # what of it went in, and what not
        assert "night.zip/blank.txt" in (folder / "done" / "night.zip.why.txt").read_text()

    def test_a_damaged_zip_is_refused(self, feed, folder):
        (folder / "night.zip").write_bytes(zipped("night.zip", [IncomingCopy("a.txt", HARBOUR_A.encode())]).data[:60])
        look(feed)
        assert names(folder / "refused") == ["night.zip", "night.zip.why.txt"]
        assert "zip archive" in (folder / "refused" / "night.zip.why.txt").read_text()


class TestWhatIsLeftAlone:
    def test_uploads_in_progress_hidden_files_and_folders_are_not_taken_in(self, feed, folder):
        for name in ("northwire.txt.part", "a.tmp", "b.txt.filepart", "c.partial", ".in.meridian.txt."):
            (folder / name).write_bytes(HARBOUR_A.encode())
        (folder / "archive").mkdir()
        (folder / "archive" / "meridian.txt").write_bytes(HARBOUR_B.encode())
        report = take_in_drop_folder(feed, pause=lambda seconds: pytest.fail("nothing to wait for"))
        assert not report.queued and not report.waiting and not SourceVersion.objects.exists()
        assert len(names(folder)) == 6

    def test_a_name_taken_in_done_gets_a_number_and_nothing_is_overwritten(self, feed, folder):
        (folder / "done").mkdir()
        (folder / "done" / "northwire.nitf.xml").write_bytes(b"yesterday's")
        (folder / "done" / "northwire-2.nitf.xml.why.txt").write_text("kept")
        (folder / "northwire.nitf.xml").write_bytes(NITF)
        look(feed)
        assert names(folder / "done") == ["northwire-2.nitf.xml.why.txt", "northwire-3.nitf.xml", "northwire.nitf.xml"]
        assert (folder / "done" / "northwire.nitf.xml").read_bytes() == b"yesterday's"
        assert (folder / "done" / "northwire-3.nitf.xml").read_bytes() == NITF

    def test_a_file_over_the_limit_is_refused_unread(self, feed, folder, settings):
        settings.NEWSROOM_MAX_COPY_BYTES = 100
        (folder / "long.txt").write_bytes(HARBOUR_A.encode())
        report = look(feed)
        [result] = UploadBatch.objects.get(pk=report.batches[0].pk).results
        assert result["outcome"] == "refused" and "over the limit of 100 bytes" in result["message"]
        assert "over the limit" in (folder / "refused" / "long.txt.why.txt").read_text()

    def test_a_link_that_leads_outside_the_folder_is_refused_and_its_target_left_alone(self, feed, folder, tmp_path):
        secret = tmp_path / "elsewhere.txt"
        secret.write_bytes(HARBOUR_B.encode())
        (folder / "meridian.txt").symlink_to(secret)
        (folder / "inside.txt").symlink_to("northwire.txt")  # relative, to a file of the folder
        (folder / "northwire.txt").write_bytes(HARBOUR_A.encode())
        report = look(feed)
        assert results(report) == [
            ("inside.txt", "stored"),  # in the order of their names
            ("meridian.txt", "refused"),
            ("northwire.txt", "duplicate"),
        ]
        assert "outside the drop folder" in (folder / "refused" / "meridian.txt.why.txt").read_text()
        assert secret.read_bytes() == HARBOUR_B.encode() and SourceVersion.objects.count() == 1


class TestFailures:
    def test_a_missing_folder_is_the_feeds_last_error(self, feed, folder):
        folder.rmdir()
        report = look(feed)
        assert "does not exist" in report.error and str(folder) in feed.last_error
        assert feed.last_run_at and feed.last_success_at is None

    def test_an_address_that_is_not_an_absolute_folder_is_the_feeds_last_error(self, feed, folder):
        (folder / "plain.txt").write_text("not a folder")
        for address, problem in [("relative/drop", "absolute"), (str(folder / "plain.txt"), "not a folder")]:
            Feed.objects.filter(pk=feed.pk).update(address=address)
            feed.refresh_from_db()
            assert problem in look(feed).error and problem in feed.last_error

    def test_a_file_that_cannot_be_moved_is_reported_and_not_taken_in(self, feed, folder, monkeypatch):
        def no_permission(path, into, name, taken):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(drop_folders, "_move", no_permission)
        (folder / "northwire.txt").write_bytes(HARBOUR_A.encode())
        for _ in range(2):
            report = look(feed)
            assert report.unmoved == ["northwire.txt: not taken in, because it could not be moved (Permission denied)."]
            assert "Permission denied" in feed.last_error and feed.last_success_at is None
        assert not SourceVersion.objects.exists()
        assert not AuditEvent.objects.filter(action__startswith="ingest").exists()
        assert (folder / "northwire.txt").exists()

    def test_a_file_a_stopped_run_left_taking_in_is_taken_in_and_moved_on(self, feed, folder):
        (folder / ".taking-in").mkdir()
        (folder / ".taking-in" / "northwire.txt").write_bytes(HARBOUR_A.encode())
        report = take_in_drop_folder(feed, pause=lambda seconds: pytest.fail("nothing new to wait for"))
        take_in(report)
        assert outcomes(report) == ["stored"]
        assert names(folder / ".taking-in") == [] and names(folder / "done") == ["northwire.txt"]

    def test_it_waits_the_settle_time_between_its_looks(self, feed, folder, settings):
        settings.NEWSROOM_DROP_FOLDER_SETTLE_SECONDS = 7
        waited = []
        (folder / "northwire.txt").write_bytes(HARBOUR_A.encode())
        take_in(take_in_drop_folder(feed, pause=waited.append))
        assert waited == [7]
        assert os.path.exists(folder / "done" / "northwire.txt")


class TestQueuedForTheWorkers:
    """The run queues; the workers take in and move on; nothing is taken in twice, whoever
    stops where."""

    def test_a_queued_file_waits_in_taking_in_and_the_next_runs_leave_it_to_the_workers(self, feed, folder):
        (folder / "northwire.txt").write_bytes(HARBOUR_A.encode())
        first = look(feed, workers=False)
        assert first.queued == ["northwire.txt"] and names(folder / ".taking-in") == ["northwire.txt"]
        assert not SourceVersion.objects.exists() and names(folder / "done") == []
        assert feed.last_success_at and feed.stored_count == 0  # the run is noted; the items not yet

        again = take_in_drop_folder(feed, pause=lambda seconds: pytest.fail("nothing new to wait for"))
        assert not again.queued and not again.batches and UploadBatch.objects.count() == 1

        take_in(first)
        feed.refresh_from_db()
        assert SourceVersion.objects.count() == 1 and names(folder / "done") == ["northwire.txt"]
        assert names(folder / ".taking-in") == [] and feed.stored_count == 1
        assert DroppedFile.objects.get().moved_at is not None

    def test_a_file_is_moved_on_only_once_its_last_item_has_its_outcome(self, feed, folder):
        files = [IncomingCopy("northwire.txt", HARBOUR_A.encode()), IncomingCopy("meridian.txt", HARBOUR_B.encode())]
        (folder / "night.zip").write_bytes(zipped("night.zip", files).data)
        report = look(feed, workers=False)
        batch = report.batches[0]
        _take_in_next_file(batch)  # the first of its two items: the zip stays where it waits
        assert file_away(DroppedFile.objects.get().pk) is None
        assert names(folder / ".taking-in") == ["night.zip"]
        run_batch(batch.pk)
        assert names(folder / ".taking-in") == [] and names(folder / "done") == ["night.zip"]

    def test_a_file_taken_in_by_a_worker_that_stopped_before_moving_it_is_moved_on_by_the_next_run(self, feed, folder):
        (folder / "northwire.txt").write_bytes(HARBOUR_A.encode())
        (folder / "scan.bin").write_bytes(JUNK)
        report = look(feed, workers=False)
        # The worker's two steps for each file, and it stops after the first: each file's
        # outcome committed, neither moved on.
        while _take_in_next_file(report.batches[0])[0] is not None:
            pass
        assert names(folder / ".taking-in") == ["northwire.txt", "scan.bin"]
        versions = SourceVersion.objects.count()

        report = look(feed)
        assert sorted(report.moved) == [folder / "done" / "northwire.txt", folder / "refused" / "scan.bin"]
        assert not report.queued and SourceVersion.objects.count() == versions == 1  # not taken in again
        assert names(folder / ".taking-in") == [] and "binary" in (folder / "refused" / "scan.bin.why.txt").read_text()
        assert (feed.stored_count, feed.refused_count) == (1, 1)

    def test_a_move_whose_place_was_reserved_before_its_worker_stopped_is_finished_there(self, feed, folder):
        (folder / "northwire.txt").write_bytes(HARBOUR_A.encode())
        report = look(feed, workers=False)
        _take_in_next_file(report.batches[0])
        # What a worker stopped between reserving the place and the rename leaves behind.
        DroppedFile.objects.update(moved_to=str(folder / "done" / "northwire-7.txt"))
        assert file_away(DroppedFile.objects.get().pk) is None  # a worker leaves it to the feed's run
        report = look(feed)
        assert report.moved == [folder / "done" / "northwire-7.txt"] and names(folder / "done") == ["northwire-7.txt"]

    def test_two_files_of_one_name_waiting_at_once_are_both_kept(self, feed, folder):
        (folder / "northwire.txt").write_bytes(HARBOUR_A.encode())
        first = look(feed, workers=False)
        (folder / "northwire.txt").write_bytes(HARBOUR_B.encode())  # sent again, corrected
        second = look(feed, workers=False)
        assert names(folder / ".taking-in") == ["northwire-2.txt", "northwire.txt"]
        take_in(second)
        take_in(first)
        assert (folder / "done" / "northwire.txt").read_bytes() == HARBOUR_B.encode()
        assert (folder / "done" / "northwire-2.txt").read_bytes() == HARBOUR_A.encode()
        assert results(second) == [("northwire.txt", "stored")]  # by the name it came by

    def test_a_batch_stopped_by_an_error_is_said_on_the_feeds_page_and_its_files_left_waiting(self, feed, folder):
        (folder / "northwire.txt").write_bytes(HARBOUR_A.encode())
        report = look(feed, workers=False)
        UploadBatch.objects.filter(pk=report.batches[0].pk).update(status=BatchStatus.FAILED, error="stopped")
        again = look(feed, workers=False)
        assert not again.queued and names(folder / ".taking-in") == ["northwire.txt"]
        assert f"Upload batch {report.batches[0].pk} stopped on an error" in feed.last_error

    def test_a_large_drop_is_queued_in_batches_of_a_bounded_size(self, feed, folder, monkeypatch):
        monkeypatch.setattr(drop_folders, "BATCH_BYTES", 1)  # each file its own batch
        for n in range(3):
            (folder / f"n{n}.txt").write_bytes(f"{HARBOUR_A}\n\nUpdate {n}.".encode())
        report = look(feed)
        assert len(report.batches) == 3 and outcomes(report) == ["stored"] * 3
        assert names(folder / "done") == ["n0.txt", "n1.txt", "n2.txt"]

    def test_a_batch_left_without_its_tasks_is_queued_again_by_the_workers_watcher(
        self, feed, folder, django_capture_on_commit_callbacks
    ):
        (folder / "northwire.txt").write_bytes(HARBOUR_A.encode())
        # The batch's tasks are queued once its transaction commits; here (the test's own
        # transaction) that never comes, as for a run stopped between the two.
        [batch] = look(feed, workers=False).batches
        assert not DBTaskResult.objects.exists()
        assert revive_stalled_batches() == []  # not yet: a batch may wait a while for its tasks
        UploadBatch.objects.update(created_at=timezone.now() - timedelta(minutes=10))
        with django_capture_on_commit_callbacks(execute=True):
            assert revive_stalled_batches() == [batch.pk]
        [task] = DBTaskResult.objects.all()
        assert task.task_path.endswith(".ingest_batch") and task.args_kwargs["args"] == [batch.pk]
        assert revive_stalled_batches() == []  # its task waits now: queued once

    def test_a_name_still_queued_in_taking_in_is_not_given_to_a_new_file(self, feed, folder, tmp_path):
        (folder / "northwire.txt").write_bytes(HARBOUR_A.encode())
        first = look(feed, workers=False)
        # Its file gone from .taking-in/ while still queued: as at the moment a worker renames
        # it out, before it notes the move (the run's own check for finished moves came first).
        os.rename(folder / ".taking-in" / "northwire.txt", tmp_path / "moving.txt")
        (folder / "northwire.txt").write_bytes(HARBOUR_B.encode())  # sent again meanwhile
        second = take_in_drop_folder(feed, pause=lambda seconds: None)
        assert second.queued == ["northwire.txt"] and names(folder / ".taking-in") == ["northwire-2.txt"]
        take_in(first)
        take_in(second)
        assert not DroppedFile.objects.filter(moved_at__isnull=True).exists()
        assert SourceVersion.objects.count() == 2 and names(folder / ".taking-in") == []
        assert (folder / "done" / "northwire.txt").read_bytes() == HARBOUR_B.encode()

    def test_a_worker_on_another_machine_takes_the_copy_in_and_leaves_the_move_to_the_feeds_run(
        self, feed, folder, tmp_path
    ):
        (folder / "northwire.txt").write_bytes(HARBOUR_A.encode())
        report = look(feed, workers=False)
        os.rename(folder, tmp_path / "not-here")  # what a worker on another machine sees: no such folder
        take_in(report)
        os.rename(tmp_path / "not-here", folder)
        dropped = DroppedFile.objects.get()
        assert SourceVersion.objects.count() == 1 and dropped.moved_at is None and dropped.moved_to
        again = look(feed)
        assert again.moved == [folder / "done" / "northwire.txt"] and not again.queued
        assert names(folder / ".taking-in") == [] and SourceVersion.objects.count() == 1
