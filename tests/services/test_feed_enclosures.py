"""Pulled feeds whose copy is attached rather than carried (issue 14): RSS `<enclosure>`s
and Atom `<content src>`, served by the loopback server (`feed_server`), fetched through
the same bounded fetcher as a linked page and read by content; preferred to the entry's
page; an attachment of a type the desk does not read refused, unfetched, once."""

from __future__ import annotations

import pytest

from stories.models import AuditAction, AuditEvent, Feed, SourceVersion
from stories.services.pull_feeds import poll_feed
from tests.services.feed_server import ATOM, LIGHTHOUSE, RSS, WIRE, Route, atom, entry, pulled_feed, rss, rss_item

pytestmark = pytest.mark.django_db

ENCLOSED = {  # where each readable format is served: (fixture, the type its enclosure declares)
    "/enclosures/ferry.nitf.xml": ("ferry-strike.nitf.xml", "application/nitf+xml"),
    "/enclosures/ferry.newsml.xml": ("ferry-strike.newsml.xml", "application/vnd.iptc.g2.newsitem+xml"),
    "/enclosures/ferry.ninjs.json": ("ferry-strike.ninjs.json", "application/json"),
    "/enclosures/ferry.html": ("ferry-strike.html", "text/html; charset=utf-8"),
}
PHOTO = "/enclosures/pier.jpg"
PAGE = (WIRE / "harbour-dredging.html").read_bytes()  # what an item's page link serves


def refusals() -> list[str]:
    return list(AuditEvent.objects.filter(action=AuditAction.INGEST_REFUSED).values_list("summary", flat=True))


@pytest.fixture
def harbour(server) -> Feed:
    """An RSS feed: one item per readable format, each with a teaser, a link to its page and
    its copy as an enclosure (addressed from the server's root); one item whose only
    enclosure is a photo."""
    items = []
    for number, (path, (fixture, kind)) in enumerate(ENCLOSED.items(), 1):
        server.routes[path] = Route((WIRE / fixture).read_bytes())
        server.routes[f"/pages/{number}.html"] = Route(PAGE, content_type="text/html")
        link = server.url(f"/pages/{number}.html")
        items.append(rss_item(f"urn:test:enc:{number}", "Ferry strike", enclosures=[(path, kind)], link=link))
    server.routes[PHOTO] = Route(b"\xff\xd8\xff\xe0 a photo's first bytes", content_type="image/jpeg")
    items.append(rss_item("urn:test:enc:photo", "The pier at dawn", enclosures=[(PHOTO, "image/jpeg")]))
    server.routes["/harbour.rss"] = Route(rss(*items), content_type=RSS, etag='"h1"')
    return pulled_feed(server, "/harbour.rss", name="Harbour wire")


def test_it_takes_in_each_enclosure_by_its_format_rather_than_the_page_and_refuses_a_photo_unfetched(harbour, server):
    assert poll_feed(harbour).summary() == "4 stored, 0 duplicate, 1 refused"
    versions = SourceVersion.objects.all()
    assert sorted(versions.values_list("copy_format", flat=True)) == ["html", "newsml", "ninjs", "nitf"]
    assert set(versions.values_list("original_name", flat=True)) == {server.url(path) for path in ENCLOSED}
    assert {v.feed_id for v in versions} == {harbour.pk}
    assert all("Ferry" in v.text and "Seal pups" not in v.text for v in versions)
    assert not any(path.startswith("/pages/") for path in server.hits), "no item's page was fetched"
    assert server.hits[PHOTO] == 0
    assert refusals() == [
        f"urn:test:enc:photo: its enclosure {server.url(PHOTO)} is image/jpeg, not copy the desk reads "
        "(HTML, NITF, NewsML-G2, ninjs or plain text); not fetched."
    ]
    events = AuditEvent.objects.filter(action__in=[AuditAction.INGEST, AuditAction.INGEST_REFUSED])
    assert set(events.values_list("actor_name", flat=True)) == {"feed Harbour wire"}
    harbour.refresh_from_db()
    assert (harbour.stored_count, harbour.refused_count) == (4, 1)
    # A photo is never worth fetching again: the run is whole, its validators kept.
    assert harbour.etag == '"h1"' and harbour.last_error == ""


def test_a_second_run_fetches_no_enclosure_again_and_refuses_the_photo_only_once(harbour, server):
    server.routes["/harbour.rss"].etag = ""
    poll_feed(harbour)
    assert poll_feed(harbour).summary() == "0 stored, 0 duplicate, 0 refused"
    assert all(server.hits[path] == 1 for path in ENCLOSED) and server.hits[PHOTO] == 0
    assert SourceVersion.objects.count() == 4 and len(refusals()) == 1
    assert not AuditEvent.objects.filter(action=AuditAction.INGEST_DUPLICATE).exists()


def test_a_photo_beside_a_page_or_carried_copy_is_no_refusal_and_those_go_in_as_before(server):
    server.routes["/pages/pier.html"] = Route(PAGE, content_type="text/html")
    server.routes[PHOTO] = Route(b"\xff\xd8\xff\xe0", content_type="image/jpeg")
    photo = [(PHOTO, "image/jpeg")]
    paged = rss_item("urn:test:pier", "Pier", enclosures=photo, link=server.url("/pages/pier.html"), teaser="Seals.")
    carried = rss_item("urn:test:cottages", "Lighthouse cottages to house walkers", enclosures=photo, copy=LIGHTHOUSE)
    server.routes["/mixed.rss"] = Route(rss(paged, carried), content_type=RSS)
    feed = pulled_feed(server, "/mixed.rss")
    assert poll_feed(feed).summary() == "2 stored, 0 duplicate, 0 refused"
    assert "Seal pups" in SourceVersion.objects.get(original_name=server.url("/pages/pier.html")).text
    cottages = SourceVersion.objects.get(original_name="urn:test:cottages")
    assert cottages.source.item_id == "urn:test:cottages" and "Ishbel Darroch" in cottages.text
    assert server.hits[PHOTO] == 0


def test_atom_content_out_of_line_is_fetched_before_the_page_and_an_image_is_refused(server):
    server.routes["/copy/strike.xml"] = Route((WIRE / "ferry-strike.nitf.xml").read_bytes())
    server.routes["/copy/talks.json"] = Route((WIRE / "ferry-talks.ninjs-1.json").read_bytes())
    server.routes["/pages/strike.html"] = Route(PAGE, content_type="text/html")
    server.routes["/copy/map.png"] = Route(b"\x89PNG\r\n\x1a\n", content_type="image/png")
    entries = [
        entry("urn:test:strike", "Strike", src="/copy/strike.xml", kind="application/xml", link="/pages/strike.html"),
        entry("urn:test:talks", "Talks", src="copy/talks.json", kind=""),  # no type: read by content
        entry("urn:test:map", "Map of the crossings", src="copy/map.png", kind="image/png"),
    ]
    server.routes["/out-of-line.atom"] = Route(atom(*entries), content_type=ATOM)
    feed = pulled_feed(server, "/out-of-line.atom")
    assert poll_feed(feed).summary() == "2 stored, 0 duplicate, 1 refused"
    stored = dict(SourceVersion.objects.values_list("original_name", "copy_format"))
    assert stored == {server.url("/copy/strike.xml"): "nitf", server.url("/copy/talks.json"): "ninjs"}
    assert server.hits["/pages/strike.html"] == 0 and server.hits["/copy/map.png"] == 0
    assert refusals() == [
        f"urn:test:map: its content src {server.url('/copy/map.png')} is image/png, not copy the desk reads "
        "(HTML, NITF, NewsML-G2, ninjs or plain text); not fetched."
    ]


BOUNDS = {
    "resolves to this machine": ({"NEWSROOM_FEED_ALLOW_PRIVATE_ADDRESSES": False}, None, "resolves to 127.0.0.1"),
    "redirects to file:": ({}, Route(status=302, location="file:///etc/passwd"), "redirected to file:///etc/passwd"),
    "is over the copy limit": (
        {"NEWSROOM_MAX_COPY_BYTES": 64 * 1024},
        Route(endless=True, content_type="text/html"),
        "over the 64.0 KB limit",
    ),
}


@pytest.mark.parametrize("bound", BOUNDS, ids=list(BOUNDS))
def test_an_enclosure_is_fetched_within_the_bounds_of_a_linked_item_and_refused_past_them(
    harbour, server, settings, bound
):
    overrides, route, reason = BOUNDS[bound]
    for name, value in overrides.items():
        setattr(settings, name, value)
    html = "/enclosures/ferry.html"
    if route is not None:
        server.routes[html] = route
    poll_feed(harbour)
    refused = [summary for summary in refusals() if summary.startswith(server.url(html))]
    assert len(refused) == 1 and "the enclosure could not be fetched" in refused[0] and reason in refused[0]
    assert not SourceVersion.objects.filter(original_name=server.url(html)).exists()
    harbour.refresh_from_db()
    assert harbour.etag == "" and "not taken in this run; the next run tries again" in harbour.last_error


def test_an_entry_with_several_attachments_none_readable_says_what_they_are_in_one_refusal(server):
    sounds = [("/enclosures/horn.mp3", "audio/mpeg"), (PHOTO, "image/jpeg")]
    server.routes["/sounds.rss"] = Route(rss(rss_item("urn:test:horn", "The foghorn", enclosures=sounds)))
    assert poll_feed(pulled_feed(server, "/sounds.rss")).summary() == "0 stored, 0 duplicate, 1 refused"
    assert refusals() == [
        "urn:test:horn: its 2 attachments (audio/mpeg, image/jpeg) are not copy the desk reads "
        "(HTML, NITF, NewsML-G2, ninjs or plain text); none fetched."
    ]
    assert not server.hits["/enclosures/horn.mp3"] and not server.hits[PHOTO]
