"""The compare page's list of conflicting facts, built from a stored analysis (the
`compare --json` form): one entry per fact, with every source's value and the passage that
states it, named by `conflict_key` in links and settlements. No markup is made here: the
words of a chosen fact are marked in `compare_page`, with the rest of the copy.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from stories.analysis.model import Conflict, passage_number
from stories.services.conflicts import entry_key

if TYPE_CHECKING:
    from stories.views.compare_page import Column

KIND_LABELS = {
    "number": "Number",
    "name": "Name",
    "date": "Date",
    "quote": "Quote",
    "attribution": "Attribution",
    "style": "Style or wording",
    "other": "Claim",
}


@dataclass(frozen=True)
class ValueView:
    """One source's value of a conflicting fact, and the passage that states it."""

    text: str
    passage: str
    column: Column

    @property
    def number(self) -> int:
        return passage_number(self.passage)


@dataclass(frozen=True)
class SourceValues:
    """What one source says of a conflicting fact: its value (rarely two), and where."""

    column: Column
    values: tuple[ValueView, ...]

    @property
    def texts(self) -> list[str]:
        return list(dict.fromkeys(value.text for value in self.values))

    @property
    def places(self) -> str:
        return ", ".join(dict.fromkeys(f"¶{value.number}" for value in self.values))


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
    values: tuple[ValueView, ...] = ()  # every source's value: a, b, then those of further sources

    @property
    def passages(self) -> list[str]:
        return list(dict.fromkeys(value.passage for value in self.values))

    @property
    def by_source(self) -> list[SourceValues]:
        """Each source once, with its value(s), in the order the values come."""
        columns: dict[str, list[ValueView]] = {}
        for value in self.values:
            columns.setdefault(value.column.key, []).append(value)
        return [SourceValues(values[0].column, tuple(values)) for values in columns.values()]

    def words_in(self, passage: str) -> tuple[str, ...]:
        return tuple(value.text for value in self.values if value.passage == passage)

    @property
    def a_number(self) -> int:
        return passage_number(self.a_passage)

    @property
    def b_number(self) -> int:
        return passage_number(self.b_passage)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def is_style(self) -> bool:
        return self.kind == "style"


def conflict_views(
    entries: tuple[Conflict, ...], column_of: dict[str, Column], settlements: dict[str, Any]
) -> list[ConflictView]:
    """The conflicts in the order the analysis lists them, numbered from 1; `settlements`
    (by conflict key) say which the desk has settled. A fact listed twice (the same values
    in other passages) keeps its key the first time, then gets "-2", "-3" ..."""
    conflicts = []
    keys: Counter[str] = Counter()
    for number, entry in enumerate(entries, start=1):
        key = entry_key(entry)
        keys[key] += 1
        values = tuple(ValueView(value.text, value.block, column_of[value.source]) for value in entry.values)
        conflicts.append(
            ConflictView(
                number=number,
                key=key if keys[key] == 1 else f"{key}-{keys[key]}",
                kind=entry.kind,
                a_text=values[0].text,
                b_text=values[1].text,
                a_passage=values[0].passage,
                b_passage=values[1].passage,
                a_column=values[0].column,
                b_column=values[1].column,
                note=entry.note,
                settlement=settlements.get(key),
                values=values,
            )
        )
    return conflicts
