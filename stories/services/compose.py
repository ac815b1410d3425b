"""Composing the merged article: each editor's working draft, and saving it as a version.

A draft is mutable and private to its editor; a save turns it into an immutable
ArticleVersion. When someone saved another version since the draft's base, the save is
merged with it three ways (services.merge): changes to different paragraphs combine, and
a paragraph both changed waits for the editor's choice (MergeNeeded) while the draft is
kept, so nothing typed is lost and nobody's change is undone unseen. The save form's
one-time token makes a form sent twice (a double click) save once.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Max

from stories.analysis import Comparison
from stories.credits import clean_credits, proposed_credits
from stories.models import Article, ArticleDraft, ArticleStatus, ArticleVersion, AuditAction, Story
from stories.services.analysis import analyse, default_selection, short_labels, story_sources
from stories.services.audit import record_event
from stories.services.drafting import SourceInfo, automatic_draft, with_ids
from stories.services.merge import ArticleText, Choice, Merge, merge_article


class ComposeError(Exception):
    """A save or restore that cannot be done; the message says why."""


@dataclass
class MergeNeeded(ComposeError):
    """Both the saver and whoever saved `theirs` changed the same paragraphs: the merge waits
    for a choice on each of `merge.unsettled`; nothing was saved."""

    merge: Merge
    theirs: ArticleVersion
    base: ArticleVersion | None

    def __str__(self) -> str:
        who = _who(self.theirs)
        count = len(self.merge.unsettled)
        things = "one paragraph" if count == 1 else f"{count} paragraphs"
        return (
            f"Not saved yet: {who} saved version {self.theirs.number} since your draft started, and you both "
            f"changed {things}. Everything else is combined; choose what stands in each, then save."
        )


@dataclass(frozen=True)
class SaveOutcome:
    """What a save did: made `version` (merged with `merged_with` when set), or nothing new."""

    version: ArticleVersion
    created: bool
    merged_with: ArticleVersion | None = None

    @property
    def message(self) -> str:
        if not self.created:
            return f"Nothing new to save: version {self.version.number} already holds your draft."
        said = f"Saved as version {self.version.number}."
        if self.merged_with is not None:
            said += (
                f" It combines your changes with version {self.merged_with.number}"
                f" by {_who(self.merged_with)}, saved meanwhile."
            )
        return said


def article_for(story: Story) -> Article:
    return Article.objects.get_or_create(story=story)[0]


def draft_for(*, article: Article, editor: User) -> ArticleDraft:
    """The editor's working draft: the newest version, or an automatic draft when there is none."""
    draft = ArticleDraft.objects.filter(article=article, editor=editor).select_related("based_on").first()
    if draft is not None:
        if any("id" not in paragraph for paragraph in draft.paragraphs):  # a draft from before paragraph ids
            draft.paragraphs = with_ids(draft.paragraphs)
            draft.save(update_fields=["paragraphs"])
        return draft
    latest = article.latest_version()
    origin = None
    if latest is not None:
        text = version_text(latest)
    else:
        text = proposed_draft(article.story)
        origin = {"headline": text.headline, "paragraphs": _paragraphs(text), "credits": dict(text.credits)}
    defaults = {
        "based_on": latest,
        "headline": text.headline,
        "paragraphs": _paragraphs(text),
        "credits": dict(text.credits),
        "origin": origin,
    }
    draft, _ = ArticleDraft.objects.get_or_create(article=article, editor=editor, defaults=defaults)
    return draft


def current_analysis(story: Story) -> tuple[Comparison, dict[str, SourceInfo]]:
    """The analysis of the story's default sources, and what drafting needs of each, by key."""
    every_source = story_sources(story)
    sources = default_selection(every_source)
    labels = short_labels(every_source)
    comparison = analyse(story=story, sources=sources).comparison
    info = {
        entry.key: SourceInfo(
            key=entry.key,
            source_id=source.pk,
            version_id=source.newest_first[0].pk,
            provider=str(source.provider),
            preferred=source.provider.preferred,
            label=labels[source.pk],
        )
        for entry, source in zip(comparison.sources, sources)
    }
    return comparison, info


def proposed_draft(story: Story) -> ArticleText:
    """An automatic first draft from the story's default sources, with the dateline its
    first paragraph opens with and a credit line naming the agencies it takes from."""
    result, info = current_analysis(story)
    headline, paragraphs, lines = automatic_draft(result, list(info.values()))
    providers = [entry["provider"] for paragraph in paragraphs for entry in paragraph["sources"]]
    credits = proposed_credits([paragraph["text"] for paragraph in paragraphs[:3]], providers)
    return ArticleText(headline or story.headline, paragraphs, clean_credits({**credits, **lines}))


def restart_draft(*, draft: ArticleDraft) -> ArticleDraft:
    """Throw the draft away and start again from the newest version (or the sources)."""
    article, editor = draft.article, draft.editor
    ArticleDraft.objects.filter(pk=draft.pk).delete()
    return draft_for(article=article, editor=editor)


def save_draft(
    *,
    draft: ArticleDraft,
    reason: str,
    correction_note: str = "",
    token: str | None = None,
    page_base: int | None = None,
    choices: dict[str, Choice] | None = None,
    theirs_seen: int | None = None,
) -> SaveOutcome:
    """Save the draft as the article's next version, merged with any version saved since its base.

    The merge's base is the version the stored draft descends from (its `based_on`), which
    is exact whichever tab or click saved it last; `page_base`, the version the saver's page
    showed, goes into the audit trail. `choices` settle the paragraphs both sides changed;
    they count only when `theirs_seen` is still the newest version (a choice made against
    an older one is asked again).
    Raises MergeNeeded while a clash is unsettled, ComposeError when the draft cannot be saved.
    """
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=draft.article_id)
        if token:
            resent = article.versions.filter(save_token=token).first()
            if resent is not None:
                return SaveOutcome(resent, created=False)
        locked = ArticleDraft.objects.select_for_update(of=("self",)).select_related("based_on").get(pk=draft.pk)
        newest = article.versions.select_related("created_by").order_by("-number").first()
        text, merged_with = _merged_content(locked, newest, choices, theirs_seen)
        if newest is not None and _same(text, version_text(newest)):
            _settle_draft(locked, newest, text)
            return SaveOutcome(newest, created=False)
        _check_saveable(article, _paragraphs(text), correction_note)
        version = _new_version(
            article,
            text,
            locked.editor,
            reason,
            correction_note,
            based_on=locked.based_on,
            merged_with=merged_with,
            token=token,
        )
        _back_to_draft(article)
        _settle_draft(locked, version, text)
        action = AuditAction.CORRECT if correction_note.strip() else AuditAction.SAVE
        _record(action, article, version, locked.editor, reason, page_base)
    return SaveOutcome(version, created=True, merged_with=merged_with)


def restore_version(*, version: ArticleVersion, by: User, reason: str = "") -> ArticleVersion:
    """Make an old version the newest again, as a new version; the history keeps both."""
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=version.article_id)
        if article.published_version_id:
            raise ComposeError("A published article changes only through a correction; compose one instead.")
        why = reason or f"Restored version {version.number}"
        restored = _new_version(article, version_text(version), by, why, "", based_on=version)
        _back_to_draft(article)
        _record(AuditAction.RESTORE, article, restored, by, why)
    ArticleDraft.objects.filter(article=article, editor=by).delete()
    return restored


def base_text(draft: ArticleDraft) -> ArticleText:
    """What the draft started from: its base version, or what it was first proposed as."""
    if draft.based_on is not None:
        return version_text(draft.based_on)
    origin = draft.origin or {"headline": "", "paragraphs": []}
    return ArticleText(origin["headline"], with_ids(origin["paragraphs"]), clean_credits(origin.get("credits")))


def version_text(version: ArticleVersion) -> ArticleText:
    return ArticleText(version.headline, with_ids(version.paragraphs), clean_credits(version.credits))


def draft_text(draft: ArticleDraft) -> ArticleText:
    return ArticleText(draft.headline, draft.paragraphs, clean_credits(draft.credits))


def _paragraphs(text: ArticleText) -> list[dict]:
    return [dict(paragraph) for paragraph in text.paragraphs]


def _same(a: ArticleText, b: ArticleText) -> bool:
    return (a.headline, list(a.paragraphs), dict(a.credits)) == (b.headline, list(b.paragraphs), dict(b.credits))


def _merged_content(
    draft: ArticleDraft, newest: ArticleVersion | None, choices: dict[str, Choice] | None, theirs_seen: int | None
) -> tuple[ArticleText, ArticleVersion | None]:
    """The draft's content, merged with `newest` when that was saved since the draft's base."""
    if newest is None or newest.pk == draft.based_on_id:
        return draft_text(draft), None
    settled = choices if theirs_seen == newest.number else None
    merge = merge_article(base_text(draft), version_text(newest), draft_text(draft), settled)
    if not merge.is_complete:
        raise MergeNeeded(merge, newest, draft.based_on)
    return ArticleText(merge.headline, merge.paragraphs, merge.credits), newest


def _check_saveable(article: Article, paragraphs: list[dict], correction_note: str) -> None:
    if not paragraphs:
        raise ComposeError("Not saved: the article has no paragraph. Take passages from the sources first.")
    if article.published_version_id and not correction_note.strip():
        raise ComposeError("This article is published: say in a correction note what this version corrects.")


def _settle_draft(draft: ArticleDraft, version: ArticleVersion, text: ArticleText) -> None:
    """After a save the draft holds what was saved, based on it, with no unsaved change."""
    draft.based_on = version
    draft.headline, draft.paragraphs, draft.credits = text.headline, _paragraphs(text), dict(text.credits)
    if draft.undo:  # typing after a save is a step of its own, not part of the typing before it
        draft.undo = [*draft.undo[:-1], {**draft.undo[-1], "typing": ""}]
    draft.origin = None
    draft.changed_since = None
    draft.save()


def _new_version(
    article: Article,
    text: ArticleText,
    by: User,
    reason: str,
    correction: str,
    *,
    based_on: ArticleVersion | None = None,
    merged_with: ArticleVersion | None = None,
    token: str | None = None,
) -> ArticleVersion:
    number = (article.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    return ArticleVersion.objects.create(
        article=article,
        number=number,
        headline=text.headline,
        paragraphs=_paragraphs(text),
        credits=dict(text.credits),
        body="\n\n".join(paragraph["text"] for paragraph in text.paragraphs),
        reason=reason[:300],
        correction_note=correction.strip(),
        created_by=by,
        based_on=based_on,
        merged_with=merged_with,
        save_token=token or None,
    )


def _back_to_draft(article: Article) -> None:
    """A new version needs its own review: the workflow starts again from draft."""
    article.status = ArticleStatus.DRAFT
    article.approved_version = None
    article.save(update_fields=["status", "approved_version", "updated_at"])


def _record(
    action: str, article: Article, version: ArticleVersion, by: User, reason: str, page_base: int | None = None
) -> None:
    merged = f", merged with version {version.merged_with.number}" if version.merged_with else ""
    record_event(
        action=action,
        actor=by,
        story=article.story,
        subject=f"ArticleVersion {version.pk}",
        summary=f"{AuditAction(action).label}: version {version.number}{merged}" + (f" ({reason})" if reason else ""),
        detail={
            "version": version.number,
            "reason": reason,
            "based_on": version.based_on.number if version.based_on else None,
            "merged_with": version.merged_with.number if version.merged_with else None,
            "page_showed": page_base,
        },
    )


def _who(version: ArticleVersion) -> str:
    return version.created_by.get_username() if version.created_by else "someone"
