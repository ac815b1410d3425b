"""The changes a compose page asks for, as functions `change_draft` applies under the draft's
lock: move, drop, take another passage, take a re-filed source's new wording, follow a
settled conflict. Each is built from the request's values and run on the locked draft, so
it acts on the draft as it stands, not as the page last saw it.
"""

from __future__ import annotations

from stories.models import ArticleDraft, Story
from stories.services import draft_edits, draft_history
from stories.services.compose import current_analysis
from stories.services.draft_edits import Change, DraftEditError
from stories.services.refiles import refiles_of, take_new_wording

PARAGRAPH_ACTIONS = ("move", "drop", "take", "refile")
DRAFT_ACTIONS = ("undo", "redo", "add", "bring")
# What each change did, for the Undo button ("Undo dropping a paragraph").
DONE = {
    "move": "moving a paragraph",
    "drop": "dropping a paragraph",
    "take": "taking another passage",
    "refile": "taking the re-filed wording",
    "refile_all": "taking all the re-filed wording",
    "add": "adding a paragraph",
    "bring": "bringing back a passage",
    "settle": "following a settled conflict",
}


def paragraph_change(story: Story, pid: str, action: str, *, step: int = 1, choice: int | None = None) -> Change:
    """The change `action` makes to paragraph `pid` (one of PARAGRAPH_ACTIONS)."""
    if action == "move":
        return lambda draft: draft_edits.move_paragraph(draft, pid, step)
    if action == "drop":
        return lambda draft: draft_edits.drop_paragraph(draft, pid)
    if action == "take":
        return lambda draft: _take(story, draft, pid, choice)
    if action == "refile":
        return lambda draft: take_new_wording(draft, pid, refiles_of(story, draft.paragraphs).get(pid, []))
    raise ValueError(f"no such paragraph action: {action}")


def draft_change(
    story: Story, action: str, *, text: str = "", after: str = "", row: int = -1, block: str = ""
) -> Change:
    """The change `action` (one of DRAFT_ACTIONS) makes to the whole draft."""
    if action == "undo":
        return draft_history.undo
    if action == "redo":
        return draft_history.redo
    if action == "add":
        return lambda draft: draft_edits.add_paragraph(draft, text, after=after)
    if action == "bring":
        return lambda draft: draft_edits.PassageIndex(*current_analysis(story)).bring_back(draft, row, block)
    raise ValueError(f"no such change to a draft: {action}")


def take_all_new_wording(story: Story) -> Change:
    """Take the re-filed wording in every paragraph that has one; a paragraph where it cannot
    be applied is named, and the others still take it."""

    def take_all(draft: ArticleDraft) -> None:
        problems = []
        for pid, refiles in refiles_of(story, draft.paragraphs).items():
            try:
                take_new_wording(draft, pid, refiles)
            except DraftEditError as error:
                number = next(n for n, p in enumerate(draft.paragraphs, start=1) if p["id"] == pid)
                problems.append(f"Paragraph {number}: {error}")
        if problems:
            raise DraftEditError(" ".join(problems))

    return take_all


def _take(story: Story, draft: ArticleDraft, pid: str, choice: int | None) -> None:
    result, info = current_analysis(story)
    paragraph = draft_edits.paragraph_of(draft, pid)
    index = draft_edits.PassageIndex(result, info)
    choices = index.alternatives(paragraph)
    if choice is None or not 0 <= choice < len(choices):
        raise DraftEditError("That passage is no longer on offer; the page was out of date.")
    draft_edits.replace_paragraph(draft, pid, choices[choice], info, index.blocks)
