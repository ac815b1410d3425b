"""The article's workflow: draft → in review → approved → published, and back.

Every step names the version the person was shown (`seen`): submit, approve and send back
act on the newest version, publish on the approved one, withdraw on the published one.
When that is no longer the version they saw, the step raises MovedOn and nothing changes,
so nobody approves or publishes text they did not read. Every step locks the article row
(select_for_update), checks the state it finds there and the person's permission, then
records an audit event in the same transaction: two editors pressing the same button at
the same moment act one after the other, and the second is told the article moved on.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from stories.access import require_step_permission
from stories.models import Article, ArticleStatus, ArticleVersion, AuditAction, AuditEvent
from stories.services.audit import record_event
from stories.services.conflicts import approval_blockers


class WorkflowError(Exception):
    """The transition does not apply to the article as it now stands; the message says why."""


class MovedOn(WorkflowError):
    """The version the step would act on is not the one the person was shown."""

    def __init__(self, *, seen: int, current: ArticleVersion, doing: str) -> None:
        self.seen, self.current = seen, current
        who = current.created_by.get_username() if current.created_by else "someone"
        super().__init__(
            f"Not {doing}: you were shown version {seen}, and the article has moved on to version "
            f"{current.number} (saved by {who}). Nothing was changed. Read what changed, then decide again."
        )


def submit_for_review(*, article: Article, by: User, seen: int) -> Article:
    with transaction.atomic():
        locked = _lock(article, by, "submit")
        latest = _as_shown(locked.latest_version(), seen, "submitted")
        if latest is None:
            raise WorkflowError("Save a version of the article before submitting it for review.")
        _expect(locked, ArticleStatus.DRAFT, "submitted for review")
        locked.status = ArticleStatus.IN_REVIEW
        locked.review_comment = ""
        return _done(locked, by, AuditAction.SUBMIT, f"Submitted version {latest.number} for review", latest)


def approve(*, article: Article, by: User, seen: int) -> Article:
    with transaction.atomic():
        locked = _lock(article, by, "approve")
        latest = _as_shown(locked.latest_version(), seen, "approved")
        _expect(locked, ArticleStatus.IN_REVIEW, "approved")
        assert latest is not None  # submitting needs a saved version, and versions are never deleted
        if not settings.NEWSROOM_ALLOW_SELF_APPROVAL and latest.created_by_id == by.pk:
            raise WorkflowError("You saved this version yourself; another editor must approve it.")
        blockers = approval_blockers(locked.story, f"{latest.headline}\n\n{latest.body}")
        if blockers:
            raise WorkflowError(
                f"Not approved: settle the conflicting facts version {latest.number} touches first: "
                + "; ".join(touch.problem for touch in blockers)
                + "."
            )
        locked.status = ArticleStatus.APPROVED
        locked.approved_version = latest
        return _done(locked, by, AuditAction.APPROVE, f"Approved version {latest.number}", latest)


def reject(*, article: Article, by: User, seen: int, comment: str) -> Article:
    with transaction.atomic():
        locked = _lock(article, by, "reject")
        latest = _as_shown(locked.latest_version(), seen, "sent back")
        if locked.status not in (ArticleStatus.IN_REVIEW, ArticleStatus.APPROVED):
            raise WorkflowError(
                f"Only an article in review or approved can be sent back; this one is {_status(locked)}."
            )
        if not comment.strip():
            raise WorkflowError("Say why the article goes back to draft.")
        locked.status = ArticleStatus.DRAFT
        locked.approved_version = None
        locked.review_comment = comment.strip()
        return _done(locked, by, AuditAction.REJECT, f"Sent back to draft: {comment.strip()}", latest)


def publish(*, article: Article, by: User, seen: int) -> Article:
    with transaction.atomic():
        locked = _lock(article, by, "publish")
        approved = _as_shown(locked.approved_version, seen, "published")
        _expect(locked, ArticleStatus.APPROVED, "published")
        assert approved is not None  # set with the approved status; cleared only on going back to draft
        correcting = locked.published_version_id is not None
        locked.status = ArticleStatus.PUBLISHED
        locked.published_version = approved
        locked.published_at = timezone.now()
        locked.first_published_at = locked.first_published_at or locked.published_at
        locked.withdrawn_at = None
        locked.withdrawn_reason = ""
        kind = "a correction: version" if correcting else "version"
        return _done(locked, by, AuditAction.PUBLISH, f"Published {kind} {approved.number}", approved)


def withdraw(*, article: Article, by: User, seen: int, reason: str) -> Article:
    with transaction.atomic():
        locked = _lock(article, by, "withdraw")
        if not locked.is_public:
            raise WorkflowError("Only a published article can be withdrawn.")
        published = _as_shown(locked.published_version, seen, "withdrawn")
        if not reason.strip():
            raise WorkflowError("Say why the article is withdrawn; readers will see it.")
        locked.status = ArticleStatus.WITHDRAWN
        locked.withdrawn_at = timezone.now()
        locked.withdrawn_reason = reason.strip()
        return _done(locked, by, AuditAction.WITHDRAW, f"Withdrew the article: {reason.strip()}", published)


def review_base(article: Article) -> ArticleVersion | None:
    """What the version under review is read against: the published version, else the last
    one approved, else the first saved (for a first publication)."""
    if article.published_version_id:
        return article.published_version
    approved = (
        AuditEvent.objects.filter(story_id=article.story_id, action=AuditAction.APPROVE, detail__version__isnull=False)
        .order_by("-created_at", "-pk")
        .values_list("detail__version", flat=True)
        .first()
    )
    versions = article.versions.select_related("created_by")
    if approved is not None:
        found = versions.filter(number=approved).first()
        if found is not None:
            return found
    return versions.order_by("number").first()


def _lock(article: Article, by: User, step: str) -> Article:
    require_step_permission(step, by)
    return Article.objects.select_for_update().select_related("story").get(pk=article.pk)


def _as_shown(current: ArticleVersion | None, seen: int, doing: str) -> ArticleVersion | None:
    if current is not None and current.number != seen:
        raise MovedOn(seen=seen, current=current, doing=doing)
    return current


def _done(locked: Article, by: User, action: str, summary: str, version: ArticleVersion | None) -> Article:
    locked.save()
    detail = {"version": version.number} if version is not None else {}
    record_event(
        action=action, actor=by, story=locked.story, subject=f"Article {locked.pk}", summary=summary, detail=detail
    )
    return locked


def _expect(article: Article, status: str, doing: str) -> None:
    if article.status != status:
        raise WorkflowError(
            f"Only an article that is {ArticleStatus(status).label.lower()} can be {doing}; "
            f"this one is {_status(article)} now."
        )


def _status(article: Article) -> str:
    return ArticleStatus(article.status).label.lower()
