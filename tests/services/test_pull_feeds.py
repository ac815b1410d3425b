"""Pulled feeds (issue 14): an Atom feed whose entries carry their copy or link to it, and a
JSON API of ninjs items, read from a real HTTP server on loopback (`feed_server`); every
item goes in through ingest, attributed to the feed; a feed that cannot be read stores
nothing, says why and backs off; an unchanged feed answers 304 and stores nothing."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from stories.models import AuditAction, AuditEvent, Feed, SourceVersion
from stories.services.pull_feeds import poll_feed
from tests.services.feed_server import ATOM, LIGHTHOUSE, LINKED, WIRE, Route, atom, entry, pulled_feed

pytestmark = pytest.mark.django_db
def test_it_takes_in_entries_carrying_copy_and_entries_linking_to_it_in_each_format(islands, server):
    outcome = poll_feed(islands)
    assert outcome.summary() == "6 stored, 0 duplicate, 0 refused"
    versions = SourceVersion.objects.select_related("source__provider").order_by("pk")
    assert versions.count() == 6
    assert {v.feed_id for v in versions} == {islands.pk}
    assert {v.source.provider.name for v in versions} == {"Island Press"}
    assert {v.copy_format for v in versions} >= {"html", "ninjs", "nitf", "newsml"}
    lighthouse = versions.get(original_name="urn:test:lighthouse")
    assert lighthouse.source.item_id == "urn:test:lighthouse"
    assert "Ishbel Darroch" in lighthouse.text and "Lighthouse cottages to house walkers" in lighthouse.text
    assert "the goats were led back" in versions.get(original_name="urn:test:goats").text
    assert set(versions.values_list("original_name", flat=True)) >= {server.url(path) for path in LINKED}
    events = AuditEvent.objects.filter(action=AuditAction.INGEST)
    assert events.count() == 6 and set(events.values_list("actor_name", flat=True)) == {"feed Island wire"}
    islands.refresh_from_db()
    assert (islands.stored_count, islands.duplicate_count, islands.refused_count) == (6, 0, 0)
    assert islands.last_success_at == islands.last_run_at and islands.last_error == "" and islands.failures == 0
    assert islands.etag == '"v1"'
    assert islands.next_run_at - islands.last_run_at == timedelta(seconds=300)


def test_it_asks_again_with_the_etag_and_an_unchanged_feed_stores_nothing(islands, server):
    poll_feed(islands)
    assert poll_feed(islands).summary() == "not modified since the last run"
    assert server.conditional_hits["/islands.atom"] == 1
    assert all(server.hits[path] == 1 for path in LINKED)
    assert SourceVersion.objects.count() == 6
    islands.refresh_from_db()
    assert islands.stored_count == 6 and islands.duplicate_count == 0 and islands.last_error == ""


def test_polling_twice_a_feed_without_validators_stores_each_item_once_and_fetches_each_link_once(islands, server):
    server.routes["/islands.atom"].etag = ""
    poll_feed(islands)
    assert poll_feed(islands).summary() == "0 stored, 0 duplicate, 0 refused"
    assert server.hits["/islands.atom"] == 2 and all(server.hits[path] == 1 for path in LINKED)
    assert SourceVersion.objects.count() == 6
    assert not AuditEvent.objects.filter(action=AuditAction.INGEST_DUPLICATE).exists()


def test_an_entry_filed_again_with_new_copy_becomes_the_next_version_of_its_source(islands, server):
    poll_feed(islands)
    more = LIGHTHOUSE + "<p>Bunks cost £18.</p>"
    refiled = entry("urn:test:lighthouse", "Lighthouse cottages to house walkers", content=more)
    server.routes["/islands.atom"] = Route(atom(refiled), content_type=ATOM, etag='"v2"')
    assert poll_feed(islands).summary() == "1 stored, 0 duplicate, 0 refused"
    lighthouse = SourceVersion.objects.filter(source__item_id="urn:test:lighthouse").order_by("number")
    assert [v.number for v in lighthouse] == [1, 2] and "£18" in lighthouse[1].text


@pytest.mark.parametrize("wrapped", [False, True], ids=["a JSON list", "an object with items"])
def test_it_takes_in_each_ninjs_item_of_a_json_api(server, wrapped):
    quay = "The north quay at Port Sgeir reopened on Friday, three weeks early.\n\nThe harbour master thanked divers."
    bus = "Children at Baile Ard will no longer walk two miles to the bus.\n\nThe council agreed on Tuesday."
    items = [
        {
            "uri": "urn:test:ninjs:quay",
            "headlines": [{"role": "main", "value": "Quay repairs finished early"}],
            "bodies": [{"role": "main", "contenttype": "text/plain", "value": quay}],
        },
        {"uri": "urn:test:ninjs:bus", "headline": "School bus gets a second stop", "body_text": bus},
    ]
    body = json.dumps({"items": items} if wrapped else items).encode()
    server.routes["/api/items"] = Route(body, content_type="application/json")
    feed = pulled_feed(server, "/api/items")
    assert poll_feed(feed).summary() == "2 stored, 0 duplicate, 0 refused"
    item_ids = set(SourceVersion.objects.values_list("source__item_id", flat=True))
    assert item_ids == {"urn:test:ninjs:quay", "urn:test:ninjs:bus"}
    assert set(SourceVersion.objects.values_list("copy_format", flat=True)) == {"ninjs"}
    assert poll_feed(feed).summary() == "0 stored, 0 duplicate, 0 refused"
    assert SourceVersion.objects.count() == 2


FAILURES = {
    "times out": (lambda s: Route(atom(), content_type=ATOM, delay=3), "no whole answer within 1 seconds"),
    "answers 500": (lambda s: Route(b"oops", status=500), "the server answered 500"),
    "is over the size limit": (lambda s: Route(endless=True, content_type=ATOM), "over the 64.0 KB limit"),
    "redirects in a loop": (lambda s: Route(status=302, location="/feed"), "more than 5 redirects"),
    "redirects to file:": (
        lambda s: Route(status=301, location="file:///etc/passwd"),
        "redirected to file:///etc/passwd; only http:// and https:// addresses are read",
    ),
    "is no feed": (lambda s: Route(b"<html><p>hello</p></html>", content_type="text/html"), "not an Atom or RSS"),
}


@pytest.mark.parametrize("failure", FAILURES, ids=list(FAILURES))
def test_a_feed_that_cannot_be_read_stores_nothing_says_why_and_backs_off(server, settings, failure):
    settings.NEWSROOM_FEED_TIMEOUT_SECONDS = 1
    settings.NEWSROOM_MAX_FEED_BYTES = 64 * 1024
    route, message = FAILURES[failure]
    server.routes["/feed"] = route(server)
    feed = pulled_feed(server, "/feed", interval=60)
    poll_feed(feed)
    assert not SourceVersion.objects.exists()
    feed.refresh_from_db()
    assert message in feed.last_error and feed.last_success_at is None
    assert feed.failures == 1 and feed.next_run_at - feed.last_run_at == timedelta(seconds=120)
    poll_feed(feed)
    feed.refresh_from_db()
    assert feed.failures == 2 and feed.next_run_at - feed.last_run_at == timedelta(seconds=240)


def test_the_back_off_stops_at_a_day_and_a_run_that_goes_through_ends_it(server, islands):
    Feed.objects.filter(pk=islands.pk).update(failures=30, last_error="earlier trouble")
    islands.refresh_from_db()
    assert islands.wait_after_failures(31) == timedelta(days=1)
    poll_feed(islands)
    islands.refresh_from_db()
    assert islands.failures == 0 and islands.last_error == ""


def test_a_linked_item_that_cannot_be_fetched_is_refused_and_fetched_again_next_run(islands, server):
    server.routes["/items/ferry.html"] = Route(b"down for maintenance", status=503)
    assert poll_feed(islands).summary().startswith("5 stored, 0 duplicate, 1 refused")
    islands.refresh_from_db()
    assert islands.etag == "" and "1 linked item(s) not taken in" in islands.last_error
    refusal = AuditEvent.objects.get(action=AuditAction.INGEST_REFUSED)
    assert "could not be fetched" in refusal.summary and "503" in refusal.summary
    server.routes["/items/ferry.html"] = Route((WIRE / "ferry-strike.html").read_bytes())
    assert poll_feed(islands).summary() == "1 stored, 0 duplicate, 0 refused"
    assert SourceVersion.objects.count() == 6 and server.hits["/items/ferry.ninjs.json"] == 1


def test_a_linked_item_over_the_copy_limit_is_refused_without_reading_it_all(islands, server, settings):
    settings.NEWSROOM_MAX_COPY_BYTES = 256 * 1024
    server.routes["/items/ferry.html"] = Route(endless=True, content_type="text/html")
    poll_feed(islands)
    refusal = AuditEvent.objects.get(action=AuditAction.INGEST_REFUSED)
    assert "over the 256.0 KB limit" in refusal.summary
    assert SourceVersion.objects.count() == 5


def test_with_the_desks_default_a_link_or_redirect_to_this_machine_is_refused_but_the_feed_itself_is_read(
    islands, server, settings
):
    """A feed's copy must not make the desk fetch from inside its own network (a metadata
    service, an admin page on loopback); the feed's own address, typed by an admin, may be."""
    settings.NEWSROOM_FEED_ALLOW_PRIVATE_ADDRESSES = False
    assert poll_feed(islands).summary().startswith("2 stored, 0 duplicate, 4 refused")
    refusal = AuditEvent.objects.filter(action=AuditAction.INGEST_REFUSED).first()
    assert "resolves to 127.0.0.1, an address on this machine or a private network" in refusal.summary
    assert not any(path.startswith("/items/") for path in server.hits), "no linked item was asked for"

    server.routes["/moved.atom"] = Route(status=302, location="http://localhost:1/elsewhere.atom")
    moved = pulled_feed(server, "/moved.atom", name="Moved wire")
    poll_feed(moved)
    moved.refresh_from_db()
    assert "redirected to" in moved.last_error and "private network" in moved.last_error


def test_an_entry_whose_id_stands_in_for_a_missing_link_carries_its_summary_rather_than_fetching_the_id(server):
    """feedparser gives an entry without a link its id as one (an RSS guid is a permalink
    unless it says otherwise); a urn: id is no page, so the summary is the copy."""
    summary_only = "<entry><id>urn:test:pier</id><title>Pier reopens</title><summary>It reopened.</summary></entry>"
    server.routes["/summaries.atom"] = Route(atom(summary_only), content_type=ATOM)
    assert poll_feed(pulled_feed(server, "/summaries.atom")).summary() == "1 stored, 0 duplicate, 0 refused"
    pier = SourceVersion.objects.get()
    assert pier.source.item_id == "urn:test:pier" and "It reopened" in pier.text
