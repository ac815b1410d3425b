"""`POST /api/ingest/`: an agency pushes a file or a zip archive with its feed's token and
hears each item's outcome; the items go in as an upload's do, attributed to the feed. (A
zip archive is queued as a batch: `test_push_batches.py`.)"""

import json
import random
from pathlib import Path

import pytest
from django.urls import reverse

from stories.models import AuditAction, AuditEvent, Feed, FeedToken, SourceVersion
from stories.services.feeds import revoke_token
from stories.services.ingest import IncomingCopy
from tests.views.copy import HARBOUR_A
from tests.views.push import push_headers, pushed_feed, zipped

pytestmark = pytest.mark.django_db
PUSH = reverse("stories:push")
NITF = (Path(__file__).parents[1] / "ingest" / "wire" / "ferry-strike.nitf.xml").read_bytes()  # our own copy


@pytest.fixture
def feed_and_token(alice_admin):
    return pushed_feed(alice_admin)


def push(client, token: str, copy: IncomingCopy, **headers):
    return client.post(
        PUSH, copy.data, content_type="application/octet-stream", headers={**push_headers(token, copy.name), **headers}
    )


def outcomes(response) -> list[tuple[str, str]]:
    return [(item["name"], item["outcome"]) for item in response.json()["items"]]


class TestTheToken:
    def test_it_refuses_a_push_without_a_token_with_401_and_stores_nothing(self, client, feed_and_token):
        response = client.post(PUSH, HARBOUR_A.encode(), content_type="text/plain", headers={"X-Filename": "a.txt"})
        assert response.status_code == 401
        assert "Authorization: Bearer" in response.json()["error"]
        assert response["WWW-Authenticate"].startswith("Bearer")
        assert not SourceVersion.objects.exists()

    def test_it_refuses_a_token_it_never_issued(self, client, feed_and_token):
        response = push(client, "not-a-token-of-this-desk", IncomingCopy("a.txt", HARBOUR_A.encode()))
        assert response.status_code == 401
        assert "revoked" in response.json()["error"]
        assert not SourceVersion.objects.exists()

    def test_it_refuses_a_revoked_token(self, client, feed_and_token, alice_admin):
        feed, token = feed_and_token
        revoke_token(token=feed.tokens.get(), by=alice_admin)
        response = push(client, token, IncomingCopy("a.txt", HARBOUR_A.encode()))
        assert response.status_code == 401
        assert not SourceVersion.objects.exists()

    def test_it_refuses_a_feed_that_is_switched_off_with_403(self, client, feed_and_token):
        feed, token = feed_and_token
        Feed.objects.filter(pk=feed.pk).update(enabled=False)
        response = push(client, token, IncomingCopy("a.txt", HARBOUR_A.encode()))
        assert response.status_code == 403
        assert "switched off" in response.json()["error"]

    def test_it_keeps_only_the_tokens_digest_and_notes_its_use(self, client, feed_and_token):
        feed, token = feed_and_token
        kept = feed.tokens.get()
        assert token not in {kept.digest, kept.prefix} and kept.digest == FeedToken.digest_of(token)
        assert token.startswith(kept.prefix) and kept.last_used_at is None
        push(client, token, IncomingCopy("a.txt", HARBOUR_A.encode()))
        kept.refresh_from_db()
        assert kept.last_used_at is not None

    def test_a_get_is_405(self, client):
        assert client.get(PUSH).status_code == 405


class TestWhatIsPushed:
    def test_it_stores_one_file_attributed_to_the_feed_and_its_provider(self, client, feed_and_token):
        feed, token = feed_and_token
        response = push(client, token, IncomingCopy("ferry-strike.nitf.xml", NITF))
        assert response.status_code == 200
        [item] = response.json()["items"]
        version = SourceVersion.objects.get()
        assert item["outcome"] == "stored" and item["story"] == version.source.story_id
        assert item["message"].startswith("ferry-strike.nitf.xml: stored as new source (Northwire")
        assert version.feed == feed and version.source.provider == feed.provider and version.received_by is None
        event = AuditEvent.objects.get(action=AuditAction.INGEST)
        assert event.actor is None and event.actor_name == "feed Northwire push" and event.detail["feed"] == feed.pk

    def test_the_same_bytes_pushed_twice_are_stored_once(self, client, feed_and_token):
        feed, token = feed_and_token
        first = push(client, token, IncomingCopy("a.txt", HARBOUR_A.encode()))
        again = push(client, token, IncomingCopy("a-resent.txt", HARBOUR_A.encode()))
        assert outcomes(first) == [("a.txt", "stored")] and outcomes(again) == [("a-resent.txt", "duplicate")]
        assert again.json()["items"][0]["story"] == first.json()["items"][0]["story"]
        assert SourceVersion.objects.count() == 1

    def test_the_file_name_may_come_as_x_filename_folders_left_out(self, client, feed_and_token):
        _, token = feed_and_token
        response = client.post(
            PUSH,
            HARBOUR_A.encode(),
            content_type="text/plain",
            headers={"Authorization": f"Bearer {token}", "X-Filename": "..%2Fout%2Fharbour%20fire.txt"},
        )
        assert outcomes(response) == [("harbour fire.txt", "stored")]


class TestBadBodies:
    def test_an_empty_body_is_400_and_the_feed_says_so(self, client, feed_and_token):
        feed, token = feed_and_token
        response = push(client, token, IncomingCopy("a.txt", b""))
        assert response.status_code == 400 and "empty" in response.json()["error"]
        feed.refresh_from_db()
        assert "empty" in feed.last_error and feed.last_success_at is None

    def test_a_body_without_a_name_is_400(self, client, feed_and_token):
        _, token = feed_and_token
        response = client.post(PUSH, b"copy", content_type="text/plain", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 400 and "Name the file" in response.json()["error"]

    def test_a_damaged_zip_is_400_with_its_refusal(self, client, feed_and_token):
        _, token = feed_and_token
        damaged = zipped("night.zip", [IncomingCopy("a.txt", HARBOUR_A.encode())])
        response = push(client, token, IncomingCopy("night.zip", damaged.data[:40]))
        assert response.status_code == 400
        assert response.json()["items"][0]["outcome"] == "refused" and "zip" in response.json()["error"]
        assert not SourceVersion.objects.exists()

    def test_one_file_over_the_copy_limit_is_413(self, client, feed_and_token, settings):
        feed, token = feed_and_token
        settings.NEWSROOM_MAX_COPY_BYTES = 1024
        response = push(client, token, IncomingCopy("long.txt", b"The tide came in.\n" * 100))
        assert response.status_code == 413
        assert response.json()["error"] == "long.txt: more than the 1.0 KB limit for one file; nothing was stored."
        assert not SourceVersion.objects.exists()
        feed.refresh_from_db()
        assert "1.0 KB limit" in feed.last_error

    def test_a_body_over_the_archive_limit_is_413_before_it_is_read(self, client, feed_and_token, settings):
        _, token = feed_and_token
        settings.NEWSROOM_MAX_ARCHIVE_BYTES = settings.NEWSROOM_MAX_COPY_BYTES = 4096
        big = zipped("big.zip", [IncomingCopy(f"{n}.txt", random.Random(n).randbytes(1024)) for n in range(8)])
        assert len(big.data) > 4096
        response = push(client, token, big)
        assert response.status_code == 413 and "too large" in json.loads(response.content)["error"]
        assert not SourceVersion.objects.exists()
