"""Crowds: how many people came to the story's march, vigil or rally, compared wherever each
source gives the figure.

Outlets estimate a crowd each their own way, and say so in sentences too unlike to link:
"NBC New York estimated the crowd at 70" / "a group of about 130 people were marching";
"tens of thousands of protesters took to the streets" / "the march was attended by an
approximate 200,000". A number is a crowd's size when "crowd of" or "crowd at" (or
"attended by") stands just before it, or a word of gathering (joined, marched, rallied,
took to the streets) stands a few words after it. Where each source gives one crowd size,
and the two cannot both be true, the sources disagree. A source that gives two crowds (a
vigil and then a march) says nothing of either; a crowd in round words ("tens of
thousands joined") beside a figure of the source's own is that figure told loosely.
"""

from __future__ import annotations

import re

from .agreement import reported_alike, values_agree
from .dates import MONTHS_AND_WEEKDAYS
from .found import Found
from .given_numbers import ByKind, Given, by_kind, one_value_each
from .model import Block
from .number_fact import Number

Crowds = ByKind  # "crowd" -> the crowd sizes given, where

# A cheap test first: most sentences with a number speak of no gathering at all (looking
# for each word costs a fifth of a search for them all, without case).
_HINTS = (
    "crowd",
    "Crowd",
    "attended",
    "join",
    "gather",
    "march",
    "rall",
    "demonstrat",
    "streets",
    "turned out",
    "protest",
)
_BOUND = r"(?:(?:about|around|some|nearly|almost|roughly|approximately|an\s+approximate|an\s+estimated|over"
_BOUND += r"|more\s+than|at\s+least|up\s+to)\s+)?(?:a\s+)?"
# What stands just before a crowd's size: "the crowd at 70", "a crowd of about 300",
# "attended by an approximate 200,000", "police put the march at 30,000".
# And an estimate of one: "police put the march, to mark the strike, at roughly 30,000".
_SIZE_BEFORE = re.compile(
    rf"\b(?:crowds?\s+(?:of|at|estimated\s+at|put\s+at)|attended\s+by"
    rf"|put\s+the\s+(?:crowd|march|rally|turnout|protest|demonstration)(?:,[^,]{{1,50}},)?\s+at)\s+{_BOUND}$",
    re.I,
)
# What stands a few words after a crowd's size: "130 people were marching", "more than a
# hundred people joined in a vigil", "tens of thousands of protesters took to the streets".
_GATHERING_AFTER = re.compile(
    r"(?:\s+of)?(?:\s+(?!were\b|have\b|had\b)[A-Za-z'-]+){0,3}?\s+(?P<verb>(?:were\s+|have\s+|had\s+)?"
    r"(?:joined|attended|gathered|marched|marching|rallied|demonstrated?|took\s+to\s+the\s+streets"
    r"|turned\s+out|protested))\b",
    re.I,
)
_BEFORE = 100  # characters before a crowd's size in which "crowd of" is looked for


def crowds_of(numbers: Given) -> Crowds:
    """A source's crowd sizes."""
    hinted = [(block, found) for block, found in numbers if found and any(hint in found[0].sentence for hint in _HINTS)]
    return by_kind(hinted, _kind_of_crowd)


def _kind_of_crowd(number: Number) -> str:
    if number.unit or number.measure or number.rate or number.ends or number.partial or number.value < 10:
        return ""
    at = number.sentence.find(number.raw)
    if at < 0:
        return ""
    before = number.sentence[max(0, at - _BEFORE) : at]
    if _SIZE_BEFORE.search(before) or _GATHERING_AFTER.match(number.sentence, at + len(number.raw)):
        return "crowd"
    return ""


def _size(number: Number) -> str:
    """The crowd's size as written, up to the word of gathering: "130 people" of "130 people
    were marching"."""
    at = number.sentence.find(number.raw)
    after = _GATHERING_AFTER.match(number.sentence, at + len(number.raw))
    return number.sentence[at : after.start("verb")].strip() if after else number.text


def check_crowds(found: Found, crowds_a: Crowds, crowds_b: Crowds) -> None:
    """One crowd size in each source, and the two cannot both be true. A source that gives
    several is read for the one said in a sentence naming what the other's sentence names
    ("in Athens"): the others are other cities' crowds ("In Patras, around 20,000")."""
    given_a, given_b = _firm(crowds_a.get("crowd", [])), _firm(crowds_b.get("crowd", []))
    if len({n.value for _, n in given_a}) > 1 and len({n.value for _, n in given_b}) == 1:
        given_a = _naming_alike(given_a, given_b[0][1])
    elif len({n.value for _, n in given_b}) > 1 and len({n.value for _, n in given_a}) == 1:
        given_b = _naming_alike(given_b, given_a[0][1])
    pair = one_value_each(given_a, given_b)
    if pair is None:
        return
    (block_a, number_a), (block_b, number_b) = pair
    if not values_agree(number_a, number_b) and not reported_alike(found, number_a, number_b):
        found.add("number", (block_a, _size(number_a)), (block_b, _size(number_b)), "different sizes of the crowd")


def _firm(given: list[tuple[Block, Number]]) -> list[tuple[Block, Number]]:
    """A source's crowd figures, its crowds in round words left out where it gives a figure:
    "tens of thousands of people joined" says no more than its "20,000 took to the streets"."""
    firm = [(block, number) for block, number in given if not number.upto]
    return firm or given


def _naming_alike(given: list[tuple[Block, Number]], other: Number) -> list[tuple[Block, Number]]:
    """The crowds of `given` said in sentences that share a name with `other`'s."""
    names = _names_in(other.sentence)
    return [(block, number) for block, number in given if _names_in(number.sentence) & names]


_CAPITALISED = re.compile(r"(?<=\s)[A-Z][a-z'-]+")  # not the sentence's first word, capitalised whatever it is


def _names_in(sentence: str) -> set[str]:
    return {word for word in _CAPITALISED.findall(sentence) if word.lower() not in MONTHS_AND_WEEKDAYS}
