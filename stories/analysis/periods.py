"""The reporting periods a sentence names, so that figures of two periods are not read as
one fact: "a loss of 2.8 mln dlrs in the quarter" / "111.8 mln dlrs for the year",
"3,000 tonnes in January" / "8,462 tonnes in February"."""

from __future__ import annotations

import re

_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_PERIODS = _MONTHS | frozenset({"quarter", "half", "q1", "q2", "q3", "q4"})
_THE_YEAR = frozenset({"the", "this", "last", "full", "whole", "fiscal", "calendar"})
_WORD = re.compile(r"[\w.]+")


def periods_of(sentence: str) -> frozenset[str]:
    """The reporting periods a sentence names: months, quarters and halves, years written
    out, "the year" ("Exports rose 3,000 tonnes in January", "a loss in the quarter")."""
    words = _WORD.findall(sentence)
    found = set()
    for index, word in enumerate(words):
        lower = word.lower().rstrip(".")
        if lower in _PERIODS and (lower != "may" or word[:1] == "M" and index > 0):
            found.add(lower[:3] if lower in _MONTHS else lower)
        elif len(lower) == 4 and lower.isdigit() and lower[:2] in ("19", "20"):
            found.add(lower)
        elif lower == "year" and index and words[index - 1].lower() in _THE_YEAR:
            found.add("year")
    return frozenset(found)
