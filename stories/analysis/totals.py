"""Running totals: what a named person "now has" (career points, goals, titles), compared
wherever each source gives it.

Sports copy sets a player's running total after the story's game in a sentence of its
own, or in passing: "Hansbrough now has 2,301 career points as a Tar Heel" / "Officials
stopped the game when Hansbrough, who now has 2,302 points, made the record-setting
basket". "Now" is the time of the story in both: where each source gives one total of one
thing to one name, and the two cannot both be true, the sources disagree.
"""

from __future__ import annotations

import re

from .agreement import reported_alike, values_agree
from .found import Found
from .model import Block
from .quantities import Given, Number
from .text import fold, stem

Totals = dict[tuple[str, str], list[tuple[Block, Number]]]  # (whose, what) -> the totals given, where

_NOW_HAS = re.compile(r"\b(?:now\s+ha(?:s|ve)|ha(?:s|ve)\s+now)\s+$", re.I)
# "Hansbrough, who now has": the name before the clause the total stands in.
_WHO_BEFORE = re.compile(r"\b(?P<name>[A-Z][\w'-]+),?\s+who\s+(?:now\s+ha(?:s|ve)|ha(?:s|ve)\s+now)\s+$")
# Words between a total and what it counts: "2,301 career points", "212 league goals".
_KIND_OF_TOTAL = frozenset({"career", "total", "all-time", "league", "season", "club", "school", "official"})
_WORD = re.compile(r"[A-Za-z][\w'-]*")


def totals_of(numbers: Given) -> Totals:
    """A source's running totals, by the folded name they are said of and the stem of what
    they count."""
    totals: Totals = {}
    for block, found in numbers:
        for number in found:
            if number.unit or number.partial or number.ends or not _NOW_HAS.search(number.lead):
                continue
            whose = number.subject or _owner_before(number)
            what = _counted(number)
            if whose and what:
                totals.setdefault((whose, what), []).append((block, number))
    return totals


def _owner_before(number: Number) -> str:
    at = number.sentence.find(number.raw)
    who = _WHO_BEFORE.search(number.sentence[max(0, at - 60) : at]) if at >= 0 else None
    return fold(who.group("name")) if who else ""


def _counted(number: Number) -> str:
    """The stem of the first word after the total that is not a kind of total."""
    for word in _WORD.findall(number.text[len(number.raw) :])[:3]:
        if word.lower() not in _KIND_OF_TOTAL:
            return stem(fold(word))
    return ""


def check_totals(found: Found, totals_a: Totals, totals_b: Totals) -> None:
    """One total of one thing to one name in each source, and the two cannot both be true."""
    for key in sorted(totals_a.keys() & totals_b.keys()):
        given_a, given_b = totals_a[key], totals_b[key]
        if len({n.value for _, n in given_a}) != 1 or len({n.value for _, n in given_b}) != 1:
            continue
        (block_a, number_a), (block_b, number_b) = given_a[0], given_b[0]
        if not values_agree(number_a, number_b) and not reported_alike(found, number_a, number_b):
            note = f"different totals of {key[0].title()}"
            found.add("number", (block_a, number_a.text), (block_b, number_b.text), note)
