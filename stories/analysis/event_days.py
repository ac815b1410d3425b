"""The day of one event in each source, wherever the sentence that gives it stands.

A rewrite moves a sentence within its paragraph or splits it into the next one, so "died
on Friday" may be linked with the wrong sentence while "died Thursday" sits elsewhere.
The doing a day dates is the verb in the past tense just before it ("died Thursday",
"was arrested early on Tuesday"); where each source dates one doing with one day, and
the two days differ, the sources disagree on when it happened. A doing dated twice in a
source (two arrests on two days) says nothing: there is no telling which is meant.
A year is read the same way, its doing also named by an "-ing" word ("began modeling in
1950" / "started modeling in the 1940s"); a year within the other's decade agrees.
"""

from __future__ import annotations

import re
from collections.abc import Hashable

from .dates import Date, dates_in, same_time
from .found import Found
from .model import Block
from .proper_names import name_runs
from .text import ascii_twin, fold

# (group, doing) -> the dates given it, where, and the name words of the sentence they stand in
Days = dict[tuple[str, str], list[tuple[Block, Date, frozenset[str]]]]

_WORD = re.compile(r"[^\W\d_][\w\u2019'-]*")
_WORD_ASCII = ascii_twin(_WORD)
# Between a doing and its day: "died on Friday", "arrested early Tuesday", "struck late last Sunday".
_BETWEEN = frozenset({"on", "in", "at", "early", "late", "last", "this", "the", "of", "morning", "night", "evening"})
_PAST = frozenset(
    """
died struck hit fell began began left met won lost took made came went held shot broke
ran sank caught fled led sent set told found rose flew gave chose drove stole threw
""".split()
)
_TELLING = frozenset({"announced", "reported", "confirmed", "released", "published", "issued", "updated", "posted"})


def days_of(sentences: list[tuple[Block, str, tuple[Date, ...]]]) -> Days:
    """A source's days of the month, weekdays and years, by the doing each dates, from each
    sentence's dates as `links.SentenceSpace.dates` reads them. A date joined to the one
    before it ("hosted in 2008 and 2006") dates the same doing."""
    days: Days = {}
    for block, text, dates in sentences:
        names: frozenset[str] | None = None
        doing, end = "", -1
        for date in dates:
            at = text.find(date.text)
            if not (doing and _JOINED.fullmatch(text, end, at)):
                doing = _doing(text, date, gerund=date.group == "year")
            end = at + len(date.text)
            if doing and not (date.group == "year" and _A_NAME_AFTER.match(text, end)):
                names = _names(text) if names is None else names
                days.setdefault((date.group, doing), []).append((block, date, names))
    return days


_JOINED = re.compile(r",?\s(?:and|or)\s(?:in\s)?|,\s")
_A_NAME_AFTER = re.compile(r"\s[A-Z]")  # "the 2007 Oscars": a name's year, not a doing's


def _names(text: str) -> frozenset[str]:
    return frozenset(fold(word) for run in name_runs(text) for word in run if len(word) > 2)


def _doing(text: str, date: Date, gerund: bool = False) -> str:
    """The past-tense verb just before a date, folded: "died" of "died on Thursday"; before
    a year, a doing named by its "-ing" word too: "modeling" of "began modeling in 1950"."""
    at = text.find(date.text)
    for word in reversed((_WORD_ASCII if text.isascii() else _WORD).findall(text[max(0, at - 60) : at])):
        folded = fold(word)
        if folded in _BETWEEN:
            continue
        is_past = (folded.endswith("ed") and len(folded) > 4) or folded in _PAST
        is_past = is_past or gerund and folded.endswith("ing") and len(folded) > 5
        return folded if is_past and folded not in _TELLING and word[:1].islower() else ""
    return ""


def check_days_anywhere(found: Found, days_a: Days, days_b: Days) -> None:
    """One doing dated with one day in each source, and the two days differ."""
    for key, given_a in days_a.items():
        given_b = days_b.get(key)
        if not given_b:
            continue
        values_a, values_b = {date.value for _, date, _ in given_a}, {date.value for _, date, _ in given_b}
        if len(values_a) != 1 or len(values_b) != 1 or same_time(given_a[0][1], given_b[0][1]):
            continue
        (block_a, date_a, names_a), (block_b, date_b, names_b) = given_a[0], given_b[0]
        if names_a and names_b and not names_a & names_b:
            continue  # "Cheeks was fired March 2" / "O'Brien, fired on June 8": two people's doings
        if found.reported("date", _date_values, date_a.value, date_b.value):
            continue
        found.add("date", (block_a, date_a.text), (block_b, date_b.text), f"different {key[0]}: {key[1]}")


def _date_values(text: str) -> set[Hashable]:
    return {date.value for date in dates_in(text)[0]}
