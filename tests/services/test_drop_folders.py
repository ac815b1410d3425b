"""A drop folder: files an agency's server writes into a folder are taken in once complete,
through the same ingest as an upload, and moved to done/ or refused/ (with why)."""

import os
from pathlib import Path

import pytest

from stories.models import AuditAction, AuditEvent, Feed, FeedKind, Provider, SourceVersion
from stories.services import drop_folders
from stories.services.drop_folders import take_in_drop_folder
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


def look(feed: Feed, meanwhile=lambda: None):
    """One run of the feed; `meanwhile` happens between its two looks at the folder."""
    report = take_in_drop_folder(feed, pause=lambda seconds: meanwhile())
    feed.refresh_from_db()
    return report


def names(path: Path) -> list[str]:
    return sorted(entry.name for entry in path.iterdir()) if path.exists() else []


class TestCompleteFiles:
    def test_it_takes_in_a_complete_file_attributed_to_the_feed_and_moves_it_to_done(self, feed, folder):
        (folder / "ferry-strike.nitf.xml").write_bytes(NITF)
        report = look(feed)
        version = SourceVersion.objects.get()
        assert version.original == NITF and version.feed == feed and version.source.provider == feed.provider
        assert [result.outcome for result in report.results] == ["stored"]
        assert report.moved == [folder / "done" / "ferry-strike.nitf.xml"] and not report.problems
        assert names(folder) == [".taking-in", "done", "refused"]
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
        assert report.waiting == ["northwire.txt"] and not report.results and not report.moved
        assert not SourceVersion.objects.exists() and names(folder) == ["northwire.txt"]
        assert feed.stored_count == 0 and feed.last_success_at  # a run with nothing complete went through

        report = look(feed)
        assert [result.outcome for result in report.results] == ["stored"]
        assert [version.original for version in SourceVersion.objects.all()] == [whole]  # never the half
        assert names(folder / "done") == ["northwire.txt"]

    def test_a_refused_file_goes_to_refused_with_why_while_the_good_files_go_in(self, feed, folder):
        (folder / "northwire.txt").write_bytes(HARBOUR_A.encode())
        (folder / "scan.bin").write_bytes(JUNK)
        (folder / "meridian.txt").write_bytes(HARBOUR_B.encode())
        report = look(feed)
        assert sorted((result.name, result.outcome) for result in report.results) == [
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
        assert [result.outcome for result in report.results] == ["duplicate"]
        assert SourceVersion.objects.count() == 1
        assert names(folder / "done") == ["northwire-resent.txt", "northwire.txt"]
        assert (feed.stored_count, feed.duplicate_count) == (1, 1)

    def test_it_takes_in_each_file_of_a_zip_and_moves_the_zip(self, feed, folder):
        files = [IncomingCopy("northwire.txt", HARBOUR_A.encode()), IncomingCopy("blank.txt", b" \n")]
        (folder / "night.zip").write_bytes(zipped("night.zip", files).data)
        report = look(feed)
        assert [(result.name, result.outcome) for result in report.results] == [
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
        assert not report.results and not report.waiting and not SourceVersion.objects.exists()
        assert len(names(folder)) == 6

    def test_a_name_taken_in_done_gets_a_number_and_nothing_is_overwritten(self, feed, folder):
        (folder / "done").mkdir()
        (folder / "done" / "northwire.nitf.xml").write_bytes(b"yesterday's")
        (folder / "done" / "northwire-2.nitf.xml.why.txt").write_text("kept")
        (folder / "northwire.nitf.xml").write_bytes(NITF)
        report = look(feed)
        assert report.moved == [folder / "done" / "northwire-3.nitf.xml"]
        assert (folder / "done" / "northwire.nitf.xml").read_bytes() == b"yesterday's"
        assert (folder / "done" / "northwire-3.nitf.xml").read_bytes() == NITF

    def test_a_file_over_the_limit_is_refused_unread(self, feed, folder, settings):
        settings.NEWSROOM_MAX_COPY_BYTES = 100
        (folder / "long.txt").write_bytes(HARBOUR_A.encode())
        report = look(feed)
        [result] = report.results
        assert result.outcome == "refused" and "over the limit of 100 bytes" in result.message
        assert "over the limit" in (folder / "refused" / "long.txt.why.txt").read_text()

    def test_a_link_that_leads_outside_the_folder_is_refused_and_its_target_left_alone(self, feed, folder, tmp_path):
        secret = tmp_path / "elsewhere.txt"
        secret.write_bytes(HARBOUR_B.encode())
        (folder / "meridian.txt").symlink_to(secret)
        (folder / "inside.txt").symlink_to("northwire.txt")  # relative, to a file of the folder
        (folder / "northwire.txt").write_bytes(HARBOUR_A.encode())
        report = look(feed)
        assert [(result.name, result.outcome) for result in report.results] == [
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
        def no_permission(path, into, name):
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
        assert [result.outcome for result in report.results] == ["stored"]
        assert names(folder / ".taking-in") == [] and names(folder / "done") == ["northwire.txt"]

    def test_it_waits_the_settle_time_between_its_looks(self, feed, folder, settings):
        settings.NEWSROOM_DROP_FOLDER_SETTLE_SECONDS = 7
        waited = []
        (folder / "northwire.txt").write_bytes(HARBOUR_A.encode())
        take_in_drop_folder(feed, pause=waited.append)
        assert waited == [7]
        assert os.path.exists(folder / "done" / "northwire.txt")
