"""The plain data the text engine hands out: frozen dataclasses, no behaviour to speak of."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

BLOCK_KINDS = ("standfirst", "headline", "dek", "byline", "dateline", "body", "other")
CELL_STATUSES = ("same", "changed", "only-here", "repeat")
CONFLICT_KINDS = ("number", "name", "date", "quote", "attribution", "style", "other")
SOURCE_KEY_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # a block id is its source's key and a number: "B7"


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

    `id` is the source's key and the passage's number ("B7": source B's seventh passage).
    `text` is for display (as the source wrote it, markup markers removed); `norm` is the
    normalised form that comparisons use. `lines` is the inclusive 1-based line range.
    `repeated_sentences` lists (sentence, earlier sentence) index pairs repeated inside
    this one block. A stored result (`report.from_json`) keeps what pages read: its blocks
    have no `norm` and no `sentences`.
    """

    id: str
    source: str
    index: int
    kind: str
    text: str
    lines: tuple[int, int]
    norm: str = ""
    sentences: tuple[Sentence, ...] = ()
    repeat_of: str | None = None
    repeated_sentences: tuple[tuple[int, int], ...] = ()

    @property
    def number(self) -> int:
        """The passage's number in its source, from 1: what the desk calls "¶7"."""
        return passage_number(self.id)


def passage_number(block_id: str) -> int:
    """The number in a block id: 7 for "B7"."""
    return int(block_id.lstrip(SOURCE_KEY_LETTERS))


def source_key(block_id: str) -> str:
    """The source's key in a block id: "B" for "B7"."""
    return block_id.rstrip("0123456789")


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
    """A value of a conflicting fact (`text`, as one source writes it) and the block that states it."""

    block: str
    text: str

    @property
    def source(self) -> str:
        return source_key(self.block)

    @property
    def number(self) -> int:
        return passage_number(self.block)


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

    @property
    def values(self) -> tuple[FactRef, ...]:
        """Every source's value: `a`, `b`, then those of further sources."""
        return (self.a, self.b, *self.more)


@dataclass(frozen=True)
class Comparison:
    sources: tuple[Source, ...]
    rows: tuple[Row, ...]
    changes: tuple[Change, ...] = ()
    conflicts: tuple[Conflict, ...] = field(default=())

    def block(self, block_id: str) -> Block:
        """The block with this id (e.g. "B7"); KeyError when there is none."""
        return self.blocks_by_id[block_id]

    @cached_property
    def blocks_by_id(self) -> dict[str, Block]:
        return {block.id: block for source in self.sources for block in source.blocks}
