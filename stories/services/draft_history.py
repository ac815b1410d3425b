"""Undo and redo of an editor's draft: the draft as it stood before each of its last changes.

`change_draft` remembers the draft before every change (`draft_edits.remember`: typing in
one paragraph counts as one step however many timed saves it took) on the draft's own row,
so a reload, another tab or the next day keeps them. A new change forgets what was undone.
Undo and redo are themselves changes `change_draft` makes, under the draft's lock.
"""

from __future__ import annotations

from stories.models import ArticleDraft
from stories.services.draft_edits import MAX_STEPS, DraftEditError, snapshot


def undo(draft: ArticleDraft) -> None:
    if not draft.undo:
        raise DraftEditError("There is nothing to undo.")
    *rest, step = draft.undo
    draft.redo = [*draft.redo, {**snapshot(draft), "what": step["what"]}][-MAX_STEPS:]
    draft.undo = rest
    _restore(draft, step)


def redo(draft: ArticleDraft) -> None:
    if not draft.redo:
        raise DraftEditError("There is nothing to redo.")
    *rest, step = draft.redo
    draft.undo = [*draft.undo, {**snapshot(draft), "what": step["what"], "typing": ""}][-MAX_STEPS:]
    draft.redo = rest
    _restore(draft, step)


def next_undo(draft: ArticleDraft) -> str:
    """What Undo would take back, in words ("dropping a paragraph"); "" when nothing."""
    return draft.undo[-1]["what"] if draft.undo else ""


def next_redo(draft: ArticleDraft) -> str:
    return draft.redo[-1]["what"] if draft.redo else ""


def _restore(draft: ArticleDraft, step: dict) -> None:
    draft.headline, draft.paragraphs = step["headline"], [dict(paragraph) for paragraph in step["paragraphs"]]
    draft.credits = dict(step.get("credits") or {})
