"""Changes an editor makes to their working draft, paragraph by paragraph.

Each function changes the draft and saves it; the paragraph's provenance (which source
passages it came from) travels with it, and an edited paragraph says it was edited.
"""

from __future__ import annotations

from dataclasses import dataclass

from stories.drafting import SourceInfo, cell_text, paragraph_from_cells
from stories.models import ArticleDraft

MAX_PARAGRAPH_CHARS = 20_000


class DraftEditError(Exception):
    """The change does not apply to the draft as it stands (a stale page, a bad index)."""


@dataclass(frozen=True)
class Alternative:
    """Another way to fill a paragraph: one source's passage, or all of the row's together."""

    label: str
    cells: tuple[dict, ...]
    text: str


def set_headline(draft: ArticleDraft, headline: str) -> None:
    headline = " ".join(headline.split())
    if not headline:
        raise DraftEditError("The headline cannot be empty.")
    draft.headline = headline[:300]
    draft.save(update_fields=["headline", "updated_at"])


def edit_paragraph(draft: ArticleDraft, index: int, text: str) -> None:
    paragraph = _paragraph(draft, index)
    text = text.strip()
    if not text:
        raise DraftEditError("A paragraph cannot be empty; drop it instead.")
    if len(text) > MAX_PARAGRAPH_CHARS:
        raise DraftEditError(f"A paragraph can be at most {MAX_PARAGRAPH_CHARS:,} characters long.")
    if text != paragraph["text"]:
        paragraph.update(text=text, edited=True)
        draft.save(update_fields=["paragraphs", "updated_at"])


def drop_paragraph(draft: ArticleDraft, index: int) -> None:
    _paragraph(draft, index)
    del draft.paragraphs[index]
    draft.save(update_fields=["paragraphs", "updated_at"])


def move_paragraph(draft: ArticleDraft, index: int, step: int) -> None:
    _paragraph(draft, index)
    target = index + step
    if not 0 <= target < len(draft.paragraphs):
        raise DraftEditError("The paragraph is already at the end of the article.")
    paragraphs = draft.paragraphs
    paragraphs[index], paragraphs[target] = paragraphs[target], paragraphs[index]
    draft.save(update_fields=["paragraphs", "updated_at"])


def replace_paragraph(draft: ArticleDraft, index: int, alternative: Alternative, info: dict[str, SourceInfo],
                      blocks: dict) -> None:
    """Fill the paragraph with another source's passage (or the row's passages together)."""
    row = _paragraph(draft, index).get("row")
    draft.paragraphs[index] = paragraph_from_cells(list(alternative.cells), blocks, info, row=row)
    draft.save(update_fields=["paragraphs", "updated_at"])


def alternatives(paragraph: dict, result: dict, info: dict[str, SourceInfo]) -> list[Alternative]:
    """The other passages of the paragraph's row in the current analysis, and all of them together.

    None when the paragraph's passages are no longer in it (a source got a newer version).
    """
    blocks = {block["id"]: block for source in result["sources"] for block in source["blocks"]}
    wanted = {(entry["version"], entry["block"]) for entry in paragraph.get("sources", [])}
    for row in result["rows"]:
        cells = [cell for cell in row["cells"] if cell["status"] != "repeat"]
        present = {(info[cell["source"]].version_id, block) for cell in cells for block in cell["blocks"]}
        if wanted and wanted <= present:
            return _choices(cells, blocks, info)
    return []


def _choices(cells: list[dict], blocks: dict, info: dict[str, SourceInfo]) -> list[Alternative]:
    choices = [
        Alternative(f"{info[cell['source']].provider} ¶{_number(cell['blocks'][0])}", (cell,), cell_text(cell, blocks))
        for cell in cells
    ]
    if len(cells) > 1:
        choices.append(Alternative("All of them, one after another", tuple(cells), ""))
    return choices


def _number(block_id: str) -> int:
    return int(block_id.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))


def _paragraph(draft: ArticleDraft, index: int) -> dict:
    if not 0 <= index < len(draft.paragraphs):
        raise DraftEditError("That paragraph is no longer in your draft; the page was out of date.")
    return draft.paragraphs[index]
