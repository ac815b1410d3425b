"""A source's numbers by the passage they stand in and by the kind of fact they give: what the
story-wide checks (tolls, crowds, populations, placed parts...) compare between sources."""

from __future__ import annotations

from collections.abc import Callable

from .model import Block
from .number_fact import Number

Given = list[tuple[Block, tuple[Number, ...]]]  # a source's numbers, by the block they stand in
ByKind = dict[str, list[tuple[Block, Number]]]  # a kind of fact -> the numbers given of it, where


def by_kind(numbers: Given, kind_of: Callable[[Number], str]) -> ByKind:
    """A source's numbers of the kinds `kind_of` names ("" for none), by kind, in order."""
    kinds: ByKind = {}
    for block, found in numbers:
        for number in found:
            kind = kind_of(number)
            if kind:
                kinds.setdefault(kind, []).append((block, number))
    return kinds


Placed = tuple[Block, Number]


def one_value_each(given_a: list[Placed], given_b: list[Placed]) -> tuple[Placed, Placed] | None:
    """The first place of each source's value of a thing, when each source gives it one
    value (however often): a source that gives two (of two markets, two days) says nothing
    of which the other's should be."""
    if len({number.value for _, number in given_a}) != 1 or len({number.value for _, number in given_b}) != 1:
        return None
    return given_a[0], given_b[0]
