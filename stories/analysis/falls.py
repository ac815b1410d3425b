"""Falls: how far someone fell, compared wherever each source says it.

A climbing story tells of a fall in sentences too unlike to link ("36-year-old Duncan
Raite ... slipped and fell around 200ft from a ridge" / "A 36-year-old Australian man died
after falling 150 meters from a ridge"). A number is a fall's length when it is a length
right after "fell", "falling", "plunged"... Two sources' falls are one person's when their
sentences give the same age; where each source tells of the same number of falls
and one is left over in each once the others are paired so, the two left are one too.
One person's falls that cannot both be true are a disagreement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .agreement import reported_alike, values_agree
from .found import Found
from .given_numbers import Given
from .model import Block
from .number_fact import Number
from .units import physical, unit_of

_FALL_BEFORE = re.compile(
    r"\b(?:fell|falling|fall|falls|plunged|plunging|plummeted|plummeting|tumbled|tumbling)\s+"
    r"(?:(?:about|around|some|nearly|almost|roughly|approximately|more\s+than|over)\s+)?$",
    re.I,
)


@dataclass(frozen=True)
class Fall:
    length: Number
    ages: frozenset[float]  # the ages its sentence gives


Falls = list[tuple[Block, Fall]]


def falls_of(numbers: Given) -> Falls:
    """A source's falls, in order."""
    falls: Falls = []
    for block, found in numbers:
        for number in found:
            if not number.measure or unit_of(number.measure).kind != "length" or not physical(number.measure):
                continue
            at = number.sentence.find(number.raw)
            if at < 0 or not _FALL_BEFORE.search(number.sentence, max(0, at - 40), at):
                continue
            ages = frozenset(
                other.value for other in found if other.measure == "age" and other.sentence == number.sentence
            )
            falls.append((block, Fall(number, ages)))
    return falls


def check_falls(found: Found, falls_a: Falls, falls_b: Falls) -> None:
    """One person's falls in the two sources that cannot both be true."""
    pairs = [(given_a, given_b) for given_a in falls_a for given_b in falls_b if given_a[1].ages & given_b[1].ages]
    paired_a, paired_b = {id(a) for a, _ in pairs}, {id(b) for _, b in pairs}
    left_a = [given for given in falls_a if id(given) not in paired_a]
    left_b = [given for given in falls_b if id(given) not in paired_b]
    if len(falls_a) == len(falls_b) and len(left_a) == len(left_b) == 1:
        pairs.append((left_a[0], left_b[0]))
    if len({id(a) for a, _ in pairs}) != len(pairs) or len({id(b) for _, b in pairs}) != len(pairs):
        return  # a fall paired twice: no telling whose is whose
    for (block_a, fall_a), (block_b, fall_b) in pairs:
        if not values_agree(fall_a.length, fall_b.length) and not reported_alike(found, fall_a.length, fall_b.length):
            found.add("number", (block_a, fall_a.length.text), (block_b, fall_b.length.text), "different falls")
