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
from .given_numbers import Given
from .model import Block
from .number_fact import Number
from .text import fold, stem

Totals = dict[tuple[str, str], list[tuple[Block, Number]]]  # (whose, what) -> the totals given, where

_AND_NOW_HAS = re.compile(r"\band\s+now\s+ha(?:s|ve)\s+$", re.I)
_NOW_HAS = re.compile(r"\b(?:now\s+ha(?:s|ve)|ha(?:s|ve)\s+now)\s+$", re.I)
# "Hansbrough, who now has", "McDermott, a junior, now has": the name before the clause the
# total stands in, or before a few words set off between commas that say who the name is.
_WHO_BEFORE = re.compile(
    r"\b(?P<name>[A-Z][\w'-]+)(?:,?\s+who|,\s(?:an?|the)\s[\w'-]+(?:\s[\w'-]+){0,3},)"
    r"\s+(?:now\s+ha(?:s|ve)|ha(?:s|ve)\s+now)\s+$"
)
# Words between a total and what it counts: "2,301 career points", "212 league goals".
_KIND_OF_TOTAL = frozenset({"career", "total", "all-time", "league", "season", "club", "school", "official"})
# And the words of "2,302 for his career", "2,301 in all", which count nothing.
_COUNT_NOTHING = frozenset({"for", "in", "his", "her", "their", "its", "all", "so", "far"})
_WORD = re.compile(r"[A-Za-z][\w'-]*")


def totals_of(numbers: Given) -> Totals:
    """A source's running totals, by the folded name they are said of and the stem of what
    they count."""
    totals: Totals = {}
    for block, found in numbers:
        for number in found:
            if number.unit or number.partial or number.ends or not _now_has(number.lead):
                continue
            whose = number.subject or _owner_before(number) or _subject_shared(number, found)
            what = _counted(number)
            if whose:
                totals.setdefault((whose, what), []).append((block, number))
    return totals


def _now_has(lead: str) -> bool:
    """A number's lead ends "now has" ("has now"): looked for in the few leads with a "now"
    (the pattern ignores case, as `lower` does, and "now" has no letter it matches otherwise)."""
    return "now" in lead.lower() and _NOW_HAS.search(lead) is not None


def _owner_before(number: Number) -> str:
    at = number.sentence.find(number.raw)
    who = _WHO_BEFORE.search(number.sentence[max(0, at - 60) : at]) if at >= 0 else None
    return fold(who.group("name")) if who else ""


def _subject_shared(number: Number, sentence: tuple[Number, ...]) -> str:
    """The name of the clause before, in "Hansbrough finished with 20 points and now has
    2,302": one subject to both verbs."""
    if not _AND_NOW_HAS.search(number.lead):
        return ""
    before = [
        other.subject for other in sentence if other is not number and other.subject and other.lead in number.lead
    ]
    return before[-1] if before else ""


def _counted(number: Number) -> str:
    """The stem of the first word after the total that is not a kind of total."""
    for word in _WORD.findall(number.text[len(number.raw) :])[:3]:
        if word.lower() not in _KIND_OF_TOTAL and word.lower() not in _COUNT_NOTHING:
            return stem(fold(word))
    return ""


def _compared(totals_a: Totals, totals_b: Totals) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """The pairs of keys compared: the same name and thing, or the same name and nothing
    named on one side ("") where the other source totals one thing only for that name."""
    pairs = [(key, key) for key in sorted(totals_a.keys() & totals_b.keys()) if key[1]]
    for mine, theirs, flipped in ((totals_a, totals_b, False), (totals_b, totals_a, True)):
        for whose, what in sorted(mine):
            others = [key for key in theirs if key[0] == whose]
            if what or len(others) != 1 or (flipped and not others[0][1]):
                continue  # both unnamed: compared once, from a's side
            pairs.append((others[0], (whose, what)) if flipped else ((whose, what), others[0]))
    return pairs


def check_totals(found: Found, totals_a: Totals, totals_b: Totals) -> None:
    """One total of one thing to one name in each source, and the two cannot both be true.
    A total that names nothing it counts ("Hansbrough now has 2,301.") is of the one thing
    the other source totals for that name."""
    for key_a, key_b in _compared(totals_a, totals_b):
        key, given_a, given_b = key_a if key_a[1] else key_b, totals_a[key_a], totals_b[key_b]
        if len({n.value for _, n in given_a}) != 1 or len({n.value for _, n in given_b}) != 1:
            continue
        (block_a, number_a), (block_b, number_b) = given_a[0], given_b[0]
        if not values_agree(number_a, number_b) and not reported_alike(found, number_a, number_b):
            note = f"different totals of {key[0].title()}"
            found.add("number", (block_a, number_a.text), (block_b, number_b.text), note)
