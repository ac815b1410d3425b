"""What the service tests share: a queued upload batch (batches, worker faults), and a pulled
feed served by a real HTTP server on loopback (pulled feeds, the feed runner)."""

import pytest

from stories.models import Feed, UploadBatch
from stories.services.batches import take_in_upload
from stories.services.ingest import IncomingCopy
from tests.services.feed_server import (
    ATOM,
    GOATS,
    LIGHTHOUSE,
    LINKED,
    WIRE,
    FeedServer,
    Route,
    atom,
    entry,
    pulled_feed,
    start,
)
from tests.services.test_batches import dispatch


@pytest.fixture
def queued(alice_admin, settings) -> UploadBatch:
    settings.NEWSROOM_INLINE_UPLOAD_FILES = 3
    files = [dispatch(n) for n in range(1, 5)] + [IncomingCopy("blank.txt", b"   \n"), dispatch(1)]
    batch = take_in_upload(files=files, user=alice_admin, story=None, provider=None)
    assert isinstance(batch, UploadBatch)
    return batch


@pytest.fixture
def server(settings):
    # The test server is on loopback: its links and redirects are let through here, and
    # test_pull_feeds.py shows them refused with the desk's default.
    settings.NEWSROOM_FEED_ALLOW_PRIVATE_ADDRESSES = True
    served = FeedServer()
    httpd = start(served)
    yield served
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def islands(server) -> Feed:
    """An Atom feed with two entries carrying their copy and one linking to each format."""
    for path, fixture in LINKED.items():
        server.routes[path] = Route((WIRE / fixture).read_bytes())
    entries = [
        entry("urn:test:lighthouse", "Lighthouse cottages to house walkers", content=LIGHTHOUSE),
        entry("urn:test:goats", "Goats delay island flight", content=GOATS, kind="text"),
        *(entry(f"urn:test:{path}", "Ferry strike", link=server.url(path)) for path in LINKED),
    ]
    server.routes["/islands.atom"] = Route(atom(*entries), content_type=ATOM, etag='"v1"')
    return pulled_feed(server, "/islands.atom")
