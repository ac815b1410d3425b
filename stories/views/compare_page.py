"""What the compare page shows, built from a stored analysis (the `compare --json` form).

This is the one place that turns wire copy into markup: every piece of copy is escaped
here, and the <ins>/<del> marks of word changes and the <mark> of a chosen conflict's words
are added around escaped text. Nothing else in the project marks copy safe.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import groupby
from operator import itemgetter
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from stories.analysis.diff import word_diff
from stories.analysis.model import Block, Cell, Change, Comparison, Row, passage_number
from stories.analysis.text import STOPWORDS, fold
from stories.views.compare_conflicts import ConflictView, conflict_views

STATUS_LABELS = {"same": "Same", "changed": "Changed", "only-here": "Only here", "repeat": "Repeat"}
# Two passages that share less than this share of their words are rewrites of each other:
# shown plainly with the words they share marked, not as a wall of strike-through against a
# wall of underline (benchmarks/rewrite_walls.py measures how often that happened).
REWRITE_MARKED = 0.6
# How each kind of piece is written: a word change, or the words a rewrite shares.
PIECE_TAGS = {"ins": ("<ins>", "</ins>"), "del": ("<del>", "</del>"), "shared": ('<span class="shared">', "</span>")}


@dataclass(frozen=True)
class ColumnHead:
    """What heads a column: a source (its provider and item) or an article version."""

    title: str
    detail: str
    when: datetime
    source_id: int | None = None


@dataclass(frozen=True)
class Column:
    key: str
    head: ColumnHead
    word_count: int


Ops = Sequence[tuple[str, str]]  # a word diff: ("=", "-" or "+", text)
Piece = tuple[str, str]  # a run of a passage's text, and how it is marked ("ins", "del", "shared" or "")


@dataclass
class Passage:
    id: str
    number: int
    kind: str
    status: str
    pieces: list[Piece]  # the passage's text, cut where the word changes start and end
    repeat_of: int | None = None
    marked: bool = False
    words: tuple[str, ...] = ()  # the chosen conflict's values in this passage: marked where they stand
    rewritten: bool = False  # told in other words: the words it shares with the row's first source are marked

    @property
    def html(self) -> SafeString:
        return passage_html(self.pieces, self.words)

    @property
    def label(self) -> str:
        if self.repeat_of is not None:
            return f"Repeat of ¶{self.repeat_of}"
        if self.rewritten:
            return "Rewritten"
        return STATUS_LABELS[self.status]


@dataclass
class CellView:
    column: Column
    passages: list[Passage]


@dataclass
class RowView:
    number: int
    cells: list[CellView]
    conflicts: list[int] = field(default_factory=list)

    @property
    def passages(self) -> list[Passage]:
        return [passage for cell in self.cells for passage in cell.passages]

    @property
    def statuses(self) -> set[str]:
        return {passage.status for passage in self.passages}

    @property
    def is_repeat(self) -> bool:
        return self.statuses == {"repeat"}

    @property
    def is_difference(self) -> bool:
        return bool(self.conflicts) or bool(self.statuses & {"changed", "only-here"})


@dataclass(frozen=True)
class Fold:
    """A run of rows that differ in nothing, folded away when only differences are shown."""

    first: int
    last: int

    is_fold = True

    @property
    def count(self) -> int:
        return self.last - self.first + 1


@dataclass
class ComparePage:
    columns: list[Column]
    rows: list[RowView]
    conflicts: list[ConflictView]
    repeat_count: int
    chosen_conflict: ConflictView | None = None

    @property
    def fact_conflicts(self) -> list[ConflictView]:
        return [conflict for conflict in self.conflicts if not conflict.is_style]

    @property
    def style_differences(self) -> list[ConflictView]:
        return [conflict for conflict in self.conflicts if conflict.is_style]

    @property
    def difference_index(self) -> list[tuple[int, bool]]:
        """The numbers of the rows that differ, and whether each holds a conflicting fact."""
        return [(row.number, bool(row.conflicts)) for row in self.rows if row.is_difference]

    def shown_rows(self, only_differences: bool) -> list[RowView | Fold]:
        """The rows, or with `only_differences` the rows that differ and a Fold for each run
        of the others (a 160-row story of four sources reads in a screen or two)."""
        if not only_differences:
            return list(self.rows)
        shown: list[RowView | Fold] = []
        for differs, run in groupby(self.rows, key=lambda row: row.is_difference):
            rows = list(run)
            shown += rows if differs else [Fold(rows[0].number, rows[-1].number)]
        return shown


def source_head(source, label: str) -> ColumnHead:
    """A source's column head, named `label` (services.analysis.short_labels); its versions
    come prefetched newest first (story_sources)."""
    newest = source.newest_first[0]
    return ColumnHead(label, f"{source.item_id} · v{newest.number}", newest.received_at, source.pk)


def version_head(version) -> ColumnHead:
    who = version.created_by.get_username() if version.created_by else "someone"
    return ColumnHead(f"Version {version.number}", f"by {who} · {version.reason}", version.created_at)


def build_compare_page(
    result: Comparison,
    heads: list[ColumnHead],
    *,
    chosen_conflict: str | None = None,
    settlements: dict[str, Any] | None = None,
) -> ComparePage:
    """The page's columns, rows and conflicts; `heads` are in the order the texts were
    analysed; `settlements` (by conflict key) say which conflicts the desk has settled."""
    columns = [
        Column(key=source.key, head=head, word_count=_words(source.blocks))
        for source, head in zip(result.sources, heads)
    ]
    marks = _change_marks(result.changes, result.rows)
    rows = [_row(n, row, columns, result.blocks_by_id, marks) for n, row in enumerate(result.rows, start=1)]
    conflicts = conflict_views(result.conflicts, {column.key: column for column in columns}, settlements or {})
    _flag_conflict_rows(rows, conflicts)
    chosen = next((c for c in conflicts if c.key == chosen_conflict), None)
    if chosen is not None:
        stating = set(chosen.passages)
        for row in rows:
            for passage in row.passages:
                passage.marked = passage.id in stating
                passage.words = chosen.words_in(passage.id) if passage.marked else ()
    repeat_count = sum(1 for block in result.blocks_by_id.values() if block.repeat_of)
    return ComparePage(columns, rows, conflicts, repeat_count, chosen)


def _words(blocks: tuple[Block, ...]) -> int:
    return sum(len(block.text.split()) for block in blocks if not block.repeat_of)


def _row(number: int, row: Row, columns: list[Column], blocks: dict[str, Block], marks: Marks) -> RowView:
    by_source = {cell.source: cell for cell in row.cells}
    cells = []
    for column in columns:
        cell = by_source.get(column.key)
        cells.append(CellView(column, _passages(cell, blocks, marks) if cell else []))
    return RowView(number=number, cells=cells)


def _passages(cell: Cell, blocks: dict[str, Block], marks: Marks) -> list[Passage]:
    marked, rewritten = marks.get(cell.blocks, (None, False))
    passages = []
    for index, block_id in enumerate(cell.blocks):
        block = blocks[block_id]
        pieces = marked[index] if marked and index < len(marked) else [(block.text, "")]
        repeat_of = passage_number(block.repeat_of) if block.repeat_of else None
        passage = Passage(block_id, block.number, block.kind, cell.status, pieces, repeat_of)
        passage.rewritten = rewritten
        passages.append(passage)
    return passages


Marks = dict[tuple[str, ...], tuple[list[list[Piece]], bool]]


def _change_marks(changes: tuple[Change, ...], rows: tuple[Row, ...]) -> Marks:
    """For each changed cell, its passages' pieces and whether it is a rewrite: the row's
    first changed cell (the reference) strikes the words the next cell leaves out; every
    other cell underlines the words it has that the reference does not. Where both sides of
    a pair would be mostly marked (a rewrite), each marks the words they share instead."""
    by_pair = {(change.a, change.b): change.ops for change in changes}
    marks: Marks = {}
    for row in rows:
        changed = [cell.blocks for cell in row.cells if cell.status == "changed"]
        if len(changed) < 2:
            continue
        reference = changed[0]
        for n, other in enumerate(changed[1:]):
            ops, flipped = _ops_between(by_pair, reference, other)
            if ops is None:
                continue
            own, theirs = ("+", "-") if flipped else ("-", "+")
            if is_rewrite(ops, own, theirs):
                mine, yours = _side_text(ops, own), _side_text(ops, theirs)
                marks[other] = (_shared_pieces(yours, mine), True)
                if n == 0:
                    marks[reference] = (_shared_pieces(mine, yours), True)
                continue
            marks[other] = (_side_pieces(ops, theirs, "ins"), False)
            if n == 0:
                marks[reference] = (_side_pieces(ops, own, "del"), False)
    return marks


def _side_text(ops: Ops, own_op: str) -> str:
    return "".join(text for op, text in ops if op in ("=", own_op))


_WORD = re.compile(r"[\w’'-]+")


def _shared_pieces(text: str, other: str) -> list[list[Piece]]:
    """The passages of `text` (joined by newlines), each word marked "shared" where `other`
    has it too: the words that carry meaning, not "the" or "said", and in any order, since a
    rewrite moves them about."""
    theirs = {word for word in map(_key, _WORD.findall(other)) if word not in STOPWORDS}
    passages: list[list[Piece]] = []
    for line in text.split("\n"):
        pieces: list[Piece] = []
        start = 0
        for found in _WORD.finditer(line):
            if _key(found.group()) in theirs:
                pieces += [(line[start : found.start()], ""), (found.group(), "shared")]
                start = found.end()
        pieces.append((line[start:], ""))
        passages.append([piece for piece in pieces if piece[0]])
    return passages


def _key(word: str) -> str:
    """A word as a rewrite may write it too: any case and accents, a possessive's "s" off."""
    return fold(word).removesuffix(" s")


def is_rewrite(ops: Ops, own_op: str, their_op: str) -> bool:
    """Whether each side of a word diff has more than REWRITE_MARKED of its words changed."""
    return marked_share(ops, own_op) > REWRITE_MARKED and marked_share(ops, their_op) > REWRITE_MARKED


def marked_share(ops: Ops, own_op: str) -> float:
    """The share of one side's words (`own_op` and "=") that the diff marks as its own."""
    own = sum(len(text.split()) for op, text in ops if op == own_op)
    total = own + sum(len(text.split()) for op, text in ops if op == "=")
    return own / total if total else 0.0


def _ops_between(
    by_pair: Mapping[tuple[tuple[str, ...], tuple[str, ...]], Ops], a: tuple[str, ...], b: tuple[str, ...]
) -> tuple[Ops | None, bool]:
    if (a, b) in by_pair:
        return by_pair[(a, b)], False
    if (b, a) in by_pair:
        return by_pair[(b, a)], True
    return None, False


def _side_pieces(ops: Ops, own_op: str, tag: str, *, shared: str = "") -> list[list[Piece]]:
    """One side of a word diff, its own words tagged `tag` and the words both sides have
    `shared`; one list of pieces per passage (the passages of a cell are joined by newlines
    in the diff)."""
    passages: list[list[Piece]] = [[]]
    for op, text in ops:
        if op not in ("=", own_op):
            continue
        for n, line in enumerate(text.split("\n")):
            if n:
                passages.append([])
            if line:
                passages[-1].append((line, shared if op == "=" else tag))
    return passages


def passage_html(pieces: list[Piece], words: tuple[str, ...] = ()) -> SafeString:
    """A passage as escaped HTML: its changed words in <ins> or <del>, and where `words`
    (a chosen conflict's values) stand, <mark class="conflict-words"> around them. The
    text is cut at those places first and each cut escaped, so no mark splits an entity."""
    spans = _spans("".join(text for text, _tag in pieces), words)
    cuts: list[tuple[str, bool]] = []  # escaped HTML, and whether it is a conflict's words
    start = 0
    for text, tag in pieces:
        opening, closing = PIECE_TAGS.get(tag, ("", ""))
        for cut, marked in _cuts(start, text, spans):
            cuts.append((f"{opening}{escape(cut)}{closing}", marked))
        start += len(text)
    html = []
    for marked, run in groupby(cuts, key=itemgetter(1)):
        inner = "".join(cut for cut, _marked in run)
        html.append(f'<mark class="conflict-words">{inner}</mark>' if marked else inner)
    return mark_safe("".join(html))


def _spans(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the words stand in the text, overlaps joined: as whole words where they
    stand so, else in any letter case, else anywhere."""
    found = []
    for word in filter(None, (word.strip() for word in words)):
        escaped = re.escape(word)
        for pattern, flags in ((rf"(?<!\w){escaped}(?!\w)", 0), (rf"(?<!\w){escaped}(?!\w)", re.I), (escaped, re.I)):
            matches = [match.span() for match in re.finditer(pattern, text, flags)]
            if matches:
                found.extend(matches)
                break
    spans: list[tuple[int, int]] = []
    for begin, end in sorted(found):
        if spans and begin <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((begin, end))
    return spans


def _cuts(start: int, text: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """A piece of text starting at offset `start`, cut where the spans begin and end:
    each cut, and whether it lies in a span."""
    edges = sorted({0, len(text)} | {edge - start for span in spans for edge in span if 0 < edge - start < len(text)})
    return [
        (text[a:b], any(begin <= start + a < end for begin, end in spans)) for a, b in zip(edges, edges[1:]) if b > a
    ]


def _flag_conflict_rows(rows: list[RowView], conflicts: list[ConflictView]) -> None:
    """Each row learns the (numbers of the) conflicting facts its passages state."""
    row_of = {passage.id: row for row in rows for passage in row.passages}
    for conflict in conflicts:
        if not conflict.is_style:
            for passage in conflict.passages:
                if passage in row_of and conflict.number not in row_of[passage].conflicts:
                    row_of[passage].conflicts.append(conflict.number)


def inline_diff(old: str, new: str) -> SafeString:
    """The words of `new`, with what `old` had instead struck through: for "what changed since"."""
    ops, _complete = word_diff(old, new)
    return passage_html([(text, {"+": "ins", "-": "del"}.get(op, "")) for op, text in ops])
