"""Magnitudes: how strong a story's earthquakes were, compared wherever each source gives them.

The magnitude is the figure of a quake story, and outlets disagree on it (one quotes the
local agency's first reading, another the revised one) in sentences too unlike to link:
"was hit by two quakes, measuring 7.6 and 7.4" / "One 7.3-magnitude tremor was felt as
far away as Australia". A number is a magnitude when it is written with a decimal or beside
"magnitude" or "Richter", and a quake's word stands beside it. A source may tell of several
quakes (the main shock, an aftershock): the values each source gives that the other does
not are compared when there is one of each, so that "7.6 and 7.5" / "7.6 ... a 7.3" says
which quake the sources disagree on, or where two of them are each other's nearest and a
few tenths apart, as two readings of one quake are; not where they are a point or more
apart and the sources agree on another reading (the odd one out is an aftershock's). A
magnitude in a sentence that names a year (or "last year") is another quake's, given for
background ("a 9.1 temblor in 2004"): `past_quakes` compares those. Where a source says
which agency gave which reading, one agency's reading is compared with the same agency's
in the other source.
"""

from __future__ import annotations

import re

from .agreement import reported_alike, values_agree
from .dates import names_a_past_year
from .found import Found
from .given_numbers import one_value_each
from .model import Block
from .number_fact import Number
from .text import stem

Magnitudes = list[tuple[Block, Number]]
_Given = tuple[Block, Number]  # one magnitude and where it stands

_SCALE_WORDS = frozenset(stem(word) for word in "magnitude richter".split())
_QUAKE_WORDS = _SCALE_WORDS | frozenset(
    stem(word) for word in "quake quakes earthquake earthquakes tremor tremors temblor temblors aftershock".split()
)
QUAKE = re.compile(r"\b(?:earth)?quakes?\b|\btremors?\b|\btemblors?\b", re.I)


def is_magnitude(number: Number) -> bool:
    """A quake's magnitude: between 1 and 10, a quake's word beside it ("a 6.1 earthquake",
    "magnitude 7", "7.3-magnitude tremor", "measuring 7.6 on the Richter scale"), and written
    with a decimal unless "magnitude" or "Richter" says so ("two quakes" is a count)."""
    if number.unit or number.measure or number.ends or number.rate or not 1 <= number.value < 10:
        return False
    if number.bound in ("over", "under"):  # "aftershocks stronger than five": a threshold, no quake's
        return False
    around = number.counts | number.before
    if not around & _QUAKE_WORDS and not ("measur" in number.before and QUAKE.search(number.sentence)):
        return False  # "two quakes, measuring 7.6 and 7.4, struck"
    return number.precision < 1 or bool(around & _SCALE_WORDS)


# A source giving more magnitudes than this lists quakes (a table, a season's record): none
# is the story's, and pairing each with each costs the square of their count.
MOST_MAGNITUDES = 20


def magnitudes_of(numbers: list[tuple[Block, tuple[Number, ...]]]) -> Magnitudes:
    """A source's magnitudes of the story's quakes, in the order it gives them; none when it
    gives more than MOST_MAGNITUDES."""
    given = [(block, number) for block, found in numbers for number in found if is_magnitude(number)]
    if len(given) > MOST_MAGNITUDES:
        return []
    return [(block, number) for block, number in given if not names_a_past_year(number.sentence)]


def check_magnitudes(found: Found, given_a: Magnitudes, given_b: Magnitudes) -> None:
    """The magnitudes each source gives that the other does not, paired: one of each, or
    two readings of one quake (`_readings_of_one_quake`), and they disagree."""
    only_a = [(block, n) for block, n in given_a if not any(values_agree(n, m) for _, m in given_b)]
    only_b = [(block, n) for block, n in given_b if not any(values_agree(n, m) for _, m in given_a)]
    if len({n.value for _, n in only_a}) == 1 and len({n.value for _, n in only_b}) == 1:
        shared = len(only_a) < len(given_a)  # some reading of a's agrees with one of b's
        pairs = [] if _another_quake(only_a[0][1], only_b[0][1], shared) else [(only_a[0], only_b[0])]
    else:
        pairs = _readings_of_one_quake(only_a, only_b)
    for (block_a, number_a), (block_b, number_b) in pairs + _one_agency_s_readings(given_a, given_b):
        if not reported_alike(found, number_a, number_b):
            found.add("number", (block_a, number_a.text), (block_b, number_b.text), "different magnitudes of the quake")


ANOTHER_QUAKE = 1.0  # readings of one quake differ by tenths, not by a whole point


def _another_quake(number_a: Number, number_b: Number, shared: bool) -> bool:
    """The one value each source gives that the other does not are a whole point or more
    apart, and the two sources agree on some reading (`shared`): both told of the main
    quake alike, and the odd value out is another's (an aftershock, "a 3.8 on Monday")."""
    return shared and abs(number_a.value - number_b.value) >= ANOTHER_QUAKE - 1e-9


def _one_agency_s_readings(given_a: Magnitudes, given_b: Magnitudes) -> list[tuple[_Given, _Given]]:
    """One agency's reading in each source, and they disagree: "Tehran's seismologic center
    said 5.9, but the U.S. Geological Survey said it was a 6.1 temblor" / "the United States
    Geological Survey said it had a magnitude of 5.9". A source that gives two readings
    says which agency gave which; one agency given two readings in a source says nothing."""
    by_agency_a, by_agency_b = _by_agency(given_a), _by_agency(given_b)
    pairs = []
    for agency, readings_a in by_agency_a.items():
        pair = one_value_each(readings_a, by_agency_b.get(agency, []))
        if pair is not None and not values_agree(pair[0][1], pair[1][1]):
            pairs.append(pair)
    return pairs


def _by_agency(given: Magnitudes) -> dict[str, list[_Given]]:
    agencies: dict[str, list[_Given]] = {}
    for block, number in given:
        if _AGENCY_HINT.search(number.sentence):
            for agency in _agencies_of(number):
                agencies.setdefault(agency, []).append((block, number))
    return agencies


# An agency that reads quakes, by its initials: "USGS", "the U. S. Geological Survey", "the
# United States Geological Survey" are all "usgs".
_AGENCY = re.compile(
    r"\b(?P<acronym>[A-Z]{3,6})\b"
    r"|(?P<run>(?:(?:[A-Z]\.\s?)+|[A-Z][a-z]+\s)*?(?:[A-Z][a-z]+\s)*(?:Survey|Center|Centre|Institute|Agency|Service))\b"
)
_AGENCY_HINT = re.compile(r"[A-Z]{3}|Survey|Cent|Institute|Agency|Service")
_CLAUSE = re.compile(r",\s(?:but|while|whereas)\s|;\s")  # two agencies' readings, set one against the other


def _agencies_of(number: Number) -> set[str]:
    """The initials of the agencies named in the clause of `number`'s sentence it stands in."""
    at = number.sentence.find(number.raw)
    clause = next((part for part in _clauses(number.sentence) if part[0] <= at < part[1]), (0, len(number.sentence)))
    text = number.sentence[clause[0] : clause[1]]
    found = set()
    for match in _AGENCY.finditer(text):
        if match.group("acronym"):
            found.add(match.group("acronym").lower())
        else:
            found.add("".join(word[0] for word in re.findall(r"[A-Z][a-z]*", match.group("run"))).lower())
    return found


def _clauses(sentence: str) -> list[tuple[int, int]]:
    cuts = [0, *(match.start() for match in _CLAUSE.finditer(sentence)), len(sentence)]
    return list(zip(cuts, cuts[1:]))


ONE_QUAKE_WITHIN = 0.3  # agencies' readings of one quake differ by a few tenths ("7.4" / "7.3")


def _readings_of_one_quake(only_a: Magnitudes, only_b: Magnitudes) -> list[tuple[_Given, _Given]]:
    """Where a source tells of more quakes than the other ("a 6.1 quake today, after two of
    7.6 and 7.4 on Sunday" / "the 7.6 and 7.5 magnitude quakes on Sunday"), the values
    that are each other's nearest and a few tenths apart: two readings of one quake. A
    value as near two of the other's is no one's reading ("5.8" / "5.4" beside "4.9")."""
    pairs: list[tuple[_Given, _Given]] = []
    for given_a in _first_of_each_value(only_a):
        given_b = _nearest(given_a[1], only_b)
        if given_b is not None and abs(given_a[1].value - given_b[1].value) <= ONE_QUAKE_WITHIN + 1e-9:
            mine = _nearest(given_b[1], only_a)
            if mine is not None and mine[1].value == given_a[1].value:
                pairs.append((given_a, given_b))
    return pairs


def _first_of_each_value(given: Magnitudes) -> Magnitudes:
    seen: dict[float, _Given] = {}
    for block, number in given:
        seen.setdefault(number.value, (block, number))
    return list(seen.values())


def _nearest(number: Number, given: Magnitudes) -> _Given | None:
    """The one value of `given` nearest `number`, its first place; None on a tie."""
    distances = sorted({abs(other.value - number.value) for _, other in given})
    if not distances:
        return None
    nearest = [(block, other) for block, other in given if abs(other.value - number.value) == distances[0]]
    return nearest[0] if len({other.value for _, other in nearest}) == 1 else None
