"""Links between corresponding sentences of two sources, the places where facts are
compared. A rewrite moves a sentence into another paragraph as often as not, so links may
cross rows; a link inside one row needs less evidence than one across rows."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .facts import Facts, extract
from .model import Block
from .text import content_terms, fold
from .vectors import tfidf, unit_rows

LINK_MIN = 0.2
SAME_ROW_BONUS = 0.15
MAX_SENTENCES = 4000  # per source; the rest of an enormous source is not linked


@dataclass(frozen=True)
class SentenceRef:
    block: Block
    index: int

    @property
    def text(self) -> str:
        return self.block.sentences[self.index].text


@dataclass(frozen=True)
class Link:
    a: SentenceRef
    b: SentenceRef
    score: float


class SentenceSpace:
    """Sentence vectors and facts of all original (non-repeat) blocks, computed once."""

    def __init__(self, blocks: list[Block]) -> None:
        self.refs: dict[str, list[SentenceRef]] = {}
        for block in blocks:
            if block.repeat_of is None:
                refs = self.refs.setdefault(block.source, [])
                if len(refs) < MAX_SENTENCES:
                    refs.extend(SentenceRef(block, i) for i in range(len(block.sentences)))
        flat = [r for refs in self.refs.values() for r in refs]
        self._rows: dict[str, np.ndarray] = {}
        start = 0
        for key, refs in self.refs.items():
            self._rows[key] = np.arange(start, start + len(refs))
            start += len(refs)
        self.vectors = unit_rows(tfidf([content_terms(fold(r.text)) for r in flat]))
        self._facts: dict[tuple[str, int], Facts] = {}

    def facts(self, ref: SentenceRef) -> Facts:
        key = (ref.block.id, ref.index)
        if key not in self._facts:
            self._facts[key] = extract(ref.text)
        return self._facts[key]

    def links(self, a: str, b: str, same_row: set[tuple[str, str]]) -> list[Link]:
        """Each sentence's best partner in the other source, when it is good enough."""
        ra, rb = self.refs.get(a, []), self.refs.get(b, [])
        if not ra or not rb:
            return []
        scores = self.vectors[self._rows[a]] @ self.vectors[self._rows[b]].T
        scores += SAME_ROW_BONUS * _same_row_mask(ra, rb, same_row)
        pairs = {(i, int(scores[i].argmax())) for i in range(len(ra))}
        pairs |= {(int(scores[:, j].argmax()), j) for j in range(len(rb))}
        return [Link(ra[i], rb[j], float(scores[i, j])) for i, j in sorted(pairs)
                if scores[i, j] >= LINK_MIN]


def _same_row_mask(ra: list[SentenceRef], rb: list[SentenceRef],
                   same_row: set[tuple[str, str]]) -> np.ndarray:
    """True where the two sentences' blocks share a row."""
    pos_a, pos_b = _positions(ra), _positions(rb)
    blocks = np.zeros((len(pos_a), len(pos_b)), dtype=bool)
    for x, y in same_row:
        if x in pos_a and y in pos_b:
            blocks[pos_a[x], pos_b[y]] = True
    ia = np.array([pos_a[r.block.id] for r in ra])
    ib = np.array([pos_b[r.block.id] for r in rb])
    return blocks[ia[:, None], ib[None, :]]


def _positions(refs: list[SentenceRef]) -> dict[str, int]:
    """Block id -> 0, 1, 2... in order of first appearance."""
    where: dict[str, int] = {}
    for r in refs:
        where.setdefault(r.block.id, len(where))
    return where
