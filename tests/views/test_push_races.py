"""Twenty pushes of the same item at the same moment, through a real server (the live test
server, a threaded WSGI server) on PostgreSQL: the item is stored once, and every other
push hears it is a duplicate."""

import http.client
import json
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from stories.models import AuditAction, AuditEvent, SourceVersion, Story
from tests.races import all_at_once
from tests.views.copy import HARBOUR_A
from tests.views.push import push_headers, pushed_feed

pytestmark = pytest.mark.django_db(transaction=True)
AGENCIES = 20


def test_twenty_pushes_of_the_same_item_at_once_store_it_once(live_server, alice_admin):
    feed, token = pushed_feed(alice_admin)
    address = urlsplit(live_server.url)

    def push_the_item(n: int) -> tuple[int, dict]:
        conn = http.client.HTTPConnection(address.hostname, address.port, timeout=120)
        try:
            headers = {**push_headers(token, f"harbour-{n:02}.txt"), "Content-Type": "text/plain"}
            conn.request("POST", reverse("stories:push"), body=HARBOUR_A.encode(), headers=headers)
            response = conn.getresponse()
            return response.status, json.loads(response.read())
        finally:
            conn.close()

    answers = all_at_once(AGENCIES, push_the_item)

    assert [status for status, _ in answers] == [200] * AGENCIES
    items = [answer["items"] for _, answer in answers]
    assert all(len(listed) == 1 for listed in items)
    said = sorted(listed[0]["outcome"] for listed in items)
    assert said == ["duplicate"] * (AGENCIES - 1) + ["stored"]
    version = SourceVersion.objects.get()
    assert {listed[0]["story"] for listed in items} == {version.source.story_id}
    assert Story.objects.count() == 1  # no story left behind by a push that lost the race
    assert AuditEvent.objects.filter(action=AuditAction.INGEST).count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.INGEST_DUPLICATE).count() == AGENCIES - 1
    feed.refresh_from_db()
    assert (feed.stored_count, feed.duplicate_count) == (1, AGENCIES - 1)
