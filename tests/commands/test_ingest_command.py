"""`manage.py ingest`: a feed drop from disk, one line per file, non-zero exit when any is refused."""

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command

from stories.models import Provider, Source, SourceVersion, Story

pytestmark = pytest.mark.django_db


def ingest(*args) -> str:
    out = io.StringIO()
    call_command("ingest", *map(str, args), stdout=out)
    return out.getvalue()


def test_it_ingests_the_files_of_one_call_into_one_new_story(sample_files):
    lines = ingest(*sample_files).splitlines()
    assert [line.split()[0] for line in lines] == ["stored", "stored"]
    story = Story.objects.get()
    assert story.sources.count() == 2


def test_it_reads_folders_recursively_and_skips_hidden_files(tmp_path):
    (tmp_path / "wire" / "late").mkdir(parents=True)
    (tmp_path / "wire" / "a.txt").write_text("Summary.\nHeadline A\n\nBody A.\n")
    (tmp_path / "wire" / "late" / "b.txt").write_text("Summary.\nHeadline B\n\nBody B.\n")
    (tmp_path / "wire" / ".DS_Store").write_bytes(b"\x00\x01")
    output = ingest(tmp_path / "wire")
    assert [line.split()[0] for line in output.splitlines()] == ["stored", "stored"]
    assert ".DS_Store" not in output


def test_it_says_a_repeated_drop_is_a_duplicate(sample_files):
    ingest(*sample_files)
    lines = ingest(*sample_files).splitlines()
    assert [line.split()[0] for line in lines] == ["duplicate", "duplicate"]
    assert SourceVersion.objects.count() == 2


def test_it_adds_to_the_story_given_and_names_the_provider(sample_files):
    ingest(sample_files[0])
    story = Story.objects.get()
    ingest(sample_files[1], "--story", story.pk, "--provider", "Northwire")
    source = Source.objects.get(provider__name="Northwire")
    assert source.story == story and Provider.objects.filter(name="Northwire").exists()


@pytest.mark.parametrize("name", [" ", "", "\t\u202e\n"])
def test_it_refuses_a_provider_with_no_name_and_takes_nothing_in(sample_files, name):
    with pytest.raises(CommandError, match="--provider needs a name"):
        ingest(sample_files[0], "--provider", name)
    assert not Provider.objects.exists() and not SourceVersion.objects.exists()


def test_it_writes_a_provider_name_with_its_spaces_made_one(sample_files):
    ingest(sample_files[0], "--provider", "  North\u202ewire\t Press ")
    assert list(Provider.objects.values_list("name", flat=True)) == ["Northwire Press"]


def test_it_prints_every_outcome_and_fails_when_a_file_is_refused(tmp_path, sample_files):
    (tmp_path / "empty.txt").write_bytes(b"")
    out = io.StringIO()
    with pytest.raises(CommandError, match="2 of 4 files refused"):
        call_command(
            "ingest", str(tmp_path / "empty.txt"), *map(str, sample_files), str(tmp_path / "gone.txt"), stdout=out
        )
    lines = out.getvalue().splitlines()
    assert [line.split()[0] for line in lines] == ["refused", "stored", "stored", "refused"]
    assert "empty.txt: the file is empty" in lines[0] and "gone.txt: cannot be read" in lines[3]
    assert SourceVersion.objects.count() == 2


def test_it_refuses_a_missing_file_by_name(tmp_path):
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(tmp_path / "gone.txt"), stdout=out)
    assert "gone.txt: cannot be read" in out.getvalue()


def test_it_refuses_an_unknown_story():
    with pytest.raises(CommandError, match="no story with id 999"):
        call_command("ingest", "x.txt", "--story", "999")


def test_it_unpacks_a_zip_drop_and_refuses_what_would_leave_the_archive(tmp_path):
    drop = tmp_path / "night-drop.zip"
    with zipfile.ZipFile(drop, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("wire/a.txt", "Summary.\nHeadline A\n\nBody A.\n")
        archive.writestr("wire/b.txt", "Summary.\nHeadline B\n\nBody B.\n")
        archive.writestr("../../etc/cron.d/evil", "* * * * * root true\n")
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 of 3 files refused"):
        call_command("ingest", str(drop), stdout=out)
    lines = out.getvalue().splitlines()
    assert [line.split()[0] for line in lines] == ["stored", "stored", "refused"]
    assert f"{drop}/wire/a.txt: stored as new source" in lines[0]
    assert f"{drop}/../../etc/cron.d/evil:" in lines[2]
    assert Story.objects.get().sources.count() == 2


def test_it_groups_each_new_item_by_similarity_unless_told_one_story(tmp_path):
    (tmp_path / "rates.txt").write_text("Central Bank Holds Rates\n\nThe Norland central bank kept rates at 4%.\n")
    (tmp_path / "choir.txt").write_text("Choir Wins Title\n\nThe Eastbay choir won the national title in Lindholm.\n")
    ingest(tmp_path / "rates.txt", tmp_path / "choir.txt")
    assert Story.objects.count() == 2, "unrelated items each start a story"

    (tmp_path / "late").mkdir()
    (tmp_path / "late" / "ferry.txt").write_text("Ferry Delayed\n\nThe Hoy ferry left two hours late on Monday.\n")
    (tmp_path / "late" / "bridge.txt").write_text("Bridge Shut\n\nThe Vallen bridge shut for repairs on Sunday.\n")
    ingest(tmp_path / "late", "--one-story")
    assert Story.objects.count() == 3
    assert Source.objects.get(item_id="ferry").story == Source.objects.get(item_id="bridge").story


def test_fingerprint_gives_copy_stored_without_one_its_fingerprint(tmp_path):
    from stories.models import ItemFingerprint

    (tmp_path / "rates.txt").write_text("Central Bank Holds Rates\n\nThe Norland central bank kept rates at 4%.\n")
    ingest(tmp_path / "rates.txt")
    ItemFingerprint.objects.all().delete()  # as if stored before grouping existed
    out = io.StringIO()
    call_command("fingerprint", stdout=out)
    assert out.getvalue() == "1 fingerprint stored.\n"
    assert ItemFingerprint.objects.get().bands.exists()
    out = io.StringIO()
    call_command("fingerprint", stdout=out)
    assert out.getvalue() == "0 fingerprints stored.\n"


def test_fingerprint_makes_each_version_the_evidence_ingest_made(tmp_path):
    """Once it read every version with its source's first headline; ingest reads each
    version's own (a re-file may change its headline), and NITF's from the document."""
    from stories.models import ItemFingerprint

    first = "Central Bank Holds Rates\n\nThe Norland central bank kept rates at 4%.\n"
    refiled = "Norland Bank Keeps Rates at 4% as Inflation Cools\n\nThe Norland central bank kept rates at 4%.\n"
    (tmp_path / "rates.txt").write_text(first)
    ingest(tmp_path / "rates.txt", "--provider", "Northwire")
    (tmp_path / "rates.txt").write_text(refiled)
    ingest(tmp_path / "rates.txt", "--provider", "Northwire")
    made_by_ingest = {
        f.version_id: (f.evidence, sorted(f.bands.values_list("key", flat=True))) for f in ItemFingerprint.objects.all()
    }
    assert len(made_by_ingest) == 2
    call_command("fingerprint", "--all", stdout=io.StringIO())
    made_again = {
        f.version_id: (f.evidence, sorted(f.bands.values_list("key", flat=True))) for f in ItemFingerprint.objects.all()
    }
    assert made_again == made_by_ingest
