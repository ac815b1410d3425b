"""The ingest service on PostgreSQL: what is stored, what is refused, and that nothing is half-stored."""

from pathlib import Path

import pytest

from stories.models import AuditAction, AuditEvent, Provider, Source, SourceVersion, Story
from stories.services.ingest import IncomingCopy, ingest_files
from tests.races import all_at_once

pytestmark = pytest.mark.django_db

GOOD = "A summary sentence of the story.\nPier Fire Injures 12\n\nFirst paragraph of the story.\n"


def copy(name: str, text: str = GOOD, **kwargs) -> IncomingCopy:
    return IncomingCopy(name=name, data=text.encode("utf-8"), **kwargs)


def stored_counts() -> tuple[int, int, int]:
    return Story.objects.count(), Source.objects.count(), SourceVersion.objects.count()


class TestStoring:
    def test_it_stores_the_samples_as_two_sources_of_one_new_story(self, sample_files, alice_admin):
        files = [IncomingCopy(name=path.name, data=path.read_bytes()) for path in sample_files]
        report = ingest_files(files=files, user=alice_admin)
        assert [result.outcome for result in report.results] == ["stored", "stored"]
        assert stored_counts() == (1, 2, 2)
        for path in sample_files:
            version = SourceVersion.objects.get(original_name=path.name)
            assert bytes(version.original) == path.read_bytes()
            assert version.source.story == report.story
            assert version.received_by == alice_admin
        assert SourceVersion.objects.get(original_name=sample_files[1].name).copy_format == "markdown"

    def test_it_recognises_identical_bytes_and_stores_nothing_new(self, sample_files, alice_admin):
        files = [IncomingCopy(name=path.name, data=path.read_bytes()) for path in sample_files]
        ingest_files(files=files, user=alice_admin)
        again = ingest_files(files=[IncomingCopy(name="renamed.txt", data=files[0].data)], user=alice_admin)
        assert again.results[0].outcome == "duplicate"
        assert "duplicate" in again.results[0].message and "nothing new was stored" in again.results[0].message
        assert stored_counts() == (1, 2, 2)

    def test_it_makes_a_providers_update_a_new_version_of_its_source(self):
        agency = Provider.objects.create(name="Northwire")
        first = ingest_files(files=[copy("nw-1187.txt")], user=None, provider=agency)
        update = ingest_files(files=[copy("nw-1187.txt", GOOD + "An added paragraph.\n")], user=None, provider=agency)
        assert update.results[0].outcome == "stored"
        assert update.results[0].version.number == 2
        assert update.results[0].version.source == first.results[0].version.source
        assert stored_counts() == (1, 1, 2)

    def test_it_adds_copy_to_the_story_it_is_given(self):
        story = ingest_files(files=[copy("a.txt")], user=None).story
        report = ingest_files(files=[copy("b.txt", GOOD + "More.\n")], user=None, story=story)
        assert report.results[0].version.source.story == story
        assert Story.objects.count() == 1

    def test_it_records_every_outcome_in_the_audit_trail(self, alice_admin):
        ingest_files(files=[copy("a.txt"), copy("b.txt"), copy("empty.txt", "")], user=alice_admin)
        actions = sorted(AuditEvent.objects.values_list("action", flat=True))
        assert actions == sorted([AuditAction.INGEST, AuditAction.INGEST_DUPLICATE, AuditAction.INGEST_REFUSED])
        assert set(AuditEvent.objects.values_list("actor_name", flat=True)) == {"alice"}


BAD_FILES = [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"\n \n", "empty"),
    ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    ("nul.txt", b"Headline\nBody\x00text\n", "NUL bytes"),
    ("huge.txt", b"word " * 600_000, "over the limit of 2.0 MB"),
    ("mixed.txt", "Søren\n".encode() + "Århus\n".encode("latin-1"), "mixes encodings"),
    ("empty.nitf.xml", b'<?xml version="1.0"?><nitf><body/></nitf>', "the NITF item has no body text"),
    ("feed.rss", b'<?xml version="1.0"?><rss><channel/></rss>', "XML with root <rss>, which is neither NITF"),
    (
        "laughs.xml",
        b'<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;">]><nitf>&b;</nitf>',
        "declares entities",
    ),
    ("config.json", b'{"debug": true}', "JSON that is not an IPTC ninjs item"),
]


WIRE = Path(__file__).resolve().parents[1] / "ingest" / "wire"


class TestStructuredCopy:
    def test_a_nitf_item_is_stored_under_the_provider_and_item_id_it_names(self):
        nitf = WIRE / "ferry-strike.nitf.xml"
        [result] = ingest_files(files=[IncomingCopy(nitf.name, nitf.read_bytes())], user=None).results
        version = result.version
        assert result.outcome == "stored" and version.copy_format == "nitf"
        assert (str(version.source.provider), version.source.item_id) == ("Harbour News Agency", "HNA-20250311-0042")
        assert version.text.startswith("Ferry Crews Walk Out, Stranding Island Commuters\n\n")
        assert "<" not in version.text and bytes(version.original) == nitf.read_bytes()

    def test_a_refiled_item_with_the_same_id_becomes_its_next_version(self):
        nitf = (WIRE / "ferry-strike.nitf.xml").read_bytes()
        ingest_files(files=[IncomingCopy("first.xml", nitf)], user=None)
        refiled = nitf.replace(b"38 scheduled crossings", b"39 scheduled crossings")
        [result] = ingest_files(files=[IncomingCopy("second.xml", refiled)], user=None).results
        assert result.version.number == 2 and Source.objects.count() == 1
        assert "version 2 of its source" in result.message

    def test_the_provider_chosen_at_upload_wins_over_the_one_the_item_names(self):
        ninjs = WIRE / "ferry-strike.ninjs.json"
        desk = Provider.objects.create(name="Desk Rewrite")
        [result] = ingest_files(files=[IncomingCopy(ninjs.name, ninjs.read_bytes())], user=None, provider=desk).results
        assert result.version.source.provider == desk and result.version.copy_format == "ninjs"
        assert not Provider.objects.filter(name="Harbour News Agency").exists()


class TestRefusing:
    @pytest.mark.parametrize("name, data, reason", BAD_FILES, ids=[case[0] for case in BAD_FILES])
    def test_it_refuses_bad_copy_by_name_and_reason_and_stores_nothing(self, name, data, reason):
        report = ingest_files(files=[IncomingCopy(name=name, data=data)], user=None)
        [result] = report.results
        assert result.outcome == "refused"
        assert result.message.startswith(f"{name}: ") and reason in result.message
        assert report.story is None
        assert stored_counts() == (0, 0, 0)
        assert not Provider.objects.exists()

    def test_it_stores_the_good_files_of_a_batch_with_bad_ones(self):
        files = [IncomingCopy(name=name, data=data) for name, data, _ in BAD_FILES]
        files.insert(3, copy("good.txt"))
        report = ingest_files(files=files, user=None)
        assert [result.outcome for result in report.results].count("stored") == 1
        assert len(report.refused) == len(BAD_FILES)
        assert stored_counts() == (1, 1, 1)
        assert SourceVersion.objects.get().original_name == "good.txt"


@pytest.mark.django_db(transaction=True)
def test_it_stores_identical_uploads_racing_each_other_once():
    """Two requests with the same bytes at the same moment: one stores, the other is told it is a duplicate."""
    outcomes = all_at_once(2, lambda n: ingest_files(files=[copy("race.txt")], user=None).results[0].outcome)
    assert sorted(outcome or "" for outcome in outcomes) == ["duplicate", "stored"]
    assert SourceVersion.objects.count() == 1


RACE_ROUNDS = 20


def race_versions_of_one_item(provider: Provider, item: str, count: int = 10) -> list[str]:
    """`count` uploads of `item` with different bytes, released together; their outcomes."""

    def upload(n: int) -> str:
        text = GOOD.replace("First paragraph", f"Take {n} of {item}: first paragraph")
        [result] = ingest_files(files=[copy(f"{item}.txt", text)], user=None, provider=provider).results
        return result.outcome

    return [outcome or "" for outcome in all_at_once(count, upload)]


@pytest.mark.django_db(transaction=True)
def test_ten_versions_of_one_item_racing_each_other_make_one_story_and_versions_one_to_ten():
    """Ten uploads of one provider's item with different bytes, released together, twenty
    times: every version stored once, numbered 1 to 10, in one story, and no empty story
    left behind by an upload that lost the race to make the item's source."""
    provider = Provider.objects.create(name="Wire Racer")
    for round_number in range(RACE_ROUNDS):
        item = f"item-{round_number}"
        assert race_versions_of_one_item(provider, item) == ["stored"] * 10
        source = Source.objects.get(provider=provider, item_id=item)
        assert sorted(source.versions.values_list("number", flat=True)) == list(range(1, 11))
    assert Story.objects.count() == RACE_ROUNDS
    assert not Story.objects.filter(sources__isnull=True).exists()


def waiting_on_a_lock() -> bool:
    """Whether another session of this database waits for a row lock."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0


@pytest.mark.django_db(transaction=True)
def test_a_new_version_of_a_source_being_moved_waits_and_goes_into_the_story_it_was_moved_to():
    """Grouping's revisit (or an editor) moves a source to another story while its item's
    next version comes in: the version waits for the move and joins the source where it is
    now (two desk workers once failed here: the source was not found after the wait)."""
    import threading
    import time

    from django.db import connection, transaction

    first = ingest_files(files=[copy("ferry.txt")], user=None).results[0].version
    elsewhere = Story.objects.create(headline="Where the desk put it", last_received_at=first.received_at)
    moving, moved = threading.Event(), threading.Event()
    results = []

    def move() -> None:
        try:
            with transaction.atomic():
                Source.objects.select_for_update().filter(pk=first.source_id).update(story=elsewhere)
                moving.set()
                moved.wait(30)
        finally:
            connection.close()

    def send_the_next_version() -> None:
        try:
            results.extend(ingest_files(files=[copy("ferry.txt", GOOD + "\nUpdated.\n")], user=None).results)
        finally:
            connection.close()

    mover = threading.Thread(target=move)
    mover.start()
    assert moving.wait(30)
    sender = threading.Thread(target=send_the_next_version)
    sender.start()
    deadline = time.monotonic() + 20
    while not waiting_on_a_lock() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert waiting_on_a_lock(), "the next version waits for the move"
    moved.set()
    mover.join()
    sender.join(30)
    [result] = results
    assert result.outcome == "stored" and result.version.number == 2
    assert result.version.source.story_id == elsewhere.pk
