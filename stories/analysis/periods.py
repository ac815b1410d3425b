"""The reporting periods a sentence names, so that figures of two periods are not read as
one fact: "a loss of 2.8 mln dlrs in the quarter" / "111.8 mln dlrs for the year",
"3,000 tonnes in January" / "8,462 tonnes in February"."""

from __future__ import annotations

import functools
import re

_MONTHS = (
    "january|february|march|april|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
# A month ("May" only with its capital, not the verb), a quarter or half, a year written out,
# or "the year" ("for the year", "this year", "fiscal year").
_PERIOD = re.compile(
    rf"\b(?:(?i:(?P<month>{_MONTHS})\b\.?)|(?P<may>May)\b"
    r"|(?i:(?P<part>quarter|half|q[1-4])\b)|(?<![\d,.$])(?P<year>(?:19|20)\d\d)\b(?![,.]\d)"
    r"|(?i:(?:the|this|last|full|whole|fiscal|calendar)\s+(?P<the_year>year)\b))"
)


# What every period holds, in ASCII text lower-cased (where ignoring case is lower-casing):
# looked for before the pattern, which tries each of its words at every place of a sentence
# and costs ten times as much. Most sentences name no period.
_PERIOD_HINTS = tuple("jan feb mar apr jun jul aug sep oct nov dec quarter half q1 q2 q3 q4 year".split())
_YEAR_HINT = re.compile(r"(?:19|20)\d\d")


def _may_name_a_period(sentence: str) -> bool:
    if not sentence.isascii():  # ignoring case, "\u017fep" is "sep"
        return True
    lower = sentence.lower()
    return "May" in sentence or _YEAR_HINT.search(sentence) is not None or any(hint in lower for hint in _PERIOD_HINTS)


@functools.lru_cache(maxsize=4096)  # read when two numbers are compared; a sentence's numbers share it
def periods_of(sentence: str) -> frozenset[str]:
    """The reporting periods a sentence names: months, quarters and halves, years written
    out, "the year" ("Exports rose 3,000 tonnes in January", "a loss in the quarter")."""
    found: set[str] = set()
    if not _may_name_a_period(sentence):
        return frozenset(found)
    for match in _PERIOD.finditer(sentence):
        month, part = match.group("month"), match.group("part")
        if month:
            found.add(month[:3].lower())
        elif match.group("may"):
            found.add("may")
        elif part:
            found.add(part.lower())
        else:
            found.add(match.group("year") or "year")
    return frozenset(found)
