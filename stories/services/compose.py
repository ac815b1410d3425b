"""Composing the merged article: each editor's working draft, and saving it as a version.

A draft is mutable and private to its editor; a save turns it into an immutable
ArticleVersion. A save is refused when someone saved another version since the draft was
started from its base (StaleDraft says which), and the draft is kept, so nothing typed is
lost; the editor can then save on top of the newest version knowingly.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Max

from stories.drafting import SourceInfo, automatic_draft
from stories.models import Article, ArticleDraft, ArticleStatus, ArticleVersion, AuditAction, Story
from stories.services.analysis import analyse, default_selection, story_sources
from stories.services.audit import record_event


class ComposeError(Exception):
    """A save or restore that cannot be done; the message says why."""


@dataclass
class StaleDraft(ComposeError):
    """Versions were saved since the draft's base; `since` lists them, oldest first."""

    since: list[ArticleVersion]

    def __str__(self) -> str:
        last = self.since[-1]
        who = last.created_by.get_username() if last.created_by else "someone"
        count = f"{len(self.since)} versions were" if len(self.since) > 1 else "a version was"
        return (
            f"Not saved: {count} saved since you started (the newest, version {last.number}, by {who}). "
            "Your draft is kept. Look at what changed, then save yours on top of it."
        )


def article_for(story: Story) -> Article:
    return Article.objects.get_or_create(story=story)[0]


def draft_for(*, article: Article, editor: User) -> ArticleDraft:
    """The editor's working draft: the newest version, or an automatic draft when there is none."""
    draft = ArticleDraft.objects.filter(article=article, editor=editor).select_related("based_on").first()
    if draft is not None:
        return draft
    latest = article.latest_version()
    if latest is not None:
        headline, paragraphs = latest.headline, latest.paragraphs
    else:
        headline, paragraphs = proposed_draft(article.story)
    draft, _ = ArticleDraft.objects.get_or_create(
        article=article, editor=editor, defaults={"based_on": latest, "headline": headline, "paragraphs": paragraphs}
    )
    return draft


def current_analysis(story: Story) -> tuple[dict, dict[str, SourceInfo]]:
    """The analysis of the story's default sources, and what drafting needs of each, by key."""
    sources = default_selection(story_sources(story))
    analysis = analyse(story=story, sources=sources)
    info = {
        entry["key"]: SourceInfo(
            key=entry["key"],
            source_id=source.pk,
            version_id=source.newest_first[0].pk,
            provider=str(source.provider),
            preferred=source.provider.preferred,
        )
        for entry, source in zip(analysis.result["sources"], sources)
    }
    return analysis.result, info


def proposed_draft(story: Story) -> tuple[str, list[dict]]:
    """An automatic first draft from the story's default sources."""
    result, info = current_analysis(story)
    headline, paragraphs = automatic_draft(result, list(info.values()))
    return headline or story.headline, paragraphs


def restart_draft(*, draft: ArticleDraft) -> ArticleDraft:
    """Throw the draft away and start again from the newest version (or the sources)."""
    article, editor = draft.article, draft.editor
    draft.delete()
    return draft_for(article=article, editor=editor)


def save_draft(
    *, draft: ArticleDraft, reason: str, correction_note: str = "", over_newer: bool = False
) -> ArticleVersion:
    """Save the draft as the article's next version.

    With `over_newer`, the editor has seen the versions saved since the draft's base and
    saves on top of them; without it such a save raises StaleDraft.
    """
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=draft.article_id)
        newer = _saved_since(article, draft.based_on)
        if newer and not over_newer:
            raise StaleDraft(newer)
        if not draft.paragraphs:
            raise ComposeError("Not saved: the article has no paragraph. Take passages from the sources first.")
        if article.published_version_id and not correction_note.strip():
            raise ComposeError("This article is published: say in a correction note what this version corrects.")
        version = _new_version(article, draft.headline, draft.paragraphs, draft.editor, reason, correction_note)
        _back_to_draft(article)
        draft.based_on = version
        draft.save(update_fields=["based_on", "updated_at"])
        action = AuditAction.CORRECT if correction_note.strip() else AuditAction.SAVE
        _record(action, article, version, draft.editor, reason)
    return version


def restore_version(*, version: ArticleVersion, by: User, reason: str = "") -> ArticleVersion:
    """Make an old version the newest again, as a new version; the history keeps both."""
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=version.article_id)
        if article.published_version_id:
            raise ComposeError("A published article changes only through a correction; compose one instead.")
        why = reason or f"Restored version {version.number}"
        restored = _new_version(article, version.headline, version.paragraphs, by, why, "")
        _back_to_draft(article)
        _record(AuditAction.RESTORE, article, restored, by, why)
    ArticleDraft.objects.filter(article=article, editor=by).delete()
    return restored


def _saved_since(article: Article, base: ArticleVersion | None) -> list[ArticleVersion]:
    versions = article.versions.select_related("created_by").order_by("number")
    return list(versions if base is None else versions.filter(number__gt=base.number))


def _new_version(
    article: Article, headline: str, paragraphs: list[dict], by: User, reason: str, correction: str
) -> ArticleVersion:
    number = (article.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    return ArticleVersion.objects.create(
        article=article,
        number=number,
        headline=headline,
        paragraphs=paragraphs,
        body="\n\n".join(paragraph["text"] for paragraph in paragraphs),
        reason=reason[:300],
        correction_note=correction.strip(),
        created_by=by,
    )


def _back_to_draft(article: Article) -> None:
    """A new version needs its own review: the workflow starts again from draft."""
    article.status = ArticleStatus.DRAFT
    article.approved_version = None
    article.save(update_fields=["status", "approved_version", "updated_at"])


def _record(action: str, article: Article, version: ArticleVersion, by: User, reason: str) -> None:
    record_event(
        action=action,
        actor=by,
        story=article.story,
        subject=f"ArticleVersion {version.pk}",
        summary=f"{AuditAction(action).label}: version {version.number}" + (f" ({reason})" if reason else ""),
        detail={"version": version.number, "reason": reason},
    )
