"""The plain data the text engine hands out: frozen dataclasses, no behaviour to speak of."""

from __future__ import annotations

from dataclasses import dataclass, field

BLOCK_KINDS = ("standfirst", "headline", "dek", "byline", "dateline", "body", "other")
CELL_STATUSES = ("same", "changed", "only-here", "repeat")
CONFLICT_KINDS = ("number", "name", "date", "quote", "attribution", "style", "other")


@dataclass(frozen=True)
class SourceText:
    """One source as the engine takes it: already-decoded text and the name it goes by."""

    name: str
    text: str


@dataclass(frozen=True)
class Sentence:
    """A sentence of a block; `start`/`end` are offsets into the block's display text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Block:
    """A passage of a source: a headline, a dek, a body paragraph...

    `text` is for display (as the source wrote it, markup markers removed); `norm` is the
    normalised form that comparisons use. `lines` is the inclusive 1-based line range.
    `repeated_sentences` lists (sentence, earlier sentence) index pairs repeated inside
    this one block.
    """

    id: str
    source: str
    index: int
    kind: str
    text: str
    norm: str
    lines: tuple[int, int]
    sentences: tuple[Sentence, ...]
    repeat_of: str | None = None
    repeated_sentences: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Source:
    key: str
    name: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Cell:
    source: str
    blocks: tuple[str, ...]
    status: str


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Change:
    """Word-level changes from side `a` to side `b`: ops are ("=", "-" or "+", text).

    `complete` is False when diff-match-patch hit its time limit and the ops are coarser
    than they could be (still correct: they rebuild both texts).
    """

    a: tuple[str, ...]
    b: tuple[str, ...]
    ops: tuple[tuple[str, str], ...]
    complete: bool = True


@dataclass(frozen=True)
class FactRef:
    block: str
    text: str


@dataclass(frozen=True)
class Conflict:
    """A fact on which sources disagree: `a` and `b` are the values of the first two
    sources found to differ; `more` holds the values of further sources when three or more
    state the fact (empty between two sources)."""

    kind: str
    a: FactRef
    b: FactRef
    note: str = ""
    more: tuple[FactRef, ...] = ()


@dataclass(frozen=True)
class Comparison:
    sources: tuple[Source, ...]
    rows: tuple[Row, ...]
    changes: tuple[Change, ...] = ()
    conflicts: tuple[Conflict, ...] = field(default=())

    def block(self, block_id: str) -> Block:
        """The block with this id (e.g. "B7")."""
        for source in self.sources:
            for block in source.blocks:
                if block.id == block_id:
                    return block
        raise KeyError(block_id)
