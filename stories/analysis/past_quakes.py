"""Past quakes: the magnitude of an earlier quake that each source gives for background
("In April last year an 8.4-magnitude quake struck off the coast" / "An 8.5-magnitude
earthquake hit off the coast in 2012"), set against each other.

The story's own magnitudes leave these out (`magnitudes`): a year in the sentence says the
quake is another. A sentence that tells of one quake says its year; two sources' past
quakes are one quake when their sentences name the same year ("last year" read against
the year the copy was written) and a place of the same name; where each source gives one
such magnitude, and the two disagree, the sources disagree on a fact of the story's
background, as they may on its toll. So they do on the month each names for it.
"""

from __future__ import annotations

import re

from .agreement import values_agree
from .dates import MONTHS_AND_WEEKDAYS, year_named
from .found import Found
from .magnitudes import MOST_MAGNITUDES, QUAKE, is_magnitude
from .model import Block
from .number_fact import Number
from .text import fold

PastQuake = tuple[Block, Number, int, frozenset[str]]  # where, its magnitude, its year, the names beside it
PastQuakes = list[PastQuake]

# A capitalised word after another word: a name of a place, an agency, a sea (not a
# sentence's first word, which any word may be).
_NAME_WORD = re.compile(r"(?<=[\w,)]\s)[A-Z][\w'-]+")


def past_quakes_of(numbers: list[tuple[Block, tuple[Number, ...]]], copy_year: int | None) -> PastQuakes:
    """A source's magnitudes of past quakes whose year its sentence says; none when it gives
    more magnitudes than MOST_MAGNITUDES (a table of quakes)."""
    given = [(block, number) for block, found in numbers for number in found if is_magnitude(number)]
    if len(given) > MOST_MAGNITUDES:
        return []
    past = []
    for block, number in given:
        if len(QUAKE.findall(number.sentence)) != 1:
            continue  # "killed 31,000 in 2003, and 600 in an earthquake of 6.4 in February": whose year?
        year = year_named(number.sentence, copy_year)
        if year is not None:
            past.append((block, number, year, _names_in(number.sentence)))
    return past


def _names_in(sentence: str) -> frozenset[str]:
    return frozenset(fold(word) for word in _NAME_WORD.findall(sentence)) - MONTHS_AND_WEEKDAYS


def check_past_quakes(found: Found, past_a: PastQuakes, past_b: PastQuakes) -> None:
    """Each source's one magnitude of a past quake of one year and place, and they disagree;
    or the month each sentence names for it (one each) differs."""
    for quake_a in past_a:
        matched_b = [quake_b for quake_b in past_b if _one_quake(quake_a, quake_b)]
        if len({quake[1].value for quake in matched_b}) != 1:
            continue
        quake_b = matched_b[0]
        matched_a = [quake for quake in past_a if _one_quake(quake, quake_b)]
        if len({quake[1].value for quake in matched_a}) != 1:
            continue
        (block_a, number_a, _, _), (block_b, number_b, _, _) = quake_a, quake_b
        if not values_agree(number_a, number_b):
            note = "different magnitudes of a past quake"
            found.add("number", (block_a, number_a.text), (block_b, number_b.text), note)
        months_a, months_b = _MONTH.findall(number_a.sentence), _MONTH.findall(number_b.sentence)
        if len(months_a) == len(months_b) == 1 and months_a[0] != months_b[0]:
            found.add("date", (block_a, months_a[0]), (block_b, months_b[0]), "a past quake in different months")


_MONTH = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b")


def _one_quake(quake_a: PastQuake, quake_b: PastQuake) -> bool:
    return quake_a[2] == quake_b[2] and bool(quake_a[3] & quake_b[3])
