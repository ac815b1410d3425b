"""What the public may see: published versions of articles, never a draft."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from stories.models import Article, ArticleVersion


def published_articles() -> QuerySet[Article]:
    """Articles readers see now, the most recently published first; withdrawn ones left out."""
    return (
        Article.objects.filter(published_version__isnull=False, withdrawn_at__isnull=True)
        .select_related("published_version")
        .order_by("-published_at", "-pk")
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
