"""A toll's part said of a named place: "killed more than 230,000 people, over 170,000 of
them in Aceh" gives Aceh's dead, which another source gives as "168,000 people were
killed in Indonesia's Aceh province".

A part of a count ("170,000 of them") counts nothing of its own, so the sentence-by-sentence
checks leave it alone (`numbers.counts_same`), and the whole it is a part of is another
fact (the ocean's dead, not the province's). But a part set in a named place is that
place's count of the harm its whole counts: where each source gives one value of a harm in
a place the two both name, and one of the two is such a part, at most one is right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .agreement import reported_alike, values_agree
from .found import Found
from .given_numbers import Given, one_value_each
from .harms import harm_of
from .model import Block
from .number_fact import Number
from .places import place_of
from .text import fold

Placed = dict[str, list[tuple[Block, Number]]]  # harm and place word -> its counts, where

_OF_THEM = re.compile(r"\s+of\s+(?:them|whom|those)\b", re.I)
_CAPITALISED = re.compile(r"\b[A-Z][\w'-]*")


@dataclass
class PlacedTolls:
    """A source's parts of tolls set in a named place, and (read only when some source of
    the pair has such a part: most stories have none) its tolls said of a named place."""

    numbers: Given

    @cached_property
    def parts(self) -> Placed:
        placed: Placed = {}
        for block, found in self.numbers:
            if not any(number.partial for number in found) or " of " not in found[0].sentence:
                continue  # the cheap test: no part of a count in the sentence
            harms = {harm_of(number) for number in found if not number.partial} - {""}
            if len(harms) != 1:
                continue
            harm = harms.pop()
            for number in found:
                if number.partial and _OF_THEM.match(number.sentence, _end(number)):
                    _place(placed, harm, block, number)
        return placed

    @cached_property
    def wholes(self) -> Placed:
        placed: Placed = {}
        for block, found in self.numbers:
            for number in found:
                if not number.partial and (harm := harm_of(number)):
                    _place(placed, harm, block, number)
        return placed


def _place(placed: Placed, harm: str, block: Block, number: Number) -> None:
    """File a toll under its harm and each name word of the place it is said of."""
    place = place_of(number)
    if place:
        named = {fold(word) for word in _CAPITALISED.findall(number.sentence)}
        for word in sorted(place & named):
            placed.setdefault(f"{harm} {word}", []).append((block, number))


def _end(number: Number) -> int:
    at = number.sentence.find(number.raw)
    return at + len(number.raw) if at >= 0 else len(number.sentence)


def check_placed(found: Found, placed_a: PlacedTolls, placed_b: PlacedTolls) -> None:
    """One value of a harm in a named place in each source, one of them a part of a toll."""
    if not (placed_a.parts or placed_b.parts):
        return
    given_a, given_b = _all(placed_a), _all(placed_b)
    for key in sorted(placed_a.parts.keys() | placed_b.parts.keys()):
        pair = one_value_each(given_a.get(key, []), given_b.get(key, []))
        if pair is None:
            continue
        (block_a, number_a), (block_b, number_b) = pair
        if not values_agree(number_a, number_b) and not reported_alike(found, number_a, number_b):
            harm, place = key.split()
            found.add(
                "number",
                (block_a, number_a.text),
                (block_b, number_b.text),
                f"different tolls in {place.title()}: {harm}",
            )


def _all(placed: PlacedTolls) -> Placed:
    keys = placed.parts.keys() | placed.wholes.keys()
    return {key: placed.parts.get(key, []) + placed.wholes.get(key, []) for key in keys}
