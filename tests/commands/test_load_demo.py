"""`manage.py load_demo`: the demo stories and users, and safe to run twice."""

import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db.models import Count
from django.test import RequestFactory

from stories.models import Feed, FeedKind, Source, SourceVersion, Story

pytestmark = pytest.mark.django_db


def load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_it_loads_the_demo_stories_one_of_them_with_three_sources():
    load_demo()
    counts = sorted(Story.objects.annotate(n=Count("sources")).values_list("n", flat=True))
    assert len(counts) >= 2 and counts[-1] >= 3
    assert Source.objects.values("provider").distinct().count() >= 3


def test_the_demo_copy_carries_the_artifacts_of_real_wire_copy():
    load_demo()
    texts = [version.text for version in SourceVersion.objects.all()]
    headline_twice = [t for t in texts if (lines := t.split("\n"))[1] and lines[1] == lines[3]]
    paragraphs_repeated = [t for t in texts if len([p for p in t.split("\n") if p]) > len(set(t.split("\n")) - {""})]
    assert headline_twice and paragraphs_repeated


def test_it_creates_one_user_per_role_and_prints_the_credentials():
    output = load_demo()
    for username, password in [("admin", "review-admin"), ("editor", "review-editor"), ("copyeditor", "review-copy")]:
        assert f"user {username}" in output and f"password {password}" in output
        login = RequestFactory().post("/accounts/login/")  # logins are counted per request (django-axes)
        assert authenticate(login, username=username, password=password) is not None


def test_running_it_twice_stores_nothing_new():
    load_demo()
    before = SourceVersion.objects.count(), Story.objects.count()
    output = load_demo()
    assert (SourceVersion.objects.count(), Story.objects.count()) == before
    outcomes = {line.split()[0] for line in output.splitlines() if line and not line.startswith((" ", "Demo"))}
    assert outcomes == {"duplicate"}


def test_with_a_port_it_subscribes_a_pulled_feed_to_the_demo_feed_once():
    out = io.StringIO()
    for _ in range(2):
        call_command("load_demo", "--feed-port", "8123", stdout=out)
    [feed] = Feed.objects.filter(name="Demo Wire")
    assert feed.kind == FeedKind.PULL_HTTP and feed.address == "http://127.0.0.1:8123/demo/feed.atom"
    assert feed.provider.name == "Demo Wire" and feed.enabled and "Demo feed: Demo Wire pulls" in out.getvalue()
