"""Populations: how many people live in a place of the story, compared wherever each source
gives them.

Copy gives a place's size in passing, in sentences about something else: "Manokwari, a city
of 160,000 people" / "the coastal city of population 167,000"; "The island, which has about
200,000 residents" / "Qeshm is the largest island in the Gulf, with a population of
120,000". A number is a population when "population" stands just before it, or it counts
people, residents or inhabitants right after "a city of", "home to" or "which has"; it is
the population of the kind of place (city, town, island...) named last before it. Where each
source gives one population of a kind of place, and the two cannot both be true, the
sources disagree. A source that gives two cities' populations says nothing of either.
"""

from __future__ import annotations

import re

from .agreement import check_one_value
from .found import Found
from .given_numbers import ByKind, Given, by_kind
from .number_fact import Number
from .text import ascii_twin, stem

Populations = ByKind  # kind of place -> its populations given, where

_KINDS = "city town village island province state country region district county capital".split()
_KIND = re.compile(r"\b(" + "|".join(_KINDS) + r")\b", re.I)
_BOUND = r"(?:(?:about|around|some|nearly|almost|roughly|approximately|over|more\s+than|at\s+least)\s+)?"
# What stands just before a population: "population 167,000", "a population of about 120,000".
_POPULATION_BEFORE = re.compile(rf"\bpopulation\s+(?:of\s+)?{_BOUND}$", re.I)
# What stands before a count of people that is a population: "a city of 160,000 people",
# "home to 120,000 people", "which has about 200,000 residents".
_HOME_BEFORE = re.compile(rf"(?:\b(?:{'|'.join(_KINDS)})\s+of|\bhome\s+(?:to|by|for)|\bwhich\s+has)\s+{_BOUND}$", re.I)
_BEFORE_ANY_TEXT = (_POPULATION_BEFORE, _HOME_BEFORE)
_BEFORE_ASCII = (ascii_twin(_POPULATION_BEFORE), ascii_twin(_HOME_BEFORE))
_DWELLERS = frozenset(stem(word) for word in "people residents inhabitants".split())
_BEFORE = 80  # characters before a population in which its kind of place is named
_CLAUSE = 160  # characters before a population in which a clause of "which" that gives it opens


def populations_of(numbers: Given) -> Populations:
    """A source's populations, by the kind of place they are said of, and again by the
    place's name where it stands just before ("Manokwari - a jumble of brick structures home
    to 167,000 people" names no kind of place; "Manokwari city which is home to 170,000" does)."""
    said = [(block, tuple(number for number in found if _population_said(number))) for block, found in numbers]
    return by_kind(said, _kind_of_population) | by_kind(said, _named_population)


def _named_population(number: Number) -> str:
    """ "place named X" for a population (`_population_said`) with the name X before it."""
    at = number.sentence.find(number.raw)
    if at < 0 or ", which " in number.sentence[max(0, at - _CLAUSE) : at]:
        return ""  # "the island, which lies off the city of Bandar Abbas and is home to": not Abbas's
    names = _NAME.findall(number.sentence, max(0, at - _BEFORE), at)
    return f"place named {names[-1]}" if names else ""


_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{3,}\b")  # a capitalised word within a sentence


def _kind_of_population(number: Number) -> str:
    said = _population_said(number)
    if not said:
        return ""
    at = number.sentence.find(number.raw)
    before = number.sentence[max(0, at - _BEFORE) : at] if at >= 0 else ""
    kinds = _antecedent(number.sentence[max(0, at - _CLAUSE) : at], said) or _KIND.findall(before)
    return kinds[-1].lower() if kinds else ""


def _population_said(number: Number) -> re.Match[str] | None:
    """The words before a number that say it is a population, if they do."""
    if number.unit or number.measure or number.rate or number.ends or number.partial or number.value < 100:
        return None
    at = number.sentence.find(number.raw)
    before = number.sentence[max(0, at - _BEFORE) : at] if at >= 0 else ""
    population_before, home_before = _BEFORE_ASCII if before.isascii() else _BEFORE_ANY_TEXT
    said = population_before.search(before)
    if not said and number.counts & _DWELLERS:
        said = home_before.search(before)
    return said


def _antecedent(before: str, said: re.Match[str]) -> list[str]:
    """The kinds of place named before a clause of "which" that gives a population: "the
    island, which lies off the port city of X and is home to 100,000 people" counts the
    island's people, not the city's. None when the words that give it name the place
    themselves ("a city of 500,000")."""
    which = before.rfind(", which ")
    if which < 0 or _KIND.match(said.group()):
        return []
    return _KIND.findall(before, 0, which)


def not_one_population(number_a: Number | None, number_b: Number | None) -> bool:
    """One number is a place's population and the other is not that kind of place's: "Bandar
    Abbas, a city of 500,000 people" / "the island, home to 100,000 people"; "Zarand, a town
    of 15,000 people" / "killing 612 people". Linked sentences of one background event
    share its words, and "people" counts both."""
    kind_a = _kind_of_population(number_a) if number_a else ""
    kind_b = _kind_of_population(number_b) if number_b else ""
    return kind_a != kind_b


def check_populations(found: Found, given_a: Populations, given_b: Populations) -> None:
    """One population of a kind of place in each source, and the two cannot both be true."""
    check_one_value(found, given_a, given_b, lambda kind: f"different populations of the {kind}")
