"""A toll's part said of a named place: "killed more than 230,000 people, over 170,000 of
them in Aceh" gives Aceh's dead, which another source gives as "168,000 people were
killed in Indonesia's Aceh province".

A part of a count ("170,000 of them") counts nothing of its own, so the sentence-by-sentence
checks leave it alone (`numbers._counts_same`), and the whole it is a part of is another
fact (the ocean's dead, not the province's). But a part set in a named place is that
place's count of the harm its whole counts: where each source gives one value of a harm in
a place the two both name, and one of the two is such a part, at most one is right.
"""

from __future__ import annotations

import re

from .agreement import reported_alike, values_agree
from .found import Found
from .harms import harm_of
from .model import Block
from .places import place_of
from .quantities import Given, Number, one_value_each
from .text import fold

Placed = dict[str, list[tuple[Block, Number, bool]]]  # harm and place word -> its counts, where, a part or not

_OF_THEM = re.compile(r"\s+of\s+(?:them|whom|those)\b", re.I)
_CAPITALISED = re.compile(r"\b[A-Z][\w'-]*")


def placed_of(numbers: Given) -> Placed:
    """A source's tolls said of a named place, and the parts of its tolls set in one."""
    placed: Placed = {}
    for block, found in numbers:
        harms = {harm_of(number) for number in found if not number.partial} - {""}
        for number in found:
            part = number.partial and _OF_THEM.match(number.sentence, _end(number)) is not None
            harm = (harms.pop() if len(harms) == 1 else "") if part else harm_of(number)
            if not harm or not (place := place_of(number)):
                continue
            named = {fold(word) for word in _CAPITALISED.findall(number.sentence)}
            for word in sorted(place & named):
                placed.setdefault(f"{harm} {word}", []).append((block, number, part))
    return placed


def _end(number: Number) -> int:
    at = number.sentence.find(number.raw)
    return at + len(number.raw) if at >= 0 else len(number.sentence)


def check_placed(found: Found, placed_a: Placed, placed_b: Placed) -> None:
    """One value of a harm in a named place in each source, one of them a part of a toll."""
    for key, given_a in placed_a.items():
        given_b = placed_b.get(key, [])
        if not any(part for _, _, part in given_a + given_b):
            continue  # two whole tolls of a place: the tolls check's (`tolls`)
        pair = one_value_each([(b, n) for b, n, _ in given_a], [(b, n) for b, n, _ in given_b])
        if pair is None:
            continue
        (block_a, number_a), (block_b, number_b) = pair
        if not values_agree(number_a, number_b) and not reported_alike(found, number_a, number_b):
            note = f"different tolls in {key.split()[1].title()}: {key.split()[0]}"
            found.add("number", (block_a, number_a.text), (block_b, number_b.text), note)
