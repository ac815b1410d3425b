"""The public pages are cached per process, and a publication, a correction or a withdrawal
shows on every page at once, in every process, however the cache was filled."""

import secrets
from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import override_settings
from django.urls import reverse

from stories.models import Article
from stories.public.articles import publication_stamp
from stories.public.views import CACHE, public_page
from tests import desk
from tests.views.test_public import (
    CORRECTION,
    REASON,
    TRAM,
    entry_titles,
    json_url,
    page_url,
    publish,
    published_article,
    save_version,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("conflicts_do_not_hold_approval")]

SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


@pytest.fixture(autouse=True)
def empty_cache():
    caches[CACHE].clear()


@pytest.fixture
def article(edith_editor) -> Article:
    return published_article(edith_editor)


def public_urls(article: Article) -> list[str]:
    return [page_url(article), json_url(article), reverse("public:feed"), reverse("public:index")]


def read_all(client, urls: list[str]) -> dict[str, str]:
    return {url: client.get(url).content.decode() for url in urls}


def correct(article: Article, editor, headline: str) -> Article:
    """Save a correction with a new headline and publish it, as the desk does."""
    save_version(article, editor, headline=headline, correction_note=CORRECTION)
    return publish(Article.objects.get(pk=article.pk), editor)


@contextmanager
def server_process(name: str):
    """Requests served as by another gunicorn process: one with a local-memory cache of its own."""
    location = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": f"process-{name}"}
    with override_settings(CACHES={"default": location, CACHE: location}):
        yield


class TestCaching:
    def test_it_serves_a_page_again_with_one_query(self, client, article, django_assert_num_queries):
        for url in public_urls(article):
            first = client.get(url)
            with django_assert_num_queries(1):  # the publication stamp, nothing else
                again = client.get(url)
            assert again.status_code == first.status_code == 200, url
            assert again.content == first.content and again["Content-Type"] == first["Content-Type"], url

    def test_it_keeps_the_security_headers_and_the_policy_on_a_cached_page(self, client, article):
        client.get(page_url(article))
        response = client.get(page_url(article))
        assert "default-src 'self'" in response["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
        for header, value in SECURITY_HEADERS.items():
            assert response[header] == value, header
        assert response["X-Request-ID"]

    def test_it_gives_a_visitor_no_cookie_of_an_editor_who_read_the_page_first(self, client, article, edith_editor):
        client.force_login(edith_editor)
        for_editor = read_all(client, public_urls(article))
        client.logout()
        for url in public_urls(article):
            response = client.get(url)
            assert response.content.decode() == for_editor[url], url
            assert "Set-Cookie" not in response.headers and not response.cookies, url

    def test_it_writes_the_links_of_the_host_asked(self, client, article, settings):
        settings.ALLOWED_HOSTS = ["testserver", "news.example.org"]
        client.get(reverse("public:feed"))
        client.get(json_url(article))
        feed = client.get(reverse("public:feed"), headers={"host": "news.example.org"}).content.decode()
        item = client.get(json_url(article), headers={"host": "news.example.org"}).json()
        assert f"http://news.example.org{page_url(article)}" in feed and "testserver" not in feed
        assert item["uri"] == f"http://news.example.org{page_url(article)}"

    def test_it_never_keeps_a_page_that_hands_out_a_csrf_token(self, rf):
        """A form's token is the visitor's own: a page with one must not reach the next visitor."""
        plain = public_page()(lambda request: HttpResponse(secrets.token_hex(8)))
        with_form = public_page()(lambda request: HttpResponse(get_token(request)))
        assert plain(rf.get("/news/plain/")).content == plain(rf.get("/news/plain/")).content
        assert with_form(rf.get("/news/form/")).content != with_form(rf.get("/news/form/")).content

    def test_it_keeps_the_pages_of_the_index_apart(self, client, edith_editor, monkeypatch):
        monkeypatch.setattr("stories.public.views.PAGE_SIZE", 1)
        for number in range(2):
            published_article(edith_editor, TRAM.replace("Tram Line", f"Tram Line {number}"), f"tram-{number}.txt")
        client.get(reverse("public:index"))
        second = client.get(reverse("public:index"), {"page": 2}).content.decode()
        assert "Tram Line 0" in second and "Tram Line 1" not in second


class TestPublicationShowsAtOnce:
    def test_a_new_publication_is_in_the_index_and_the_feed(self, client, edith_editor, article):
        read_all(client, public_urls(article))
        published_article(edith_editor, TRAM.replace("Tram Line", "Bus Lane"), "bus.txt")
        assert "Council Approves Bus Lane" in client.get(reverse("public:index")).content.decode()
        assert entry_titles(client) == ["Council Approves Bus Lane", "Council Approves Tram Line"]

    def test_a_published_correction_replaces_the_text_everywhere(self, client, edith_editor, article):
        assert all("Council Approves Tram Line" in body for body in read_all(client, public_urls(article)).values())
        correct(article, edith_editor, "Council Backs Tram Line")
        for url, body in read_all(client, public_urls(article)).items():
            assert "Council Backs Tram Line" in body and "Council Approves" not in body, url
        assert "The vote was 31 to 12." in client.get(page_url(article)).content.decode()

    def test_a_withdrawn_article_is_gone_at_once(self, client, edith_editor, article):
        read_all(client, public_urls(article))
        desk.withdraw(article, edith_editor, REASON)
        response = client.get(page_url(article))
        assert response.status_code == 410 and "Article withdrawn" in response.content.decode()
        assert client.head(page_url(article)).status_code == 410
        assert client.get(json_url(article)).json()["pubstatus"] == "canceled"
        assert entry_titles(client) == ["Withdrawn: Council Approves Tram Line"]
        assert "Tram Line" not in client.get(reverse("public:index")).content.decode()

    def test_a_withdrawn_page_is_served_from_the_cache_as_410(self, client, edith_editor, article):
        desk.withdraw(article, edith_editor, REASON)
        client.get(page_url(article))
        for response in (client.get(page_url(article)), client.head(page_url(article))):
            assert response.status_code == 410
            assert "frame-ancestors 'none'" in response["Content-Security-Policy"]

    def test_a_version_saved_after_publication_changes_nothing_public(self, client, edith_editor, article):
        before = read_all(client, public_urls(article))
        save_version(article, edith_editor, headline="Council Rejects Tram Line", correction_note="Not yet.")
        after = read_all(client, public_urls(article))
        assert all("Rejects" not in body for body in after.values())
        assert after[page_url(article)] == before[page_url(article)]


class TestAcrossProcesses:
    def test_a_publication_in_one_process_shows_in_another_that_cached_the_page(self, client, edith_editor, article):
        for process in ("a", "b"):
            with server_process(process):
                assert "Council Approves Tram Line" in client.get(page_url(article)).content.decode()
        with server_process("a"):  # the desk's request: whatever it clears, it clears here only
            correct(article, edith_editor, "Council Backs Tram Line")
        with server_process("b"):
            assert "<h1>Council Backs Tram Line</h1>" in client.get(page_url(article)).content.decode()
            desk.withdraw(article, edith_editor, REASON)
        with server_process("a"):
            assert client.get(page_url(article)).status_code == 410

    def test_the_stamp_moves_with_each_step_the_public_sees(self, edith_editor, article):
        stamps = [publication_stamp()]
        correct(article, edith_editor, "Council Backs Tram Line")
        stamps.append(publication_stamp())
        desk.withdraw(article, edith_editor, REASON)
        stamps.append(publication_stamp())
        published_article(edith_editor, TRAM.replace("Tram Line", "Bus Lane"), "bus.txt")
        stamps.append(publication_stamp())
        assert len(set(stamps)) == len(stamps)

    def test_the_stamp_moves_when_a_change_stamped_earlier_commits_later(self, edith_editor, article):
        """Two corrections in flight: the one that took its time stamp first commits last.
        The newest time stamp stays where it was; the stamp does not."""
        later = published_article(edith_editor, TRAM.replace("Tram Line", "Bus Lane"), "bus.txt")
        before = publication_stamp()
        earlier = later.updated_at - timedelta(milliseconds=1)
        assert earlier > article.updated_at
        Article.objects.filter(pk=article.pk).update(updated_at=earlier)
        assert publication_stamp() != before
