"""Weddings: how long before the story someone married, compared wherever each source says it.

Copy tells of a victim's or a suspect's wedding in passing, by how long ago it was ("He
was married about two weeks ago", "who was wed three weeks ago") or how long before the
story's event ("who married the deputy three weeks before he was murdered"), in sentences
too unlike to link. A wedding of one story is one day: where each source gives one such
span and the two cannot both be true, the sources disagree. "Ago" is counted from the
day the copy was written: two sources that both count so, in copy written more than a
few days apart, are not compared. A source giving two spans may tell of two weddings, and
says nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .found import Found
from .model import Block

_WORDS = {
    word: value
    for value, word in enumerate("a two three four five six seven eight nine ten eleven twelve".split(), start=1)
}
_WORDS["one"] = 1
_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_COUNT = r"\d{1,2}|" + "|".join(_WORDS)
_WEDDING = re.compile(
    rf"\b(?:married|wed)\b(?:[^.;:!?]{{0,50}}?\s)?(?P<span>(?P<about>(?:about|around|some|roughly|nearly|almost)\s+)?"
    rf"(?P<count>{_COUNT})\s+(?P<unit>day|week|month|year)s?\s+(?P<from>ago|before|earlier))\b",
    re.I,
)
ABOUT = 0.25  # of a span said "about": "about two weeks" holds 11 to 17 days, not three weeks
COPY_DAYS_APART = 7  # days between two copies' stamps beyond which their "ago"s count from other days


@dataclass(frozen=True)
class Wedding:
    days: float  # how long before
    about: bool
    ago: bool  # counted from the copy's day, not from the story's event
    text: str  # the span as written: "about two weeks ago"


Weddings = tuple[list[tuple[Block, Wedding]], int | None]  # the spans, and the copy's day


WEDDING_WORDS = ("married", "wed ")  # in every span since a wedding read


def weddings_of(sentences: list[tuple[Block, str]], day: int | None) -> Weddings:
    """A source's spans since a wedding, and the day its copy was written (if its stamp says)."""
    found = []
    for block, text in sentences:
        if not any(word in text for word in WEDDING_WORDS):  # the cheap test: most sentences tell of none
            continue
        for match in _WEDDING.finditer(text):
            count = match.group("count").lower()
            value = int(count) if count.isdigit() else _WORDS[count]
            days = value * _DAYS[match.group("unit").lower()]
            ago = match.group("from").lower() == "ago"
            found.append((block, Wedding(days, bool(match.group("about")), ago, match.group("span"))))
    return found, day


def check_weddings(found: Found, weddings_a: Weddings, weddings_b: Weddings) -> None:
    """One span since a wedding in each source, and the two cannot both be true."""
    (given_a, day_a), (given_b, day_b) = weddings_a, weddings_b
    if len({w.days for _, w in given_a}) != 1 or len({w.days for _, w in given_b}) != 1:
        return
    (block_a, wedding_a), (block_b, wedding_b) = given_a[0], given_b[0]
    if wedding_a.ago and wedding_b.ago and (day_a is None or day_b is None or abs(day_a - day_b) > COPY_DAYS_APART):
        return
    if not _agree(wedding_a, wedding_b) and not _reported(found, given_a[0], given_b[0]):
        found.add("number", (block_a, wedding_a.text), (block_b, wedding_b.text), "different times since the wedding")


def _agree(a: Wedding, b: Wedding) -> bool:
    """The same span, or one within the other's "about"."""
    return any(abs(one.days - other.days) <= (ABOUT * one.days if one.about else 0) for one, other in ((a, b), (b, a)))


def _reported(found: Found, a: tuple[Block, Wedding], b: tuple[Block, Wedding]) -> bool:
    """The linked sentences' number check reported these two spans already ("two weeks ago"
    of "about two weeks ago")."""
    return any(
        item.kind == "number"
        and item.a.block == a[0].id
        and item.b.block == b[0].id
        and (item.a.text in a[1].text or a[1].text in item.a.text)
        and (item.b.text in b[1].text or b[1].text in item.b.text)
        for item in found.items
    )
