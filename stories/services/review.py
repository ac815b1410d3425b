"""The article's workflow: draft → in review → approved → published, and back.

Every transition locks the article row (select_for_update), checks the state it finds
there and the person's permission, then records an audit event in the same transaction.
Two editors approving or publishing at the same moment therefore act one after the other,
and the second is told the article has moved on.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from stories.models import Article, ArticleStatus, AuditAction
from stories.services.audit import record_event


class WorkflowError(Exception):
    """The transition does not apply to the article as it now stands; the message says why."""


def submit_for_review(*, article: Article, by: User) -> Article:
    def change(locked: Article) -> str:
        _expect(locked, ArticleStatus.DRAFT, "submitted for review")
        latest = locked.latest_version()
        if latest is None:
            raise WorkflowError("Save a version of the article before submitting it for review.")
        locked.status = ArticleStatus.IN_REVIEW
        locked.review_comment = ""
        return f"Submitted version {latest.number} for review"

    return _transition(article, by, "stories.submit_article", AuditAction.SUBMIT, change)


def approve(*, article: Article, by: User) -> Article:
    def change(locked: Article) -> str:
        _expect(locked, ArticleStatus.IN_REVIEW, "approved")
        latest = locked.latest_version()
        assert latest is not None  # submitting needs a saved version, and versions are never deleted
        if not settings.NEWSROOM_ALLOW_SELF_APPROVAL and latest.created_by_id == by.pk:
            raise WorkflowError("You saved this version yourself; another editor must approve it.")
        locked.status = ArticleStatus.APPROVED
        locked.approved_version = latest
        return f"Approved version {latest.number}"

    return _transition(article, by, "stories.approve_article", AuditAction.APPROVE, change)


def reject(*, article: Article, by: User, comment: str) -> Article:
    def change(locked: Article) -> str:
        if locked.status not in (ArticleStatus.IN_REVIEW, ArticleStatus.APPROVED):
            raise WorkflowError(
                f"Only an article in review or approved can be sent back; this one is {_status(locked)}."
            )
        if not comment.strip():
            raise WorkflowError("Say why the article goes back to draft.")
        locked.status = ArticleStatus.DRAFT
        locked.approved_version = None
        locked.review_comment = comment.strip()
        return f"Sent back to draft: {comment.strip()}"

    return _transition(article, by, "stories.approve_article", AuditAction.REJECT, change)


def publish(*, article: Article, by: User) -> Article:
    def change(locked: Article) -> str:
        _expect(locked, ArticleStatus.APPROVED, "published")
        correcting = locked.published_version_id is not None
        approved = locked.approved_version
        assert approved is not None  # set with the approved status; cleared only on going back to draft
        locked.status = ArticleStatus.PUBLISHED
        locked.published_version = approved
        locked.published_at = timezone.now()
        locked.first_published_at = locked.first_published_at or locked.published_at
        locked.withdrawn_at = None
        locked.withdrawn_reason = ""
        kind = "a correction: version" if correcting else "version"
        return f"Published {kind} {approved.number}"

    return _transition(article, by, "stories.publish_article", AuditAction.PUBLISH, change)


def withdraw(*, article: Article, by: User, reason: str) -> Article:
    def change(locked: Article) -> str:
        if not locked.is_public:
            raise WorkflowError("Only a published article can be withdrawn.")
        if not reason.strip():
            raise WorkflowError("Say why the article is withdrawn; readers will see it.")
        locked.status = ArticleStatus.WITHDRAWN
        locked.withdrawn_at = timezone.now()
        locked.withdrawn_reason = reason.strip()
        return f"Withdrew the article: {reason.strip()}"

    return _transition(article, by, "stories.publish_article", AuditAction.WITHDRAW, change)


def _transition(
    article: Article, by: User, permission: str, action: str, change: Callable[[Article], str]
) -> Article:
    if not by.has_perm(permission):
        raise PermissionDenied(f"You may not do this: it needs the “{permission.split('.')[1]}” permission.")
    with transaction.atomic():
        locked = Article.objects.select_for_update().select_related("story").get(pk=article.pk)
        summary = change(locked)
        locked.save()
        record_event(action=action, actor=by, story=locked.story, subject=f"Article {locked.pk}", summary=summary)
    return locked


def _expect(article: Article, status: str, doing: str) -> None:
    if article.status != status:
        raise WorkflowError(
            f"Only an article that is {ArticleStatus(status).label.lower()} can be {doing}; "
            f"this one is {_status(article)} now."
        )


def _status(article: Article) -> str:
    return ArticleStatus(article.status).label.lower()
