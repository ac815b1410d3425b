"""Numbers the other source states too, elsewhere: a sum with and without its debt ("a
$13.2 billion acquisition" beside "values the acquisition at $13.9 billion, including
debt"), a count given twice. When a linked sentence of one source gives a value that the
other source gives of the same thing in another of its sentences, the two sentences state
two figures of one thing that both sources know, not a disagreement."""

from __future__ import annotations

from collections.abc import Iterable

from .quantities import Number

CURRENCIES = frozenset("$€£¥")


class Stated:
    """The numbers one source states, by value, read once for all its pairs of sources."""

    def __init__(self, numbers: Iterable[Number]) -> None:
        self.by_value: dict[float, list[Number]] = {}
        for number in numbers:
            self.by_value.setdefault(number.value, []).append(number)

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
