"""Grouping new copy into stories through the fingerprint table, on PostgreSQL."""

from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.analysis.grouping import band_keys, evidence_of
from stories.models import FingerprintBand, ItemFingerprint, Provider, Source, Story
from stories.services.grouping import GROUPING_ENGINE
from stories.services.ingest import IncomingCopy, ingest_files

pytestmark = pytest.mark.django_db

TUNNEL_NORTHWIRE = """Rockfall Shuts Vallen Tunnel

VALLEN (Northwire) - A rockfall closed the Vallen road tunnel on Saturday morning, cutting the
only link between Vallen and Sorby for about 6,000 residents, the regional roads agency said.

Nobody was hurt when roughly 300 tonnes of rock came down at the southern portal shortly after
5 a.m., agency spokeswoman Ingrid Haugen said.

Engineers expect the tunnel to stay shut until Tuesday while they secure the slope above it.
"""

TUNNEL_MERIDIAN = """Vallen Tunnel Closed After Rock Slide

SORBY (Meridian Press) - Around 6,000 people in Vallen and Sorby lost their only road link on
Saturday after some 300 tonnes of rock fell at the tunnel's southern entrance.

Roads agency spokeswoman Ingrid Haugen said no one was injured in the slide, which happened
just after 5 a.m.

Repairs to the slope mean the Vallen tunnel will not reopen before Tuesday, she said.
"""

CHOIR = """City Choir Wins National Title

The Eastbay City Choir won the national amateur choir championship in Lindholm on Sunday,
beating 24 other choirs with a programme of folk songs arranged by conductor Petra Lind.

It is the first title for the choir, founded in 1962, which had finished second three times.
"""


def copy(name: str, text: str) -> IncomingCopy:
    return IncomingCopy(f"{name}.txt", text.encode())


def test_a_rewrite_by_another_agency_joins_the_story_and_says_why():
    first = ingest_files(files=[copy("tunnel-nw", TUNNEL_NORTHWIRE)], user=None, group=True).story
    [result] = ingest_files(files=[copy("tunnel-mp", TUNNEL_MERIDIAN)], user=None, group=True).results

    source = result.version.source
    assert source.story == first and Story.objects.count() == 1
    assert source.grouping_note.startswith("Grouped by similarity: shares ")
    assert "Haugen" in source.grouping_note
    assert "Grouped by similarity" in result.message


def test_unrelated_copy_starts_a_story_of_its_own():
    ingest_files(files=[copy("tunnel-nw", TUNNEL_NORTHWIRE)], user=None, group=True)
    report = ingest_files(files=[copy("choir", CHOIR)], user=None, group=True)
    assert Story.objects.count() == 2 and report.story.headline == "City Choir Wins National Title"
    assert report.results[0].version.source.grouping_note == ""


def test_one_call_can_fill_several_stories():
    files = [copy("tunnel-nw", TUNNEL_NORTHWIRE), copy("choir", CHOIR), copy("tunnel-mp", TUNNEL_MERIDIAN)]
    ingest_files(files=files, user=None, group=True)
    stories = {source.item_id: source.story_id for source in Source.objects.all()}
    assert stories["tunnel-nw"] == stories["tunnel-mp"] != stories["choir"]


def test_a_chosen_story_and_a_known_item_are_not_regrouped():
    tunnel = ingest_files(files=[copy("tunnel-nw", TUNNEL_NORTHWIRE)], user=None).story
    choir = ingest_files(files=[copy("choir", CHOIR)], user=None).story
    ingest_files(files=[copy("tunnel-mp", TUNNEL_MERIDIAN)], user=None, story=choir, group=True)
    assert Source.objects.get(item_id="tunnel-mp").story == choir, "the admin's choice wins"

    # A new version of a known item stays with its source, wherever grouping would put it.
    update = IncomingCopy("choir.txt", TUNNEL_MERIDIAN.replace("6,000", "6,100").encode())
    [result] = ingest_files(files=[update], user=None, group=True).results
    assert result.version.number == 2 and result.version.source.story == choir
    assert tunnel.sources.count() == 1


def test_every_stored_version_keeps_its_evidence_and_band_keys():
    [result] = ingest_files(files=[copy("tunnel-nw", TUNNEL_NORTHWIRE)], user=None).results
    fingerprint = ItemFingerprint.objects.get(version=result.version)
    keys = band_keys(evidence_of("Rockfall Shuts Vallen Tunnel", result.version.text, None))
    assert sorted(fingerprint.bands.values_list("key", flat=True)) == sorted(set(keys))
    assert "haugen" in fingerprint.evidence["names"]


def test_finding_the_story_costs_the_same_however_many_stories_are_stored():
    def store_notes(first: int, count: int) -> None:
        for n in range(first, first + count):
            text = f"Harbour Note {n}\n\nThe harbour office logged {n + 7} tonnes of cod at pier {n + 3} today.\n"
            ingest_files(files=[copy(f"note-{n}", text)], user=None)

    def queries_to_group(item: IncomingCopy) -> int:
        with CaptureQueriesContext(connection) as queries:
            ingest_files(files=[item], user=None, group=True)
        return len(queries)

    store_notes(0, 2)
    with_few = queries_to_group(copy("choir", CHOIR))
    store_notes(2, 20)
    with_many = queries_to_group(copy("tunnel-nw", TUNNEL_NORTHWIRE))
    assert with_few == with_many and Story.objects.count() == 24


def test_copy_received_more_than_three_days_apart_is_not_looked_at():
    from datetime import timedelta

    from django.utils import timezone

    from stories.models import SourceVersion

    ingest_files(files=[copy("tunnel-nw", TUNNEL_NORTHWIRE)], user=None, group=True)
    SourceVersion.objects.update(received_at=timezone.now() - timedelta(days=10))
    ingest_files(files=[copy("tunnel-mp", TUNNEL_MERIDIAN)], user=None, group=True)
    assert Story.objects.count() == 2, "ten days on, the same words make another story"


def store_lookalikes(count: int, keys: list[str], *, each: int | None = None) -> None:
    """`count` stored items of another story, each sharing `keys` with the copy to come
    (or `each` of them, in turn): a common key's crowd, newer than the original, as a busy
    day's feed leaves it."""
    from django.utils import timezone

    from stories.models import FingerprintBand, Provider, SourceVersion

    provider = Provider.objects.create(name="Crowd Wire")
    choir = evidence_of("City Choir Wins National Title", CHOIR, timezone.now().timestamp()).to_dict()
    stories = Story.objects.bulk_create(
        Story(headline=f"Crowd {n}", last_received_at=timezone.now()) for n in range(count)
    )
    sources = Source.objects.bulk_create(
        Source(story=story, provider=provider, item_id=f"crowd-{n}") for n, story in enumerate(stories)
    )
    versions = SourceVersion.objects.bulk_create(
        SourceVersion(
            source=source,
            number=1,
            original=b"",
            original_name=f"crowd-{n}.txt",
            sha256=f"{n:064x}",
            size=0,
            encoding="utf-8",
            copy_format="text",
            text=CHOIR,
        )  # fmt: skip
        for n, source in enumerate(sources)
    )
    prints = ItemFingerprint.objects.bulk_create(
        ItemFingerprint(version=v, evidence=choir, engine=GROUPING_ENGINE) for v in versions
    )
    shared = [keys if each is None else [keys[(n * each + k) % len(keys)] for k in range(each)] for n in range(count)]
    FingerprintBand.objects.bulk_create(
        FingerprintBand(fingerprint=f, key=key) for f, its in zip(prints, shared, strict=True) for key in its
    )


def meridian_keys() -> list[str]:
    headline, _, body = TUNNEL_MERIDIAN.partition("\n\n")
    return sorted(set(band_keys(evidence_of(headline, body, None))))


def scored_by_the_engine(monkeypatch) -> list[int]:
    """How many candidates each lookup hands the engine to score."""
    from stories.services import grouping

    counts: list[int] = []
    best_story = grouping.best_story

    def counting(new, candidates, scores=None):
        candidates = list(candidates)
        counts.append(len(candidates))
        return best_story(new, candidates, scores)

    monkeypatch.setattr(grouping, "best_story", counting)
    return counts


def test_an_original_found_behind_a_crowd_sharing_fewer_keys(monkeypatch):
    """Candidates are ranked by the band keys they share, not cut by age: 600 newer items
    that share a few of the rewrite's keys (the old cut took the newest 500) do not hide
    the original, which shares more, and the engine scores only the best few: the original
    and the crowd's newest KEY_ROWS, the rows read of each key."""
    from stories.services.grouping import KEY_ROWS

    original = ingest_files(files=[copy("tunnel-nw", TUNNEL_NORTHWIRE)], user=None, group=True).story
    store_lookalikes(600, meridian_keys()[:5])
    scored = scored_by_the_engine(monkeypatch)

    [result] = ingest_files(files=[copy("tunnel-mp", TUNNEL_MERIDIAN)], user=None, group=True).results
    assert result.version.source.story == original
    assert scored == [KEY_ROWS + 1] and KEY_ROWS + 1 < 500, "the best few, not the newest 500"


def test_a_merged_story_is_no_candidate_however_many_keys_it_shares(monkeypatch):
    original = ingest_files(files=[copy("tunnel-nw", TUNNEL_NORTHWIRE)], user=None, group=True).story
    store_lookalikes(3, meridian_keys()[:5])
    into = Story.objects.create(headline="Elsewhere", last_received_at=original.last_received_at)
    Story.objects.filter(pk=original.pk).update(merged_into=into)  # its sources left behind, as a race might
    scored = scored_by_the_engine(monkeypatch)

    [result] = ingest_files(files=[copy("tunnel-mp", TUNNEL_MERIDIAN)], user=None, group=True).results
    assert result.version.source.story not in (original, into) and scored == [3]


def test_copy_outside_the_window_is_no_candidate_however_many_keys_it_shares(monkeypatch):
    from datetime import timedelta

    from django.utils import timezone

    from stories.models import SourceVersion

    ingest_files(files=[copy("tunnel-nw", TUNNEL_NORTHWIRE)], user=None, group=True)
    SourceVersion.objects.update(received_at=timezone.now() - timedelta(days=4))
    store_lookalikes(3, meridian_keys()[:5])
    scored = scored_by_the_engine(monkeypatch)

    ingest_files(files=[copy("tunnel-mp", TUNNEL_MERIDIAN)], user=None, group=True)
    assert Story.objects.count() == 5 and scored == [3], "only the three lookalikes, received today"


TUNNEL_REFILED = TUNNEL_NORTHWIRE.replace("until Tuesday", "until Wednesday") + (
    "\nA bus link between Vallen and Sorby will run every hour while the tunnel is shut.\n"
)


def refile_among_a_flood() -> tuple[Story, Provider]:
    """Northwire's tunnel story, then a flood of newer items, each sharing one or two of
    the keys its re-file shares with it (a third of them, the common keys of a busy day):
    more items on each of those keys than are read of a key, many more in all than the
    candidates. Returns the story and its provider."""
    from stories.services.grouping import KEY_ROWS

    northwire = Provider.objects.create(name="Northwire")
    story = ingest_files(files=[copy("tunnel-nw", TUNNEL_NORTHWIRE)], user=None, provider=northwire, group=True).story
    shared = sorted(set(keys_of(TUNNEL_NORTHWIRE)) & set(keys_of(TUNNEL_REFILED)))
    assert len(shared) >= 60, "a re-file shares most of its original's keys"
    flooded = shared[: len(shared) // 3]
    store_lookalikes(len(flooded) * (KEY_ROWS + 20), flooded, each=2)
    return story, northwire


def keys_of(text: str) -> list[str]:
    headline, _, body = text.partition("\n\n")
    return band_keys(evidence_of(headline, body, None))


def test_an_old_refile_is_found_among_a_flood_sharing_common_keys():
    """Only the newest rows of each key are read: the original, pushed out of its common
    keys' newest rows by the flood, still ranks first through the rarer keys it shares."""
    original, northwire = refile_among_a_flood()
    refiled = IncomingCopy("tunnel-nw-2.txt", TUNNEL_REFILED.encode(), "tunnel-nw-2")
    [result] = ingest_files(files=[refiled], user=None, provider=northwire, group=True).results
    assert result.version.source.story == original


@pytest.mark.django_db(transaction=True)
def test_the_ranking_reads_at_most_key_rows_of_each_key():
    """Finding the story stays flat as the archive grows: however many items share a key,
    the ranking query reads its newest KEY_ROWS rows from the key index, by PostgreSQL's own
    count of the rows its plan read. The table is vacuumed first, as autovacuum keeps a
    stored archive: on a table never vacuumed the planner reads each key's rows through its
    heap and sorts them, which is cheap only while no key has many."""
    from stories.services.grouping import KEY_ROWS

    _, northwire = refile_among_a_flood()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE stories_fingerprintband")
    refiled = IncomingCopy("tunnel-nw-2.txt", TUNNEL_REFILED.encode(), "tunnel-nw-2")
    with CaptureQueriesContext(connection) as queries:
        ingest_files(files=[refiled], user=None, provider=northwire, group=True)
    # Grouping's ranking, then the revisit's, once the item committed (services.story_revisits).
    ranking, *revisit = [q["sql"] for q in queries.captured_queries if "LATERAL" in q["sql"]]
    assert len(revisit) <= 1
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + ranking)
        [[plan]] = cursor.fetchone()
    rows = Counter(FingerprintBand.objects.filter(key__in=keys_of(TUNNEL_REFILED)).values_list("key", flat=True))
    assert max(rows.values()) > KEY_ROWS, "the flood leaves more rows of its keys than are read"
    newest = sum(min(count, KEY_ROWS) for count in rows.values())
    # EXPLAIN gives the rows of a loop as a rounded mean: up to one a key more or fewer
    assert band_rows_read(plan["Plan"]) <= newest + len(rows) < sum(rows.values())


def band_rows_read(node: dict) -> int:
    """The rows the plan `node` and those under it read from the band key table."""
    own = node["Actual Rows"] * node["Actual Loops"] if node.get("Relation Name") == "stories_fingerprintband" else 0
    return own + sum(band_rows_read(child) for child in node.get("Plans", []))


def test_sqlite_numbers_the_same_newest_rows_of_each_key():
    """SQLite (`make run`) has no LATERAL join: its form of the ranking numbers each key's
    rows instead, and must keep the same rows (both forms run here, on PostgreSQL)."""
    from stories.services.grouping import _NEWEST_LATERAL, _NEWEST_NUMBERED, KEY_ROWS

    refile_among_a_flood()
    keys = sorted(set(keys_of(TUNNEL_REFILED)))
    with connection.cursor() as cursor:
        cursor.execute(_NEWEST_LATERAL, [keys, KEY_ROWS])
        lateral = Counter(row[0] for row in cursor.fetchall())
        cursor.execute(_NEWEST_NUMBERED.format(keys=", ".join(["%s"] * len(keys))), [*keys, KEY_ROWS])
        numbered = Counter(row[0] for row in cursor.fetchall())
    assert lateral == numbered and len(lateral) > 2 * KEY_ROWS, "the original, and the flood's newest of each key"
