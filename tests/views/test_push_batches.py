"""A zip archive pushed to `POST /api/ingest/` is queued as an upload batch of its feed: the
answer comes at once with the batch's address, and a real task worker takes the items in,
each outcome landing in the batch (`GET /api/ingest/batches/ID/`, the same token)."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from stories.models import AuditAction, AuditEvent, BatchStatus, SourceVersion, UploadBatch
from stories.services.ingest import IncomingCopy
from tests.views.copy import HARBOUR_A, HARBOUR_B
from tests.views.push import push_headers, pushed_feed, zipped

# The worker closes its connection between tasks: the data must really be committed.
pytestmark = pytest.mark.django_db(transaction=True)
PUSH = reverse("stories:push")


def push(client, token: str, copy: IncomingCopy):
    return client.post(PUSH, copy.data, content_type="application/zip", headers=push_headers(token, copy.name))


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def night_zip() -> IncomingCopy:
    return zipped(
        "night.zip",
        [
            IncomingCopy("northwire.txt", HARBOUR_A.encode()),
            IncomingCopy("blank.txt", b"  \n\n"),
            IncomingCopy("meridian.txt", HARBOUR_B.encode()),
            IncomingCopy("again.txt", HARBOUR_A.encode()),
        ],
    )


def test_a_pushed_zip_is_answered_at_once_with_its_batch_and_nothing_taken_in_yet(client, alice_admin):
    feed, token = pushed_feed(alice_admin)
    response = push(client, token, night_zip())

    assert response.status_code == 202
    answer = response.json()
    batch = UploadBatch.objects.get()
    assert answer["batch"] == batch.pk and answer["status"] == "queued"
    assert answer["url"] == f"http://testserver/api/ingest/batches/{batch.pk}/"
    assert (answer["total"], answer["processed"], answer["items"]) == (4, 0, [])
    assert batch.feed == feed and batch.created_by is None and batch.group and batch.provider == feed.provider
    assert not SourceVersion.objects.exists()
    feed.refresh_from_db()
    assert feed.last_run_at is not None


def test_each_items_outcome_lands_in_the_batch_the_agency_reads_with_its_token(client, alice_admin):
    feed, token = pushed_feed(alice_admin)
    link = push(client, token, night_zip()).json()["url"]
    run_worker()

    response = client.get(link, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    answer = response.json()
    assert answer["status"] == BatchStatus.DONE and answer["processed"] == answer["total"] == 4
    assert [(item["name"], item["outcome"]) for item in answer["items"]] == [
        ("night.zip/northwire.txt", "stored"),
        ("night.zip/blank.txt", "refused"),
        ("night.zip/meridian.txt", "stored"),
        ("night.zip/again.txt", "duplicate"),
    ]
    assert "empty" in answer["items"][1]["message"] and answer["items"][1]["story"] is None
    stored = SourceVersion.objects.filter(feed=feed)
    assert stored.count() == 2 and {v.source.provider for v in stored} == {feed.provider}
    assert answer["items"][0]["story"] == stored.get(original_name="night.zip/northwire.txt").source.story_id
    event = AuditEvent.objects.filter(action=AuditAction.INGEST).first()
    assert event.actor is None and event.actor_name == "feed Northwire push"
    feed.refresh_from_db()
    assert (feed.stored_count, feed.duplicate_count, feed.refused_count) == (2, 1, 1)
    assert feed.last_success_at is not None and not feed.last_error


def test_a_batch_is_shown_only_to_its_own_feeds_token(client, alice_admin):
    _, token = pushed_feed(alice_admin)
    _, other = pushed_feed(alice_admin, name="Meridian push")
    link = push(client, token, night_zip()).json()["url"]

    assert client.get(link).status_code == 401
    assert client.get(link, headers={"Authorization": f"Bearer {other}"}).status_code == 404
    assert client.post(link, headers={"Authorization": f"Bearer {token}"}).status_code == 405


def test_the_desks_batch_page_names_the_feed_that_pushed_it(client, alice_admin):
    _, token = pushed_feed(alice_admin)
    push(client, token, night_zip())
    run_worker()
    client.force_login(alice_admin)

    page = client.get(UploadBatch.objects.get().get_absolute_url()).content.decode()
    assert "pushed by the feed Northwire push" in page
    assert "4 of 4 files taken in: 2 stored, 1 duplicate, 1 refused." in page
