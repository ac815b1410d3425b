"""The automatic first draft of a story's article, from a stored analysis.

Pure functions over the analysis (the `compare --json` form) and a little about each
source: no database. Repeats are left out. The draft follows one source, the lead: the
desk's preferred provider's, else the first received. Each aligned row gives one
paragraph, the lead's passage where it has one, so that a name keeps one spelling and a
figure one value throughout; where the lead has none, the best-supported passage of the
others (the one whose words the row's other passages share most), unless it only says
again what the draft already says (`restates`): compose lists it among the passages the
draft leaves out, with that reason.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from stories.analysis.model import Block, Cell, Comparison
from stories.analysis.text import STOPWORDS, fold

HEADLINE_KINDS = ("headline",)
# A summary printed before the headline is the aggregator's, not the story's: the dek that
# follows the headline says the same, and stays.
LEFT_OUT_KINDS = {"standfirst"}
# Passages that are the article's other lines (stories.credits), never paragraphs of its
# body. A dek stays in the body: the engine reads a short first sentence as one too often.
LINE_KINDS = ("byline", "dateline")


@dataclass(frozen=True)
class SourceInfo:
    """What drafting needs to know of one analysed source (keyed A, B, ... as analysed)."""

    key: str
    source_id: int
    version_id: int
    provider: str
    preferred: bool = False
    label: str = ""  # the story's name for the source (services.analysis.short_labels)


def automatic_draft(result: Comparison, sources: list[SourceInfo]) -> tuple[str, list[dict], dict[str, str]]:
    """The headline and the paragraphs of a first draft, each paragraph with its provenance,
    and the lines it found for the byline and dateline (by kind)."""
    info = {source.key: source for source in sources}
    blocks = result.blocks_by_id
    lead = lead_source(result, info)
    headline, paragraphs, lines = "", list[dict](), dict[str, str]()
    said = Said()  # what the draft states so far, grown as it is written
    for number, row in enumerate(result.rows, start=1):
        cells = [cell for cell in row.cells if cell.status != "repeat"]
        if not cells:
            continue
        chosen = next((cell for cell in cells if cell.source == lead), None) or _choose(cells, blocks, info)
        kinds = {blocks[block_id].kind for block_id in chosen.blocks}
        if kinds <= LEFT_OUT_KINDS:
            continue
        if not headline and kinds & set(HEADLINE_KINDS):
            headline = cell_text(chosen, blocks)
            continue
        text = cell_text(chosen, blocks)
        if len(kinds) == 1 and (kind := next(iter(kinds))) in LINE_KINDS:
            lines.setdefault(kind, text)
            said.add(text)
            continue
        if chosen.source != lead and said.restates(text):
            continue
        said.add(text)
        # The row names the paragraph: two editors' automatic drafts of one analysis share
        # ids, so a merge of their saves knows the same paragraph when it sees it.
        paragraphs.append(paragraph_from_cells([chosen], blocks, info, row=number, pid=f"r{number}"))
    return headline, paragraphs, lines


def lead_source(result: Comparison, info: dict[str, SourceInfo]) -> str:
    """The key of the source the draft follows: the preferred provider's, else the first
    received (the sources are analysed in the order they arrived): the copy a desk starts
    from, adding what the others have."""
    keys = [source.key for source in result.sources]
    return next((key for key in keys if info[key].preferred), keys[0] if keys else "")


@dataclass
class Said:
    """The words and figures a draft states, read once: each passage is then checked
    against them without reading the whole draft again."""

    terms: set[str] = field(default_factory=set)
    numbers: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, texts: Iterable[str]) -> Said:
        said = cls()
        for text in texts:
            said.add(text)
        return said

    def add(self, text: str) -> None:
        terms, numbers = _terms(text)
        self.terms |= terms
        self.numbers |= numbers

    def restates(self, text: str) -> bool:
        """Whether `text` only says again what is said: every figure in it stated already
        and half of its other words (of any weight) too, or, without a figure, four words
        in five. A figure the draft does not state is news (or a conflicting value), never
        a restatement, however much else is the same."""
        terms, numbers = _terms(text)
        if not terms or not numbers <= self.numbers:
            return False
        share = len(terms & self.terms) / len(terms)
        return (bool(numbers) and share >= 0.5) or share >= 0.8


def restates(text: str, stated: list[str]) -> bool:
    """Whether `text` only says again what the `stated` paragraphs say (Said.restates)."""
    return Said.of(stated).restates(text)


def _terms(text: str) -> tuple[set[str], set[str]]:
    words = fold(text).split()
    numbers = {word for word in words if any(char.isdigit() for char in word)}
    return {word for word in words if word not in STOPWORDS and len(word) > 2} | numbers, numbers


def paragraph_from_cells(
    cells: list[Cell], blocks: dict[str, Block], info: dict[str, SourceInfo], *, row: int | None, pid: str
) -> dict:
    """One paragraph made of whole cells, remembering which passages it came from; `pid` is
    its id, which it keeps through edits, moves and every version saved from the draft."""
    text = " ".join(cell_text(cell, blocks) for cell in cells)
    provenance = [
        {
            "source": info[cell.source].source_id,
            "version": info[cell.source].version_id,
            "provider": info[cell.source].provider,
            "block": block_id,
            "paragraph": blocks[block_id].number,
        }
        for cell in cells
        for block_id in cell.blocks
    ]
    return {"id": pid, "text": text, "sources": provenance, "row": row, "edited": False}


def new_paragraph_id() -> str:
    return "p" + secrets.token_hex(4)


def with_ids(paragraphs: list[dict]) -> list[dict]:
    """The paragraphs, each with an id: those saved before paragraphs had ids get one from
    their place, the same every time they are read."""
    return [paragraph if "id" in paragraph else {**paragraph, "id": f"n{n}"} for n, paragraph in enumerate(paragraphs)]


def cell_text(cell: Cell, blocks: dict[str, Block]) -> str:
    return " ".join(blocks[block_id].text for block_id in cell.blocks)


def _choose(cells: list[Cell], blocks: dict[str, Block], info: dict[str, SourceInfo]) -> Cell:
    preferred = [cell for cell in cells if info[cell.source].preferred]
    if preferred:
        return preferred[0]
    if len(cells) == 1:
        return cells[0]
    texts = [cell_text(cell, blocks) for cell in cells]

    def support(index: int) -> float:
        return sum(fuzz.token_sort_ratio(texts[index], other) for n, other in enumerate(texts) if n != index)

    # Ties (always, between two sources) go to the fuller passage.
    return cells[max(range(len(cells)), key=lambda index: (support(index), len(texts[index])))]
