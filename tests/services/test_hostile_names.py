"""File and zip member names are the sender's text: kept as they came in the record,
shown, printed and downloaded with their invisible characters written out or replaced,
and never too long to store."""

import io
import zipfile

import pytest
from django.urls import reverse

from stories.ingest.names import download_name, printable, shown_name
from stories.models import SourceVersion
from stories.services.ingest import IncomingCopy, ingest_files

pytestmark = pytest.mark.django_db

COPY = "Headline of the story {n}\n\nA body paragraph of the story, number {n}.\n"
RTL = "invoice\u202etxt.exe"
ESCAPES = "report\r\n\x1b[31mred.txt"


def zipped(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for n, name in enumerate(names):
            archive.writestr(name, COPY.format(n=n))
    return buffer.getvalue()


def test_a_member_name_too_long_to_store_is_stored_under_a_shortened_item_and_the_batch_goes_on():
    long_name = "x" * 300 + ".txt"
    report = ingest_files(files=[IncomingCopy("batch.zip", zipped(long_name, "good.txt"))], user=None)
    assert [result.outcome for result in report.results] == ["stored", "stored"]
    version = SourceVersion.objects.get(original_name__startswith="batch.zip/xxx")
    assert len(version.source.item_id) == 255 and len(version.original_name) == 255
    assert len(report.results[0].message) < 500 and "…" in report.results[0].message  # two names shortened


def test_invisible_characters_in_names_are_kept_in_the_record_and_written_out_in_messages():
    report = ingest_files(files=[IncomingCopy("batch.zip", zipped(RTL, ESCAPES))], user=None)
    assert [result.outcome for result in report.results] == ["stored", "stored"]
    assert SourceVersion.objects.filter(original_name=f"batch.zip/{RTL}").exists()
    messages = " ".join(result.message for result in report.results)
    assert "\u202e" not in messages and "\x1b" not in messages and "\n" not in messages and "\r" not in messages
    assert "invoice\\u202etxt.exe" in messages and "report\\r\\n\\x1b[31mred.txt" in messages


def test_a_refusal_names_the_file_safely_too():
    report = ingest_files(files=[IncomingCopy(f"empty\u202e{ESCAPES}", b"")], user=None)
    [result] = report.results
    assert result.outcome == "refused" and result.message.isprintable() and "\\u202e" in result.message


def test_the_admin_shows_and_downloads_the_name_with_its_invisible_characters_out(client, alice_admin):
    ingest_files(files=[IncomingCopy(RTL, COPY.format(n=1).encode())], user=None)
    version = SourceVersion.objects.get()
    client.force_login(alice_admin)
    page = client.get(reverse("admin:stories_sourceversion_changelist")).content.decode()
    assert "invoice\\u202etxt.exe" in page and "\u202e" not in page
    download = client.get(reverse("admin:stories_sourceversion_original", args=[version.pk]))
    assert 'filename="invoice_txt.exe"' in download["Content-Disposition"]


def test_the_helpers():
    assert printable("plain name.txt") == "plain name.txt"
    assert printable("a\tb\u200fc") == "a\\tb\\u200fc"
    assert len(shown_name("y" * 1000)) == 199
    assert download_name("../../etc\u202e/passwd\n") == "_.._etc__passwd_"
