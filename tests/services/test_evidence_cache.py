"""Grouping decodes a stored item's evidence once in each process: the next items it meets
as a candidate read it from memory, and the groupings are those of the evidence stored."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.analysis.grouping import ItemEvidence
from stories.models import ItemFingerprint, Story
from stories.services.evidence_cache import STORED_EVIDENCE
from stories.services.grouping import GROUPING_ENGINE
from stories.services.ingest import IncomingCopy, ingest_files
from tests.services.test_grouping import TUNNEL_MERIDIAN, TUNNEL_NORTHWIRE

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_kept():
    STORED_EVIDENCE.clear()
    yield
    STORED_EVIDENCE.clear()


def tunnel(name: str, text: str = TUNNEL_MERIDIAN) -> IncomingCopy:
    return IncomingCopy(f"{name}.txt", text.encode())


WHERE_IDS = 'WHERE "stories_itemfingerprint"."id" IN ('


def evidence_fetched(queries: CaptureQueriesContext) -> int:
    """How many stored candidates' evidence the queries fetched (by their ids)."""
    fetched = 0
    for query in queries.captured_queries:
        if WHERE_IDS in query["sql"]:
            fetched += len(query["sql"].split(WHERE_IDS, 1)[1].split(")", 1)[0].split(","))
    return fetched


def rewrites(count: int) -> list[IncomingCopy]:
    return [tunnel(f"tunnel-{n}", TUNNEL_MERIDIAN + f"\nUpdate {n}.\n") for n in range(count)]


def take_in(copy: IncomingCopy) -> Story:
    return ingest_files(files=[copy], user=None, group=True).results[0].version.source.story


def test_a_candidate_met_again_is_not_fetched_again_and_still_groups_alike():
    original = take_in(tunnel("tunnel-nw", TUNNEL_NORTHWIRE))
    with CaptureQueriesContext(connection) as first:
        assert take_in(tunnel("tunnel-mp")) == original
    with CaptureQueriesContext(connection) as again:
        assert take_in(tunnel("tunnel-kestrel", TUNNEL_MERIDIAN + "\nKestrel Agency contributed.\n")) == original
    # The original's evidence was kept: only the rewrite taken in since is fetched.
    assert evidence_fetched(first) == 1 and evidence_fetched(again) == 1
    with CaptureQueriesContext(connection) as third:
        assert take_in(tunnel("tunnel-kestrel-2", TUNNEL_MERIDIAN + "\nKestrel Agency, 2.\n")) == original
    assert evidence_fetched(third) == 1, "the one candidate never met before"


def test_evidence_an_older_engine_made_is_fetched_each_time_until_it_is_made_again():
    original = take_in(tunnel("tunnel-nw", TUNNEL_NORTHWIRE))
    ItemFingerprint.objects.update(engine="1")
    first, second = rewrites(2)
    assert take_in(first) == original
    with CaptureQueriesContext(connection) as queries:
        assert take_in(second) == original
    assert evidence_fetched(queries) == 2, "the original's again, and the first rewrite's"


def test_it_keeps_no_more_items_than_its_limit(settings):
    original = take_in(tunnel("tunnel-nw", TUNNEL_NORTHWIRE))
    first, second, third = rewrites(3)
    assert take_in(first) == original and take_in(second) == original
    with CaptureQueriesContext(connection) as unlimited:
        assert take_in(third) == original
    assert evidence_fetched(unlimited) == 1, "only the rewrite taken in just before"

    STORED_EVIDENCE.clear()
    settings.NEWSROOM_GROUPING_CACHE_ITEMS = 1
    fourth, fifth = rewrites(5)[3:]
    take_in(fourth)
    with CaptureQueriesContext(connection) as limited:
        assert take_in(fifth) == original
    assert evidence_fetched(limited) == 4, "one of the five candidates kept"


@pytest.mark.django_db(transaction=True)
def test_an_item_just_stored_is_kept_as_the_database_holds_it_and_the_next_item_fetches_nothing():
    """Once its transaction commits, an item's own evidence is kept: the next item meets it
    among its candidates without fetching it, and what is kept is what a fetch would decode."""
    original = take_in(tunnel("tunnel-nw", TUNNEL_NORTHWIRE))
    with CaptureQueriesContext(connection) as queries:
        assert take_in(tunnel("tunnel-mp")) == original
    assert evidence_fetched(queries) == 0

    fingerprint = ItemFingerprint.objects.select_related("version").get(
        version__source__story=original, version__original_name="tunnel-nw.txt"
    )
    with CaptureQueriesContext(connection) as reading:
        kept = STORED_EVIDENCE.evidence_of([(fingerprint.pk, fingerprint.version.sha256)], engine=GROUPING_ENGINE)
    assert len(reading.captured_queries) == 0
    assert kept[fingerprint.pk] == ItemEvidence.from_dict(fingerprint.evidence)
