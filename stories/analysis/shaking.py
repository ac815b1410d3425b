"""How long a story's earthquake shook, compared wherever each source gives it.

Beside the magnitude, the length of the shaking is the figure a quake story gives ("the
quake shook houses for around one minute" / "the quake was felt for around 15 seconds"),
often in sentences too unlike to link. A number is such a length when it counts seconds or
minutes, "for" or "lasted" stands just before it, and its clause names the quake. Where
each source gives one length, and the two cannot both be true, the sources disagree.
"""

from __future__ import annotations

import re

from .agreement import values_agree
from .found import Found
from .model import Block
from .number_fact import Number

Shaking = list[tuple[Block, Number]]

_QUAKE = re.compile(r"\b(?:earth)?quakes?\b|\btremors?\b|\btemblors?\b|\bshaking\b", re.I)
_FOR = re.compile(
    r"\b(?:for|lasted|lasting)\s+(?:(?:about|around|roughly|nearly|almost|some|up\s+to|more\s+than|less\s+than)\s+)?$",
    re.I,
)
_SPANS = frozenset({"second", "minute"})


def shaking_of(numbers: list[tuple[Block, tuple[Number, ...]]]) -> Shaking:
    """A source's lengths of the shaking, in the order it gives them."""
    return [
        (block, number)
        for block, found in numbers
        for number in found
        if number.measure in _SPANS and _QUAKE.search(number.lead) and _FOR.search(number.lead)
    ]


def check_shaking(found: Found, given_a: Shaking, given_b: Shaking) -> None:
    """One length of the shaking in each source, and the two cannot both be true."""
    if not given_a or not given_b:
        return
    (block_a, number_a), (block_b, number_b) = given_a[0], given_b[0]
    if any(not values_agree(number_a, other) for _, other in given_a[1:]):
        return  # two lengths in one source: the main shock and an aftershock, or two places
    if any(not values_agree(number_b, other) for _, other in given_b[1:]):
        return
    if not values_agree(number_a, number_b):
        found.add("number", (block_a, number_a.text), (block_b, number_b.text), "the quake shook for different times")
