"""What the public may see: published versions of articles, never a draft."""

from datetime import UTC, datetime

from django.db.models import Count, DateTimeField, F, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from stories.models import Article, ArticleVersion


def published_articles() -> QuerySet[Article]:
    """Articles readers see now, the most recently published first; withdrawn ones left out."""
    return (
        Article.objects.filter(published_version__isnull=False, withdrawn_at__isnull=True)
        .select_related("published_version")
        .order_by("-published_at", "-pk")
    )


def feed_articles() -> QuerySet[Article]:
    """Articles the feed carries: every one ever published, withdrawn ones included, the most
    recently published or withdrawn first."""
    return (
        Article.objects.filter(published_version__isnull=False)
        .select_related("published_version")
        .order_by(Coalesce("withdrawn_at", "published_at").desc(), "-pk")
    )


def get_published_article(article_id: int) -> Article:
    """An article that was published, withdrawn ones included (their page says so); else 404.

    A never-published article answers 404 to everyone, logged in or not: the public
    address of an article gives no hint that a draft exists.
    """
    articles = Article.objects.select_related("published_version")
    return get_object_or_404(articles, pk=article_id, published_version__isnull=False)


def published_version(article: Article) -> ArticleVersion:
    """The version readers see of an article from published_articles() or get_published_article()."""
    version = article.published_version
    assert version is not None  # both leave out articles that were never published
    return version


_STAMP_ORIGIN = Value(datetime(2000, 1, 1, tzinfo=UTC), output_field=DateTimeField())


def publication_stamp() -> str:
    """A value that changes whenever anything the public sees changes: one aggregate query.

    Publishing, publishing a correction and withdrawing all save the article, which moves
    its `updated_at` (auto_now), and an article the public has seen never leaves the set
    summed here (it keeps its published version, and versions are never deleted). So each
    of those commits changes the sum, whatever order concurrent ones commit in. The newest
    `updated_at` would not do: a transaction that stamped its row earlier but commits
    later leaves the maximum where it was. Other saves of a published article (a correction
    in review) change the stamp too, which costs a page render and is never wrong. A new
    write path that changes what the public sees must save the article the same way (a
    QuerySet.update() leaves `updated_at` alone unless it sets it).
    """
    totals = Article.objects.filter(published_version__isnull=False).aggregate(
        articles=Count("pk"), saved=Sum(F("updated_at") - _STAMP_ORIGIN)
    )
    return f"{totals['articles']}:{totals['saved']}"
