"""What the compose page shows: the draft with its provenance and the passages on offer,
the re-filed copy and the conflicting facts it touches, the review panel, and the prompts
of a save that needs a merge or a workflow step that found the article moved on."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.safestring import SafeString

from stories.credits import CREDIT_LINES
from stories.forms import SaveDraftForm
from stories.http import AuthenticatedHttpRequest
from stories.models import Article, ArticleDraft, ArticleStatus, ArticleVersion, Story
from stories.queries import others_at_work
from stories.services import draft_edits, draft_history, review
from stories.services.analysis import short_labels
from stories.services.compose import MergeNeeded, article_for, current_analysis, draft_for
from stories.services.conflicts import Touch, approval_blockers, story_conflicts, touched
from stories.services.draft_edits import Alternative, text_digest
from stories.services.refiles import Refile, refiles_of
from stories.views.compare_page import inline_diff


@dataclass(frozen=True)
class RefileView:
    refile: Refile
    diff: SafeString  # old wording → new, words struck and added


@dataclass
class ParagraphView:
    number: int
    data: dict
    seen: str  # the digest of the text the box is drawn with
    alternatives: list[Alternative] = field(default_factory=list)
    refiles: list[RefileView] = field(default_factory=list)
    labels: dict[int, str] = field(default_factory=dict)  # the story's names of its sources, by id

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def origins(self) -> list[dict]:
        """The passages the text came from, each source named as every page names it (the
        provider stored with the passage when the source has left the story)."""
        return [
            {**origin, "label": self.labels.get(origin.get("source"), origin.get("provider", ""))}
            for origin in self.data.get("sources", [])
        ]

    @property
    def has_other_passages(self) -> bool:
        """Whether the paragraph's row offers a passage other than the one in place (a row
        only one source has offers none)."""
        return any(not alternative.in_place for alternative in self.alternatives)

    @property
    def is_refiled(self) -> bool:
        return any(view.refile.changed for view in self.refiles)


@dataclass(frozen=True)
class ConflictRow:
    touch: Touch
    in_draft: bool


@dataclass(frozen=True)
class VersionChange:
    """One version read against another: the review panel, and a step refused as moved on."""

    version: ArticleVersion
    against: ArticleVersion | None
    diff: SafeString
    against_label: str = ""

    @property
    def is_first(self) -> bool:
        return self.against is None or self.against.pk == self.version.pk


def full_text(version: ArticleVersion) -> str:
    """The version as readers get it, its lines in order: what review reads and compares."""
    credits = version.credits or {}
    top = [version.headline, *(credits.get(name, "") for name in ("dek", "byline", "dateline"))]
    return "\n\n".join(line for line in [*top, version.body, credits.get("credit", "")] if line)


def version_change(version: ArticleVersion, against: ArticleVersion | None, label: str = "") -> VersionChange:
    old = full_text(against) if against is not None and against.pk != version.pk else full_text(version)
    return VersionChange(version, against, inline_diff(old, full_text(version)), label)


def composer_context(
    request: AuthenticatedHttpRequest,
    story: Story,
    *,
    draft: ArticleDraft | None = None,
    with_sources: bool = True,
    save_form: SaveDraftForm | None = None,
    merge: MergeNeeded | None = None,
    moved_on: review.MovedOn | None = None,
) -> dict:
    """What the compose page shows. The preview alone (refreshed as the editor types) needs
    no analysis, so `with_sources=False` leaves the sources' passages and conflicts out."""
    article = draft.article if draft is not None else article_for(story)
    draft = draft or draft_for(article=article, editor=request.user)
    latest = article.versions.select_related("created_by").order_by("-number").first()
    seen = latest.number if latest else 0
    analysis = current_analysis(story) if with_sources else None
    index = draft_edits.PassageIndex(*analysis) if analysis is not None else None  # built once a request
    paragraphs = _paragraphs(story, draft, index)
    under_review = _review(article, latest)
    context: dict[str, Any] = {
        "story": story,
        "article": article,
        "draft": draft,
        "latest": latest,
        "paragraphs": paragraphs,
        "save_form": save_form or SaveDraftForm(correcting=article.published_version_id is not None),
        "token": _token(save_form),
        "merge": merge,
        "moved_on": moved_on and version_change(moved_on.current, _version(article, moved_on.seen)),
        "moved_on_message": str(moved_on or ""),
        "review": under_review,
        "seen": seen,
        "others": others_at_work(article, request.user, seen=seen),
        "credit_lines": [(name, label, (draft.credits or {}).get(name, "")) for name, label in CREDIT_LINES.items()],
        "undo_what": draft_history.next_undo(draft),
        "redo_what": draft_history.next_redo(draft),
        "poll_seconds": settings.NEWSROOM_PRESENCE_POLL_SECONDS,
    }
    context["preview"] = merge.merge if merge is not None else draft
    if analysis is not None:
        conflicts = story_conflicts(story, analysis)
        in_review = under_review if article.status == ArticleStatus.IN_REVIEW else None
        blockers = approval_blockers(story, full_text(in_review.version), conflicts) if in_review else []
        context["blockers"] = blockers
        context["conflict_rows"] = _conflict_rows(touched(conflicts, _draft_text(draft)), blockers)
        context["refiled"] = sum(paragraph.is_refiled for paragraph in paragraphs)
        context["left_out"] = index.left_out(draft.paragraphs) if index is not None else []
    return context


def _conflict_rows(draft_touches: list[Touch], blockers: list[Touch]) -> list[ConflictRow]:
    """The conflicts the draft touches, then those that hold the version under review back
    and the draft does not touch: they are settled here too."""
    in_draft = {touch.conflict.key for touch in draft_touches}
    rows = [ConflictRow(touch, in_draft=True) for touch in draft_touches]
    return rows + [ConflictRow(touch, in_draft=False) for touch in blockers if touch.conflict.key not in in_draft]


def _paragraphs(story: Story, draft: ArticleDraft, index: draft_edits.PassageIndex | None) -> list[ParagraphView]:
    """Each paragraph with its box's digest, and (with the analysis's index) the passages on
    offer and the re-filed copy it uses."""
    refiles = refiles_of(story, draft.paragraphs) if index is not None else {}
    labels = short_labels(story.sources.select_related("provider"))
    views = []
    for number, paragraph in enumerate(draft.paragraphs, start=1):
        view = ParagraphView(number, paragraph, text_digest(paragraph["text"]), labels=labels)
        if index is not None:
            view.alternatives = index.alternatives(paragraph)
            view.refiles = [
                RefileView(refile, inline_diff(refile.old_text, refile.new_text))
                for refile in refiles.get(paragraph["id"], [])
            ]
        views.append(view)
    return views


def _review(article: Article, latest: ArticleVersion | None) -> VersionChange | None:
    """The version under review (the newest) or approved, awaiting publication, against its base."""
    if article.status == ArticleStatus.IN_REVIEW:
        version = latest
    elif article.status == ArticleStatus.APPROVED:
        version = article.approved_version
    else:
        return None
    if version is None:
        return None
    base = review.review_base(article)
    if base is not None and base.pk == article.published_version_id:
        label = f"the published version {base.number}"
    elif base is not None and base.number == 1:
        label = "the first saved version"
    else:
        label = f"the last approved version {base.number}" if base is not None else ""
    return version_change(version, base, label)


def _version(article: Article, number: int) -> ArticleVersion | None:
    return article.versions.filter(number=number).first()


def _draft_text(draft: ArticleDraft) -> str:
    return "\n\n".join([draft.headline, *(paragraph["text"] for paragraph in draft.paragraphs)])


def _token(save_form: SaveDraftForm | None) -> str:
    """The save form's one-time token: the one it was sent with while nothing was saved
    (a merge prompt, a refusal), else a new one."""
    if save_form is not None and save_form.is_bound and save_form.is_valid() and save_form.cleaned_data["token"]:
        return save_form.cleaned_data["token"]
    return secrets.token_hex(16)
