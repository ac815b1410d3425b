"""The automatic first draft of a story's article, from a stored analysis.

Pure functions over the analysis (the `compare --json` form) and a little about each
source: no database. Repeats are left out; each aligned row gives one paragraph, taken
from the desk's preferred provider when it has a passage there, else from the
best-supported passage: the one whose words the row's other passages share most.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from rapidfuzz import fuzz

HEADLINE_KINDS = ("headline",)
# A summary printed before the headline is the aggregator's, not the story's: the dek that
# follows the headline says the same, and stays.
LEFT_OUT_KINDS = {"standfirst"}


@dataclass(frozen=True)
class SourceInfo:
    """What drafting needs to know of one analysed source (keyed A, B, ... as analysed)."""

    key: str
    source_id: int
    version_id: int
    provider: str
    preferred: bool = False
    label: str = ""  # the story's name for the source (services.analysis.short_labels)


def automatic_draft(result: dict, sources: list[SourceInfo]) -> tuple[str, list[dict]]:
    """The headline and the paragraphs of a first draft, each paragraph with its provenance."""
    info = {source.key: source for source in sources}
    blocks = {block["id"]: block for source in result["sources"] for block in source["blocks"]}
    headline, paragraphs = "", []
    for number, row in enumerate(result["rows"], start=1):
        cells = [cell for cell in row["cells"] if cell["status"] != "repeat"]
        if not cells:
            continue
        chosen = _choose(cells, blocks, info)
        kinds = {blocks[block_id]["kind"] for block_id in chosen["blocks"]}
        if kinds <= LEFT_OUT_KINDS:
            continue
        if not headline and kinds & set(HEADLINE_KINDS):
            headline = cell_text(chosen, blocks)
            continue
        # The row names the paragraph: two editors' automatic drafts of one analysis share
        # ids, so a merge of their saves knows the same paragraph when it sees it.
        paragraphs.append(paragraph_from_cells([chosen], blocks, info, row=number, pid=f"r{number}"))
    return headline, paragraphs


def paragraph_from_cells(
    cells: list[dict], blocks: dict, info: dict[str, SourceInfo], *, row: int | None, pid: str
) -> dict:
    """One paragraph made of whole cells, remembering which passages it came from; `pid` is
    its id, which it keeps through edits, moves and every version saved from the draft."""
    text = " ".join(cell_text(cell, blocks) for cell in cells)
    provenance = [
        {
            "source": info[cell["source"]].source_id,
            "version": info[cell["source"]].version_id,
            "provider": info[cell["source"]].provider,
            "block": block_id,
            "paragraph": int(block_id.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")),
        }
        for cell in cells
        for block_id in cell["blocks"]
    ]
    return {"id": pid, "text": text, "sources": provenance, "row": row, "edited": False}


def new_paragraph_id() -> str:
    return "p" + secrets.token_hex(4)


def with_ids(paragraphs: list[dict]) -> list[dict]:
    """The paragraphs, each with an id: those saved before paragraphs had ids get one from
    their place, the same every time they are read."""
    return [paragraph if "id" in paragraph else {**paragraph, "id": f"n{n}"} for n, paragraph in enumerate(paragraphs)]


def cell_text(cell: dict, blocks: dict) -> str:
    return " ".join(blocks[block_id]["text"] for block_id in cell["blocks"])


def _choose(cells: list[dict], blocks: dict, info: dict[str, SourceInfo]) -> dict:
    preferred = [cell for cell in cells if info[cell["source"]].preferred]
    if preferred:
        return preferred[0]
    if len(cells) == 1:
        return cells[0]
    texts = [cell_text(cell, blocks) for cell in cells]

    def support(index: int) -> float:
        return sum(fuzz.token_sort_ratio(texts[index], other) for n, other in enumerate(texts) if n != index)

    # Ties (always, between two sources) go to the fuller passage.
    return cells[max(range(len(cells)), key=lambda index: (support(index), len(texts[index])))]
