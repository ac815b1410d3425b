"""The reporting periods a sentence names, so that figures of two periods are not read as
one fact: "a loss of 2.8 mln dlrs in the quarter" / "111.8 mln dlrs for the year",
"3,000 tonnes in January" / "8,462 tonnes in February"."""

from __future__ import annotations

import functools
import re

from .number_fact import Number, start_in
from .text import lacks_words

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


# Where a period can begin: at the start of a word, with one of these, in ASCII text
# lower-cased (where ignoring case is lower-casing) and read with each character that is
# not a word's made a space (`_SPACED`), so that a word's start is a space before it.
# The pattern is tried only there: tried at every place of a sentence, each of its words
# cost ten times as much. A space leads the search, which finds the spaces at C speed.
_STARTS = re.compile(
    r" (?=jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|quarter|half|q[1-4]|19|20"
    r"|the|this|last|full|whole|fiscal|calendar)"
)
_SPACED = {code: " " for code in range(128) if not (chr(code).isalnum() or chr(code) == "_")}
# Each a word of its own in every period but a year written out (whose digits begin "19" or
# "20"): a month, "May", a quarter or half, "year".
_PERIOD_WORDS = frozenset(_MONTHS.split("|")) | {"may", "quarter", "half", "q1", "q2", "q3", "q4", "year"}


def _period_matches(sentence: str) -> list[re.Match[str]]:
    """What `_PERIOD.finditer` finds, found for less: tried in order where a period can
    begin (`_STARTS`), from the end of the last match on."""
    if not sentence.isascii():  # ignoring case, "\u017fep" is "sep"
        return list(_PERIOD.finditer(sentence))
    if lacks_words(sentence, _PERIOD_WORDS) and not ("19" in sentence or "20" in sentence):
        return []  # no month, quarter, half, year or year's digits: most sentences
    spaced = " " + sentence.lower().translate(_SPACED)
    matches: list[re.Match[str]] = []
    end = 0
    for start in _STARTS.finditer(spaced):  # the space before the word: its start in `sentence`
        if start.start() >= end and (match := _PERIOD.match(sentence, start.start())):
            matches.append(match)
            end = match.end()
    return matches


@functools.lru_cache(maxsize=4096)  # read when two numbers are compared; a sentence's numbers share it
def periods_of(sentence: str) -> frozenset[str]:
    """The reporting periods a sentence names: months, quarters and halves, years written
    out, "the year" ("Exports rose 3,000 tonnes in January", "a loss in the quarter")."""
    found: set[str] = set()
    for match in _period_matches(sentence):
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


def year_of(number: Number) -> str:
    """The year a figure is given for, written just after it: "62.3 percent in 2001"."""
    if "in 19" not in number.sentence and "in 20" not in number.sentence:
        return ""  # the cheap test: most sentences give no figure for a year
    return _year_after(number.sentence, number.lead, number.raw)


@functools.lru_cache(maxsize=8192)  # asked of each number once for every other it is set against
def _year_after(sentence: str, lead: str, raw: str) -> str:
    at = start_in(sentence, lead, raw)
    match = _IN_A_YEAR.match(sentence, at + len(raw)) if at >= 0 else None
    return match.group(1) if match else ""


# After a figure and its unit's words, "in 2001" (not "in 2001's second half", a part of it).
_IN_A_YEAR = re.compile(r"(?:\s+(?:percent|per\s+cent|points?))?,?\s+in\s+((?:19|20)\d\d)\b(?![,.]?\d|['\u2019]s)")
