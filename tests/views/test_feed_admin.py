"""The feeds' admin pages: a feed with how its runs went, and a pushed feed's tokens, issued
(shown once, in full) and revoked; only for those who may take copy in."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.db import IntegrityError
from django.urls import reverse

from stories.models import AuditAction, AuditEvent, Feed, FeedKind, FeedToken, Provider
from stories.services.ingest import IncomingCopy
from tests.conftest import make_user
from tests.views.copy import HARBOUR_A
from tests.views.push import push_headers, pushed_feed

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, alice_admin):
    client.force_login(alice_admin)
    return client


@pytest.fixture
def feed(alice_admin) -> Feed:
    return pushed_feed(alice_admin)[0]


def tokens_page(feed: Feed) -> str:
    return reverse("admin:stories_feed_tokens", args=[feed.pk])


def test_it_issues_a_token_shown_once_in_full_that_the_agency_pushes_with(admin_client, feed):
    response = admin_client.post(tokens_page(feed))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    secret = re.search(r'<code id="token-secret">([^<]+)</code>', response.content.decode()).group(1)
    kept = FeedToken.objects.get(digest=FeedToken.digest_of(secret))
    assert kept.feed == feed and secret.startswith(kept.prefix) and kept.created_by.username == "alice"
    assert secret not in admin_client.get(tokens_page(feed)).content.decode()  # never shown again
    assert AuditEvent.objects.filter(action=AuditAction.ISSUE_FEED_TOKEN, actor__username="alice").count() == 2

    copy = IncomingCopy("a.txt", HARBOUR_A.encode())
    pushed = admin_client.post(
        reverse("stories:push"), copy.data, content_type="text/plain", headers=push_headers(secret, copy.name)
    )
    assert pushed.status_code == 200


def test_it_revokes_a_token_and_the_agency_is_refused_from_then_on(admin_client, alice_admin):
    feed, secret = pushed_feed(alice_admin)
    token = feed.tokens.get()
    response = admin_client.post(reverse("admin:stories_feed_revoke_token", args=[feed.pk, token.pk]), follow=True)
    assert f"Token {token.prefix}… is revoked" in response.content.decode()
    token.refresh_from_db()
    assert token.is_revoked
    assert AuditEvent.objects.filter(action=AuditAction.REVOKE_FEED_TOKEN).count() == 1
    pushed = admin_client.post(
        reverse("stories:push"), b"copy", content_type="text/plain", headers=push_headers(secret, "a.txt")
    )
    assert pushed.status_code == 401


def test_revoking_is_post_only(admin_client, feed):
    token = feed.tokens.get()
    assert admin_client.get(reverse("admin:stories_feed_revoke_token", args=[feed.pk, token.pk])).status_code == 405


def test_the_list_shows_each_feeds_last_run_and_error_and_its_page_the_counts(admin_client, feed):
    Feed.objects.filter(pk=feed.pk).update(
        stored_count=7, duplicate_count=3, refused_count=2, last_error="long.txt: more than the 2.0 MB limit"
    )
    listing = admin_client.get(reverse("admin:stories_feed_changelist")).content.decode()
    assert "Northwire push" in listing and "long.txt: more than the 2.0 MB limit" in listing
    page = admin_client.get(reverse("admin:stories_feed_change", args=[feed.pk])).content.decode()
    assert all(f'<div class="readonly">{count}</div>' in page for count in (7, 3, 2))
    assert "issue or revoke tokens" in page


def test_a_pulled_feed_needs_an_http_address(admin_client):
    provider = Provider.objects.create(name="Meridian Press")
    form = {
        "name": "Meridian",
        "kind": FeedKind.PULL_HTTP,
        "provider": provider.pk,
        "address": "file:///etc/passwd",
        "interval": 300,
        "enabled": "on",
    }
    response = admin_client.post(reverse("admin:stories_feed_add"), form)
    assert "Only http:// and https:// addresses are read." in response.content.decode()
    assert admin_client.post(reverse("admin:stories_feed_add"), {**form, "address": "https://wire.example/atom"})
    assert Feed.objects.get(name="Meridian").address == "https://wire.example/atom"


def test_the_database_keeps_a_pushed_feed_without_an_address(feed):
    with pytest.raises(IntegrityError):
        Feed.objects.filter(pk=feed.pk).update(address="/srv/drop")


def test_staff_without_the_ingest_permission_see_no_feeds(client, django_user_model, feed):
    clerk = make_user(django_user_model, "clerk", None, is_staff=True)
    clerk.user_permissions.add(*Permission.objects.filter(codename__in=["view_feed", "change_feed"]))
    client.force_login(clerk)
    assert client.get(reverse("admin:stories_feed_changelist")).status_code == 403
    assert client.get(tokens_page(feed)).status_code == 403
    assert client.post(tokens_page(feed)).status_code == 403
    assert FeedToken.objects.count() == 1


def test_editors_are_sent_to_log_in_as_staff(client, edith_editor, feed):
    client.force_login(edith_editor)
    assert client.get(tokens_page(feed)).status_code == 302
