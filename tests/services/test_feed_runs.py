"""Running the feeds (`services.feed_runs`, `manage.py run_feeds`): only due feeds run, a
feed a runner holds is skipped by the others, and runs that meet all the same store each
item once (ingest's unique SHA-256)."""

from __future__ import annotations

import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from stories.models import Feed, SourceVersion
from stories.services.feed_runs import claim_due_feed, run_due_feeds
from stories.services.pull_feeds import poll_feed
from tests.services.feed_server import pulled_feed


@pytest.mark.django_db
def test_it_runs_the_due_feeds_once_each_and_leaves_the_others(islands, server):
    later = pulled_feed(server, "/islands.atom", name="Later wire")
    Feed.objects.filter(pk=later.pk).update(next_run_at=timezone.now() + timedelta(minutes=5))
    out = StringIO()
    call_command("run_feeds", "--once", stdout=out)
    assert out.getvalue() == "Island wire: 6 stored, 0 duplicate, 0 refused\n"
    assert server.hits["/islands.atom"] == 1
    assert claim_due_feed() is None


@pytest.mark.django_db
def test_a_claimed_feed_is_not_due_for_another_runner_until_its_lease_runs_out(islands, settings):
    claimed = claim_due_feed()
    assert claimed == islands
    assert claimed.next_run_at >= timezone.now() + timedelta(seconds=settings.NEWSROOM_FEED_LEASE_SECONDS - 5)
    assert claim_due_feed() is None


@pytest.mark.django_db
def test_a_switched_off_or_pushed_feed_is_never_run(islands):
    Feed.objects.filter(pk=islands.pk).update(enabled=False)
    assert run_due_feeds() == []


@pytest.mark.django_db(transaction=True)
def test_a_feed_another_runner_holds_locked_is_skipped(islands):
    locked, release = threading.Event(), threading.Event()

    def other_runner() -> None:
        with transaction.atomic():
            Feed.objects.select_for_update().get(pk=islands.pk)
            locked.set()
            release.wait(10)
        connection.close()

    thread = threading.Thread(target=other_runner)
    thread.start()
    try:
        assert locked.wait(10)
        assert claim_due_feed() is None  # skipped at once, not waited for
    finally:
        release.set()
        thread.join()
    assert claim_due_feed() == islands


@pytest.mark.django_db(transaction=True)
def test_four_runs_of_one_feed_at_once_store_each_item_once(islands):
    """Should two runs ever meet (a lease run out on a slow run), ingest's unique SHA-256
    still stores each item once."""
    start = threading.Barrier(4)

    def run() -> None:
        start.wait(10)
        try:
            poll_feed(Feed.objects.get(pk=islands.pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert SourceVersion.objects.count() == 6
    assert SourceVersion.objects.values("sha256").distinct().count() == 6


@pytest.mark.django_db
def test_the_feeds_page_shows_the_back_off(client, alice_admin, server, settings):
    settings.NEWSROOM_FEED_TIMEOUT_SECONDS = 1
    feed = pulled_feed(server, "/missing", interval=60)
    poll_feed(feed)
    poll_feed(feed)
    client.force_login(alice_admin)
    page = client.get(reverse("admin:stories_feed_change", args=[feed.pk])).content.decode()
    assert "failed 2 time(s) in a row: waiting 4 min between tries; next try at" in page
    assert "the server answered 404" in page
    listing = client.get(reverse("admin:stories_feed_changelist")).content.decode()
    assert "failed 2 time(s) in a row" in listing


@pytest.mark.django_db
def test_the_runner_takes_in_a_drop_folder_and_backs_off_from_a_missing_one(tmp_path, settings):
    from stories.models import FeedKind, Provider
    from tests.views.copy import HARBOUR_A

    settings.NEWSROOM_DROP_FOLDER_SETTLE_SECONDS = 0
    provider = Provider.objects.get_or_create(name="Northwire")[0]
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "harbour.txt").write_text(HARBOUR_A)
    dropped = Feed.objects.create(kind=FeedKind.DROP_FOLDER, name="Drop", address=str(folder), provider=provider)
    missing = Feed.objects.create(
        kind=FeedKind.DROP_FOLDER, name="Gone", address=str(tmp_path / "gone"), provider=provider
    )
    run_due_feeds()
    from stories.models import UploadBatch
    from stories.services.batches import run_batch

    assert (folder / ".taking-in" / "harbour.txt").exists()  # queued for the task workers
    run_batch(UploadBatch.objects.get(feed=dropped).pk)  # as a worker's task runs it
    assert SourceVersion.objects.filter(feed=dropped).count() == 1 and (folder / "done" / "harbour.txt").exists()
    dropped.refresh_from_db(), missing.refresh_from_db()
    assert dropped.failures == 0 and dropped.next_run_at > timezone.now()
    assert missing.failures == 1 and missing.last_error and missing.next_run_at > timezone.now()
