"""Numbers the other source states too, elsewhere: a sum with and without its debt ("a
$13.2 billion acquisition" beside "values the acquisition at $13.9 billion, including
debt"), a count given twice. When a linked sentence of one source gives a value that the
other source gives of the same thing in another of its sentences, the two sentences state
two figures of one thing that both sources know, not a disagreement."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property

from .found import Found
from .model import Block, Conflict
from .number_fact import Number

CURRENCIES = frozenset("$€£¥")


class Stated:
    """The numbers one source states, by value, read once for all its pairs of sources, and
    only when a difference of sums is found, after the links' facts are read: they hold
    most of its numbers (`links.SentenceSpace.numbers`)."""

    def __init__(self, numbers: Callable[[], Iterable[Number]]) -> None:
        self._numbers = numbers

    @cached_property
    def by_value(self) -> dict[float, list[Number]]:
        by_value: dict[float, list[Number]] = {}
        for number in self._numbers():
            by_value.setdefault(number.value, []).append(number)
        return by_value

    def states(self, number: Number) -> bool:
        """Whether the source gives `number`'s value as a sum of money in its currency, of
        the same thing or of nothing named ("for $13.9 billion."; not "$13.9 billion in
        fines" for "a $13.9 billion acquisition"). Only sums: a count given twice in one
        source is most often two counts (one raid's seizures, and all raids')."""
        return any(_same_thing(number, other) for other in self.by_value.get(number.value, ()))


def _same_thing(number: Number, other: Number) -> bool:
    if number.unit != other.unit or number.measure != other.measure or number.ends or other.ends:
        return False
    if number.unit not in CURRENCIES:
        return False
    counted, other_counted = number.counts - {number.measure}, other.counts - {other.measure}
    return not (counted and other_counted) or bool(counted & other_counted)


class HeldSums:
    """Differences found in linked sentences between two sums of money, held until every
    link is read; other conflicts pass straight on."""

    def __init__(self) -> None:
        self.items: list[tuple[Conflict, tuple[Block, Block], tuple[Number, Number]]] = []

    def add(
        self, found: Found, item: Conflict, blocks: tuple[Block, Block], numbers: tuple[Number | None, Number | None]
    ) -> None:
        number_a, number_b = numbers
        if item.kind == "number" and number_a and number_b and number_a.unit in CURRENCIES:
            self.items.append((item, blocks, (number_a, number_b)))
        else:
            found.add(item.kind, (blocks[0], item.a.text), (blocks[1], item.b.text), item.note)

    def release(self, found: Found, stated: tuple[Stated, Stated]) -> None:
        """The sums held, less those whose value the other source gives too (`Stated`)."""
        for item, (block_a, block_b), (number_a, number_b) in self.items:
            if not (stated[1].states(number_a) or stated[0].states(number_b)):
                found.add(item.kind, (block_a, item.a.text), (block_b, item.b.text), item.note)
