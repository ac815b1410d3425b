"""The public's pages: published articles only, no login, no desk navigation."""

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_safe

from stories.models import Article
from stories.ninjs import to_ninjs
from stories.public import get_published_article, published_articles, published_version

PAGE_SIZE = 20
FEED_SIZE = 30


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    page = Paginator(published_articles(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "public/index.html", {"page": page})


@require_safe
def article(request: HttpRequest, article_id: int) -> HttpResponse:
    """The published version; a withdrawn article's page says why, with 410 Gone."""
    article = get_published_article(article_id)
    status = 200 if article.is_public else 410
    context = {"article": article, "version": article.published_version}
    return render(request, "public/article.html", context, status=status)


@require_safe
def article_json(request: HttpRequest, article_id: int) -> JsonResponse:
    """ninjs 2.0. A withdrawn article answers 200 with pubstatus "canceled": that is the
    in-band signal ninjs consumers act on, and a 410 would keep many from reading it."""
    return JsonResponse(to_ninjs(get_published_article(article_id), request))


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
        return published_articles()[:FEED_SIZE]

    def item_title(self, item: Article) -> str:
        return published_version(item).headline

    def item_description(self, item: Article) -> str:
        version = published_version(item)
        note = format_html("<p><strong>Correction:</strong> {}</p>", version.correction_note)
        body = format_html_join("", "<p>{}</p>", ((p["text"],) for p in version.paragraphs))
        return (note if version.correction_note else "") + body

    def item_link(self, item: Article) -> str:
        return reverse("public:article", args=[item.pk])

    def item_updateddate(self, item: Article) -> datetime | None:
        return item.published_at

    def item_pubdate(self, item: Article) -> datetime | None:
        return item.first_published_at


feed = require_safe(ArticleFeed())
