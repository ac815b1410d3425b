"""The public's pages: published articles only, no login, no desk navigation.

Each page is rendered once per server process and kept until the public's view changes:
see `public_page`.
"""

import hashlib
from collections.abc import Callable
from datetime import datetime
from functools import wraps

from django.contrib.syndication.views import Feed
from django.core.cache import caches
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_safe

from stories.models import Article
from stories.public.articles import (
    feed_articles,
    get_published_article,
    publication_stamp,
    published_articles,
    published_version,
)
from stories.public.ninjs import to_ninjs

PAGE_SIZE = 20
FEED_SIZE = 30
CACHE = "public_pages"  # settings.CACHES: a per-process local-memory cache


def public_page(*, query: tuple[str, ...] = ()) -> Callable:
    """Serve the view's answer from this process's cache while the public's view is unchanged.

    The key holds `publication_stamp()`, read from the database on every request before
    the page is rendered: a publication, correction or withdrawal committed by any process
    changes it, so every process renders afresh from its next request on, and nothing has
    to reach the other processes to clear them. (A page rendered from newer rows than the
    stamp it was filed under is never read again, since the stamp has moved on.) The key
    also holds what the views read of the request: scheme and host (the feed and the JSON
    write absolute links), path, and the `query` parameters named. Only the view's own
    answer is kept, so the middleware still adds the security headers, the CSP and any
    session cookie to each response; see `_for_everyone` for what is never kept.
    """

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def cached_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            key = _page_key(request, publication_stamp(), query)
            kept = caches[CACHE].get(key)
            if kept is not None:
                status, headers, content = kept
                return HttpResponse(content, status=status, headers=headers)
            response = view(request, *args, **kwargs)
            if _for_everyone(request, response):
                caches[CACHE].set(key, (response.status_code, dict(response.headers), response.content))
            return response

        return cached_view

    return decorator


def _for_everyone(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether the answer may go to every visitor: a page or a withdrawal (a 404 raises and
    is not kept), that sets no cookie and holds no CSRF token (a form's token is the
    visitor's own: CsrfViewMiddleware marks the request when one was handed out)."""
    return (
        response.status_code in (200, 410)
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def _page_key(request: HttpRequest, stamp: str, query: tuple[str, ...]) -> str:
    asked = [request.scheme or "", request.get_host(), request.path, *(request.GET.get(name) or "" for name in query)]
    return "public:" + hashlib.sha256("\n".join([stamp, *asked]).encode()).hexdigest()


@require_safe
@public_page(query=("page",))
def index(request: HttpRequest) -> HttpResponse:
    page = Paginator(published_articles(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "public/index.html", {"page": page})


@require_safe
@public_page()
def article(request: HttpRequest, article_id: int) -> HttpResponse:
    """The published version; a withdrawn article's page says why, with 410 Gone."""
    article = get_published_article(article_id)
    status = 200 if article.is_public else 410
    context = {"article": article, "version": article.published_version}
    return render(request, "public/article.html", context, status=status)


@require_safe
@public_page()
def article_json(request: HttpRequest, article_id: int) -> JsonResponse:
    """ninjs 2.0. A withdrawn article answers 410 Gone, like its page, with the ninjs item
    in the body (pubstatus "canceled", the reason): a consumer that reads the status and one
    that reads the body both learn it."""
    article = get_published_article(article_id)
    return JsonResponse(to_ninjs(article, request), status=200 if article.is_public else 410)


class ArticleFeed(Feed):
    """Atom: the newest published articles. Atom's summary is HTML (Django writes
    type="html"), so the text is escaped here, paragraph by paragraph."""

    feed_type = Atom1Feed
    title = "Newsroom Review"
    subtitle = "The newest published articles."
    link = reverse_lazy("public:index")
    feed_url = reverse_lazy("public:feed")
    author_name = "Newsroom Review"

    def items(self) -> QuerySet[Article]:
        """The newest published articles, and the newest withdrawn ones, which stay in the feed
        as an entry updated to say so: a reader that copied the article learns to take it down."""
        return feed_articles()[:FEED_SIZE]

    def item_title(self, item: Article) -> str:
        headline = published_version(item).headline
        return headline if item.is_public else f"Withdrawn: {headline}"

    def item_description(self, item: Article) -> str:
        if not item.is_public:
            return format_html("<p><strong>This article was withdrawn.</strong> {}</p>", item.withdrawn_reason)
        version = published_version(item)
        note = format_html("<p><strong>Correction:</strong> {}</p>", version.correction_note)
        body = format_html_join("", "<p>{}</p>", ((p["text"],) for p in version.paragraphs))
        return (note if version.correction_note else "") + body

    def item_link(self, item: Article) -> str:
        return reverse("public:article", args=[item.pk])

    def item_updateddate(self, item: Article) -> datetime | None:
        return item.withdrawn_at or item.published_at

    def item_pubdate(self, item: Article) -> datetime | None:
        return item.first_published_at


feed = require_safe(public_page()(ArticleFeed()))
