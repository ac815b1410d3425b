"""Workflow steps as the compose page takes them: each names the version the page shows."""

from stories.models import Article
from stories.services import review


def _fresh(article: Article) -> Article:
    return Article.objects.select_related("approved_version", "published_version").get(pk=article.pk)


def newest_number(article: Article) -> int:
    latest = _fresh(article).latest_version()
    return latest.number if latest else 0


def submit(article: Article, by) -> Article:
    return review.submit_for_review(article=article, by=by, seen=newest_number(article))


def approve(article: Article, by) -> Article:
    return review.approve(article=article, by=by, seen=newest_number(article))


def reject(article: Article, by, comment: str) -> Article:
    return review.reject(article=article, by=by, seen=newest_number(article), comment=comment)


def publish(article: Article, by) -> Article:
    approved = _fresh(article).approved_version
    return review.publish(article=article, by=by, seen=approved.number if approved else 0)


def withdraw(article: Article, by, reason: str) -> Article:
    published = _fresh(article).published_version
    return review.withdraw(article=article, by=by, seen=published.number if published else 0, reason=reason)
