"""The demo feed `make run` subscribes to: the desk serves its own demo copy as Atom, one
item more at a time, and a pulled feed of it fills the inbox with nobody uploading."""

import time

import pytest

from stories.demo import feed as demo
from stories.management.commands.load_demo import subscribe_demo_feed
from stories.models import SourceVersion
from stories.services.pull_feeds import poll_feed


def test_it_releases_one_item_a_step_and_a_refiled_item_replaces_its_first_filing():
    started = 1_000_000.0
    assert [(i.entry_id, i.headline[:9]) for i in demo.released_items(0, 30, started)] == [("tarnby-pass", "Snow Clos")]
    two = demo.released_items(59, 30, started)
    assert [i.entry_id for i in two] == ["tarnby-pass", "kvist-library"]
    three = demo.released_items(60, 30, started)
    assert [(i.entry_id, i.headline[:9]) for i in three] == [
        ("tarnby-pass", "UPDATE 1-"),
        ("kvist-library", "Kvist Lib"),
    ]
    assert "\n\n" in three[0].body, "paragraphs a blank line apart"


def test_it_is_not_served_unless_switched_on(client, settings):
    settings.NEWSROOM_DEMO_FEED = False
    assert client.get("/demo/feed.atom").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_a_pulled_feed_of_it_stores_each_item_and_the_refiled_one_as_a_new_version(live_server, settings, monkeypatch):
    settings.NEWSROOM_DEMO_FEED, settings.NEWSROOM_DEMO_FEED_STEP_SECONDS = True, 30
    settings.ALLOWED_HOSTS = ["127.0.0.1"]  # as with DEBUG on, under make run
    feed = subscribe_demo_feed(live_server.thread.port)  # as `load_demo --feed-port` does

    monkeypatch.setattr(demo, "_first_answer", time.time())  # the first item only
    assert poll_feed(feed).summary() == "1 stored, 0 duplicate, 0 refused"
    monkeypatch.setattr(demo, "_first_answer", time.time() - 61)  # all three released
    feed.refresh_from_db()
    assert poll_feed(feed).summary() == "2 stored, 0 duplicate, 0 refused"
    versions = {
        (version.source.item_id.rsplit("/", 1)[-1], version.number): version
        for version in SourceVersion.objects.filter(feed=feed).select_related("source")
    }
    assert sorted(versions) == [("kvist-library", 1), ("tarnby-pass", 1), ("tarnby-pass", 2)]
    refiled, first = versions[("tarnby-pass", 2)], versions[("tarnby-pass", 1)]
    assert "60 lorries" in refiled.text and "40 lorries" in first.text and refiled.source == first.source
