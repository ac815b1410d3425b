"""What the compare page shows, built from a stored analysis (the `compare --json` form).

This is the one place that turns wire copy into markup: every piece of copy is escaped
here, and the <ins>/<del> marks of word changes are added around escaped text. Nothing
else in the project marks copy safe.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from stories.analysis.diff import word_diff

STATUS_LABELS = {"same": "Same", "changed": "Changed", "only-here": "Only here", "repeat": "Repeat"}
KIND_LABELS = {
    "number": "Number",
    "name": "Name",
    "date": "Date",
    "quote": "Quote",
    "attribution": "Attribution",
    "style": "House style",
    "other": "Claim",
}


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


@dataclass
class Passage:
    id: str
    number: int
    kind: str
    status: str
    html: SafeString
    repeat_of: int | None = None
    marked: bool = False

    @property
    def label(self) -> str:
        if self.repeat_of is not None:
            return f"Repeat of ¶{self.repeat_of}"
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
class ConflictView:
    number: int
    key: str  # names the conflict in the URL (?conflict=key): the same while its facts are shown
    kind: str
    a_text: str
    b_text: str
    a_passage: str
    b_passage: str
    a_column: Column
    b_column: Column
    note: str
    settlement: Any = None  # the desk's ConflictSettlement of these facts, when settled

    @property
    def a_number(self) -> int:
        return _number(self.a_passage)

    @property
    def b_number(self) -> int:
        return _number(self.b_passage)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def is_style(self) -> bool:
        return self.kind == "style"


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


def source_head(source) -> ColumnHead:
    """A source's column head; its versions come prefetched newest first (story_sources)."""
    newest = source.newest_first[0]
    return ColumnHead(str(source.provider), f"{source.item_id} · v{newest.number}", newest.received_at, source.pk)


def version_head(version) -> ColumnHead:
    who = version.created_by.get_username() if version.created_by else "someone"
    return ColumnHead(f"Version {version.number}", f"by {who} · {version.reason}", version.created_at)


def build_compare_page(
    result: dict,
    heads: list[ColumnHead],
    *,
    chosen_conflict: str | None = None,
    settlements: dict[str, Any] | None = None,
) -> ComparePage:
    """The page's columns, rows and conflicts; `heads` are in the order the texts were
    analysed; `settlements` (by conflict key) say which conflicts the desk has settled."""
    blocks = {block["id"]: block for source in result["sources"] for block in source["blocks"]}
    columns = [
        Column(key=entry["key"], head=head, word_count=_words(entry["blocks"]))
        for entry, head in zip(result["sources"], heads)
    ]
    marks = _change_marks(result["changes"], result["rows"])
    rows = [_row(n, row, columns, blocks, marks) for n, row in enumerate(result["rows"], start=1)]
    conflicts = _conflicts(result["conflicts"], columns, rows, settlements or {})
    chosen = next((c for c in conflicts if c.key == chosen_conflict), None)
    if chosen is not None:
        for row in rows:
            for passage in row.passages:
                passage.marked = passage.id in (chosen.a_passage, chosen.b_passage)
    repeat_count = sum(1 for block in blocks.values() if block["repeat_of"])
    return ComparePage(columns, rows, conflicts, repeat_count, chosen)


def _words(blocks: list[dict]) -> int:
    return sum(len(block["text"].split()) for block in blocks if not block["repeat_of"])


def _number(block_id: str) -> int:
    return int(block_id.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))


def _row(number: int, row: dict, columns: list[Column], blocks: dict, marks: dict) -> RowView:
    by_source = {cell["source"]: cell for cell in row["cells"]}
    cells = []
    for column in columns:
        cell = by_source.get(column.key)
        cells.append(CellView(column, _passages(cell, blocks, marks) if cell else []))
    return RowView(number=number, cells=cells)


def _passages(cell: dict, blocks: dict, marks: dict) -> list[Passage]:
    marked = marks.get(tuple(cell["blocks"]))
    passages = []
    for index, block_id in enumerate(cell["blocks"]):
        block = blocks[block_id]
        html = marked[index] if marked and index < len(marked) else escape(block["text"])
        repeat_of = _number(block["repeat_of"]) if block["repeat_of"] else None
        passages.append(Passage(block_id, _number(block_id), block["kind"], cell["status"], html, repeat_of))
    return passages


def _change_marks(changes: list[dict], rows: list[dict]) -> dict[tuple[str, ...], list[SafeString]]:
    """For each changed cell, its passages' markup: the row's first changed cell (the
    reference) strikes the words the next cell leaves out; every other cell underlines
    the words it has that the reference does not."""
    by_pair = {(tuple(c["a"]), tuple(c["b"])): c["ops"] for c in changes}
    marks: dict[tuple[str, ...], list[SafeString]] = {}
    for row in rows:
        changed = [tuple(cell["blocks"]) for cell in row["cells"] if cell["status"] == "changed"]
        if len(changed) < 2:
            continue
        reference = changed[0]
        for n, other in enumerate(changed[1:]):
            ops, flipped = _ops_between(by_pair, reference, other)
            if ops is None:
                continue
            own, theirs = ("+", "-") if flipped else ("-", "+")
            marks[other] = _side_html(ops, theirs, "ins")
            if n == 0:
                marks[reference] = _side_html(ops, own, "del")
    return marks


def _ops_between(by_pair: dict, a: tuple, b: tuple) -> tuple[list | None, bool]:
    if (a, b) in by_pair:
        return by_pair[(a, b)], False
    if (b, a) in by_pair:
        return by_pair[(b, a)], True
    return None, False


def _side_html(ops: list, own_op: str, tag: str) -> list[SafeString]:
    """One side of a word diff as escaped HTML, its own words wrapped in `tag`; one
    string per passage (the passages of a cell are joined by newlines in the diff)."""
    parts: list[str] = []
    for op, text in ops:
        if op == "=":
            parts.append(escape(text))
        elif op == own_op:
            pieces = text.split("\n")
            parts.append("\n".join(f"<{tag}>{escape(piece)}</{tag}>" if piece else "" for piece in pieces))
    return [mark_safe(passage) for passage in "".join(parts).split("\n")]


def _conflicts(
    entries: list[dict], columns: list[Column], rows: list[RowView], settlements: dict[str, Any]
) -> list[ConflictView]:
    column_of = {column.key: column for column in columns}
    row_of = {passage.id: row for row in rows for passage in row.passages}
    conflicts = []
    keys: Counter[str] = Counter()
    for number, entry in enumerate(entries, start=1):
        a, b = entry["a"], entry["b"]
        key = conflict_key(entry["kind"], a["text"], b["text"])
        keys[key] += 1
        conflict = ConflictView(
            number=number,
            key=key if keys[key] == 1 else f"{key}-{keys[key]}",
            kind=entry["kind"],
            a_text=a["text"],
            b_text=b["text"],
            a_passage=a["block"],
            b_passage=b["block"],
            a_column=column_of[a["block"].rstrip("0123456789")],
            b_column=column_of[b["block"].rstrip("0123456789")],
            note=entry.get("note", ""),
            settlement=settlements.get(key),
        )
        conflicts.append(conflict)
        if not conflict.is_style:
            for passage in (a["block"], b["block"]):
                if passage in row_of and number not in row_of[passage].conflicts:
                    row_of[passage].conflicts.append(number)
    return conflicts


def conflict_key(kind: str, a_text: str, b_text: str) -> str:
    """A short name for a conflict made of what it is, not where it falls in the list: a
    shared link still opens the same conflict after a source gets a new version or the
    sources are chosen in another order (the two values are taken in sorted order)."""
    facts = "\x1f".join([kind, *sorted([a_text, b_text])])
    return hashlib.sha256(facts.encode()).hexdigest()[:10]


def inline_diff(old: str, new: str) -> SafeString:
    """The words of `new`, with what `old` had instead struck through: for "what changed since"."""
    ops, _complete = word_diff(old, new)
    parts: list[str] = []
    for op, text in ops:
        if op == "=":
            parts.append(escape(text))
        else:
            parts.append(f"<{'ins' if op == '+' else 'del'}>{escape(text)}</{'ins' if op == '+' else 'del'}>")
    return mark_safe("".join(parts))
