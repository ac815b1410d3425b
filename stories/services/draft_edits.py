"""Changes an editor makes to their working draft, paragraph by paragraph.

Every change goes through `change_draft`, which takes the draft's row lock, first applies
the text the page carried (what the editor typed, even if its own timed save has not
landed yet), then the change itself, and saves once. Changes to one draft made at the same
moment (two tabs, a quick double action) therefore all land, one after the other.
Paragraphs are named by their id, not their place, so a change meant for one paragraph
never lands on another that moved into its place.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from django.db import transaction
from django.utils import timezone

from stories.analysis.model import Block, Cell, Comparison
from stories.credits import clean_credits
from stories.models import ArticleDraft
from stories.services.drafting import Said, SourceInfo, cell_text, new_paragraph_id, paragraph_from_cells

MAX_PARAGRAPH_CHARS = 20_000
MAX_HEADLINE_CHARS = 300
MAX_STEPS = 30  # changes kept for undo (draft_history)


class DraftEditError(Exception):
    """The change does not apply to the draft as it stands (a stale page, a bad value)."""


@dataclass(frozen=True)
class TypedText:
    """A paragraph's text as the page holds it, and the digest of the text the page was
    drawn with: when they differ, the editor typed in this paragraph."""

    text: str
    seen: str


@dataclass(frozen=True)
class DraftTexts:
    """What the compose page carries with every action: its headline and paragraph boxes."""

    headline: str | None = None
    paragraphs: dict[str, TypedText] = field(default_factory=dict)
    credits: dict[str, str] = field(default_factory=dict)  # the credit lines the page carried


@dataclass(frozen=True)
class Alternative:
    """Another way to fill a paragraph: one source's passage, or all of the row's together."""

    label: str
    cells: tuple[Cell, ...]
    text: str
    in_place: bool = False  # the paragraph is made of exactly these passages now


@dataclass(frozen=True)
class LeftOut:
    """A passage the draft leaves out, and the row of the story it stands in."""

    row: int
    passage: Alternative
    said_already: bool = False  # what it says, the draft says already (drafting.restates)

    @property
    def block(self) -> str:
        return self.passage.cells[0].blocks[0]


@dataclass
class DraftChange:
    """What `change_draft` did: the draft as it now stands, the paragraphs whose text was
    typed in, and what could not be done (one message each)."""

    draft: ArticleDraft
    typed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


Change = Callable[[ArticleDraft], None]


def text_digest(text: str) -> str:
    """A short digest of a paragraph's text, line endings made alike (browsers send \\r\\n)."""
    return hashlib.sha256(_plain(text).encode()).hexdigest()[:16]


def change_draft(
    draft: ArticleDraft,
    texts: DraftTexts | None = None,
    change: Change | None = None,
    *,
    what: str = "the last change",
    remember_it: bool = True,
) -> DraftChange:
    """Under the draft's row lock: apply what was typed, then `change`, and save. The draft
    as it was before each is kept for undo (`what` says what the change did, for the Undo
    button); undo and redo themselves are not (`remember_it=False`)."""
    with transaction.atomic():
        locked = ArticleDraft.objects.select_for_update(of=("self",)).select_related("based_on").get(pk=draft.pk)
        before = snapshot(locked)
        outcome = DraftChange(locked)
        if texts is not None:
            _apply_texts(outcome, texts)
        typed = snapshot(locked)
        if typed != before:
            remember(locked, before, "typing", typing=_typed_in(before, typed))
        if change is not None:
            try:
                change(locked)
            except DraftEditError as error:
                outcome.errors.append(str(error))
            if remember_it and snapshot(locked) != typed:
                remember(locked, typed, what)
        if snapshot(locked) != before:
            locked.changed_since = locked.changed_since or timezone.now()
            locked.save()
    return outcome


def _typed_in(before: dict, after: dict) -> str:
    """Which boxes typing changed ("headline,p3f2a,credit-byline"): typing on in the same
    boxes is one undo step."""
    texts = [({p["id"]: p["text"] for p in state["paragraphs"]}) for state in (before, after)]
    changed = [pid for pid, text in texts[1].items() if texts[0].get(pid) != text]
    if before["headline"] != after["headline"]:
        changed.append("headline")
    changed += [f"credit-{name}" for name, line in after["credits"].items() if before["credits"].get(name) != line]
    return ",".join(sorted(changed))


def snapshot(draft: ArticleDraft) -> dict:
    paragraphs = [dict(paragraph) for paragraph in draft.paragraphs]
    return {"headline": draft.headline, "paragraphs": paragraphs, "credits": dict(draft.credits or {})}


def remember(draft: ArticleDraft, before: dict, what: str, *, typing: str = "") -> None:
    """Keep `before`, the draft before a change (`what` it did), for undo; a new change
    forgets what was undone. Typing in the same paragraphs as the step before is part of it."""
    last = draft.undo[-1] if draft.undo else None
    if not (typing and last is not None and last.get("typing") == typing):
        draft.undo = [*draft.undo, {**before, "what": what, "typing": typing}][-MAX_STEPS:]
    draft.redo = []


def _apply_texts(outcome: DraftChange, texts: DraftTexts) -> None:
    draft = outcome.draft
    if texts.headline is not None:
        try:
            set_headline(draft, texts.headline)
        except DraftEditError as error:
            outcome.errors.append(str(error))
    if texts.credits:
        draft.credits = clean_credits({**(draft.credits or {}), **texts.credits})
    for pid, typed in texts.paragraphs.items():
        if text_digest(typed.text) == typed.seen:
            continue  # not typed in on this page: leave it as it stands (another tab may have changed it)
        number = _number_of(draft, pid)
        if number is None:
            outcome.errors.append(
                "A paragraph you typed in is no longer in your draft; what you typed there was not kept."
            )
            continue
        try:
            edit_paragraph(draft, pid, typed.text)
            outcome.typed.append(pid)
        except DraftEditError as error:
            outcome.errors.append(f"Paragraph {number}: {error}")


def set_headline(draft: ArticleDraft, headline: str) -> None:
    headline = " ".join(headline.split())
    if not headline:
        raise DraftEditError("The headline cannot be empty.")
    if len(headline) > MAX_HEADLINE_CHARS:
        raise DraftEditError(f"A headline can be at most {MAX_HEADLINE_CHARS} characters long.")
    draft.headline = headline


def edit_paragraph(draft: ArticleDraft, pid: str, text: str) -> None:
    paragraph = paragraph_of(draft, pid)
    text = _plain(text).strip()
    if not text:
        raise DraftEditError("A paragraph cannot be empty; drop it instead.")
    if len(text) > MAX_PARAGRAPH_CHARS:
        raise DraftEditError(f"A paragraph can be at most {MAX_PARAGRAPH_CHARS:,} characters long; it was not changed.")
    if text != paragraph["text"]:
        paragraph.update(text=text, edited=True)


def drop_paragraph(draft: ArticleDraft, pid: str) -> None:
    draft.paragraphs.remove(paragraph_of(draft, pid))


def add_paragraph(draft: ArticleDraft, text: str, *, after: str) -> None:
    """A paragraph of the editor's own, after paragraph `after` ("" puts it first)."""
    text = _plain(text).strip()
    if not text:
        raise DraftEditError("Write the new paragraph first, then add it.")
    if len(text) > MAX_PARAGRAPH_CHARS:
        raise DraftEditError(f"A paragraph can be at most {MAX_PARAGRAPH_CHARS:,} characters long; it was not added.")
    place = draft.paragraphs.index(paragraph_of(draft, after)) + 1 if after else 0
    own: dict = {"id": new_paragraph_id(), "text": text, "sources": [], "row": None, "edited": True}
    draft.paragraphs.insert(place, own)


def move_paragraph(draft: ArticleDraft, pid: str, step: int) -> None:
    paragraph = paragraph_of(draft, pid)
    index = draft.paragraphs.index(paragraph)
    target = index + step
    if not 0 <= target < len(draft.paragraphs):
        raise DraftEditError("The paragraph is already at the end of the article.")
    paragraphs = draft.paragraphs
    paragraphs[index], paragraphs[target] = paragraphs[target], paragraphs[index]


def replace_paragraph(
    draft: ArticleDraft, pid: str, alternative: Alternative, info: dict[str, SourceInfo], blocks: dict[str, Block]
) -> None:
    """Fill the paragraph with another source's passage (or the row's passages together)."""
    paragraph = paragraph_of(draft, pid)
    index = draft.paragraphs.index(paragraph)
    draft.paragraphs[index] = paragraph_from_cells(
        list(alternative.cells), blocks, info, row=paragraph.get("row"), pid=pid
    )


class PassageIndex:
    """Where each passage of an analysis stands: built once per request, so finding the
    alternatives of every paragraph of a long draft costs one pass over the rows."""

    def __init__(self, result: Comparison, info: dict[str, SourceInfo]) -> None:
        self.info = info
        self.blocks = result.blocks_by_id
        self.rows: list[list[Cell]] = []
        self._row_of: dict[tuple[int, str], int] = {}
        for row in result.rows:
            cells = [cell for cell in row.cells if cell.status != "repeat"]
            for cell in cells:
                for block in cell.blocks:
                    self._row_of[(info[cell.source].version_id, block)] = len(self.rows)
            self.rows.append(cells)

    def left_out(self, paragraphs: list[dict]) -> list[LeftOut]:
        """The passages the draft leaves out, row by row in the story's order: every passage
        of a row no paragraph of the draft takes anything from."""
        used = {
            self._row_of.get((entry["version"], entry["block"]), -1)
            for p in paragraphs
            for entry in p.get("sources", [])
        }
        said = Said.of(paragraph["text"] for paragraph in paragraphs)
        return [
            LeftOut(row, choice, said.restates(choice.text))
            for row, cells in enumerate(self.rows)
            if row not in used
            for choice in _choices(cells, self.blocks, self.info)
            if len(choice.cells) == 1
        ]

    def bring_back(self, draft: ArticleDraft, row: int, block: str) -> None:
        """Put the left-out passage `block` of `row` back, after the last paragraph taken from
        an earlier row (first when there is none)."""
        cells = [cell for cell in self.rows[row] if block in cell.blocks] if 0 <= row < len(self.rows) else []
        if not cells:
            raise DraftEditError("That passage is no longer in the sources; the page was out of date.")
        place = 0
        for n, paragraph in enumerate(draft.paragraphs, start=1):
            rows = {self._row_of.get((e["version"], e["block"]), -1) for e in paragraph.get("sources", [])}
            if rows and max(rows) < row and -1 not in rows:
                place = n
        # A paragraph names its row counted from 1, as the automatic draft does ("r3" is row 3).
        new = paragraph_from_cells(cells[:1], self.blocks, self.info, row=row + 1, pid=new_paragraph_id())
        draft.paragraphs.insert(place, new)

    def alternatives(self, paragraph: dict) -> list[Alternative]:
        """The passages of the paragraph's row, and all of them together; none when its
        passages are no longer in the analysis (a source got a newer version)."""
        wanted = {(entry["version"], entry["block"]) for entry in paragraph.get("sources", [])}
        rows = {self._row_of.get(key, -1) for key in wanted}
        if len(rows) != 1 or -1 in rows:
            return []
        choices = _choices(self.rows[rows.pop()], self.blocks, self.info)
        return [replace(choice, in_place=self._passages(choice) == wanted) for choice in choices]

    def _passages(self, choice: Alternative) -> set[tuple[int, str]]:
        return {(self.info[cell.source].version_id, block) for cell in choice.cells for block in cell.blocks}


def paragraph_of(draft: ArticleDraft, pid: str) -> dict:
    for paragraph in draft.paragraphs:
        if paragraph.get("id") == pid:
            return paragraph
    raise DraftEditError("That paragraph is no longer in your draft; the page was out of date.")


def _number_of(draft: ArticleDraft, pid: str) -> int | None:
    return next((n for n, p in enumerate(draft.paragraphs, start=1) if p.get("id") == pid), None)


def _choices(cells: list[Cell], blocks: dict[str, Block], info: dict[str, SourceInfo]) -> list[Alternative]:
    choices = [
        Alternative(f"{_name(info[cell.source])} ¶{blocks[cell.blocks[0]].number}", (cell,), cell_text(cell, blocks))
        for cell in cells
    ]
    if len(cells) > 1:
        choices.append(Alternative("All of them, one after another", tuple(cells), ""))
    return choices


def _name(source: SourceInfo) -> str:
    return source.label or source.provider


def _plain(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
