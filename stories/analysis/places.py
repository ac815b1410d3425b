"""The place a count is said of, when its sentence names one right after it: "killed 170,000
people in the province on Sumatra" / "killed some 230,000 people around the Indian Ocean".

Outlets give one event's figures for different wholes (a province's dead, a country's, all
the ocean's), most often for a background event, in sentences alike enough to link. Two
counts each said of a named place, the places sharing no word, are two facts. A place is
named when the phrase holds a capitalised word or many places at once ("in 14 countries");
a phrase of common words alone ("in the city") may be any place the story is about, so it
says nothing.
"""

from __future__ import annotations

import functools
import re

from .dates import MONTHS_AND_WEEKDAYS
from .number_fact import Number
from .text import STOPWORDS, fold

# The count's words and a verb or two ("people were killed", "people dead and missing"; a
# name among them: "of Internet services and call centers"), then the place: "in",
# "around", "across" or "throughout" and what follows, to the clause's end.
_PLACE = re.compile(
    r"^(?:\s+[A-Za-z][\w'-]*){0,6}?\s+(?P<preposition>in|around|across|throughout)\s+"
    r"(?P<place>[^,;:.()]*?)(?=\s+(?:by|when|after|as|and|since|from|with|making)\b|[,;:.()]|$)"
)
_CAPITALISED = re.compile(r"\b[A-Z][\w'-]*")
_TIMES = MONTHS_AND_WEEKDAYS  # capitalised words that name a time, not a place: "in the city on Tuesday"
# Many places at once name a whole as a name does: "in 14 countries", "in a dozen provinces".
_PLACES = frozenset("countries nations states provinces regions islands districts".split())
_NOT_PLACE_WORDS = STOPWORDS | _TIMES | {"around", "across", "throughout", "facing", "near"}


@functools.lru_cache(maxsize=4096)
def _place_after(text: str) -> frozenset[str]:
    match = _PLACE.match(text)
    if not match:
        return frozenset()
    words = fold(match.group("place")).split()
    named = any(fold(word) not in _TIMES for word in _CAPITALISED.findall(match.group("place")))
    if not named and _PLACES.isdisjoint(words):
        return frozenset()
    return frozenset(word for word in words if word.isalpha() and word not in _NOT_PLACE_WORDS)


def place_of(number: Number) -> frozenset[str]:
    """The folded words of the named place right after `number` and what it counts, if any."""
    after = _after(number, 120)
    return _place_after(after) if after else frozenset()


def other_places(number_a: Number, number_b: Number) -> bool:
    """Each count is said of a named place, and the places share no word; or one is said of
    a list of places and the other of a place alone: a total over several countries ("dead
    in Indonesia, Sri Lanka, India and Thailand") is not one country's or province's count.
    Set against several places' count, one place's needs no name: "in the province" may be
    any place the story is about, but it is one of them, not "13 countries"."""
    if not _said_of_a_place(number_a) or not _said_of_a_place(number_b):
        return False  # the cheap test: most counts are said of no place
    if _of_many(number_a) != _of_many(number_b):
        return True  # "170,000 people in the province" / "230,000 people in 13 countries"
    if _spanning(number_a) != _spanning(number_b) and not _phrase_words(number_a) & _phrase_words(number_b):
        return True  # "170,000 people in the province" / "230,000 people around the Indian Ocean"
    place_a = place_of(number_a)
    if not place_a:
        return False
    place_b = place_of(number_b)
    if not place_b:
        return False
    return not place_a & place_b or _of_a_list(number_a) != _of_a_list(number_b)


def _said_of_a_place(number: Number) -> bool:
    """Some place phrase stands right after `number`, named or not ("in the province")."""
    return _phrase_after(_after(number, 120)) is not None


def _of_many(number: Number) -> bool:
    """The count is said of several places at once: "in 13 countries", or a list of them."""
    phrase = _phrase_after(_after(number, 120))
    return phrase is not None and not _PLACES.isdisjoint(fold(phrase).split()) or _of_a_list(number)


def _spanning(number: Number) -> bool:
    """The count is said of all of a wide place ("around the Indian Ocean", "across the
    region"), a whole that holds the places a count "in" one of them is said of."""
    return _read_after(_after(number, 120))[0]


def _phrase_words(number: Number) -> frozenset[str]:
    return _read_after(_after(number, 120))[1]


@functools.lru_cache(maxsize=4096)
def _read_after(text: str) -> tuple[bool, frozenset[str]]:
    """Whether the place phrase after a count spans a wide place, and its words."""
    match = _PLACE.match(text)
    if not match:
        return False, frozenset()
    words = frozenset(word for word in fold(match.group("place")).split() if word not in _NOT_PLACE_WORDS)
    return match.group("preposition") != "in", words


@functools.lru_cache(maxsize=4096)
def _phrase_after(text: str) -> str | None:
    match = _PLACE.match(text)
    return match.group("place") if match else None


def _after(number: Number, length: int) -> str:
    at = number.sentence.find(number.raw)
    return number.sentence[at + len(number.raw) : at + len(number.raw) + length] if at >= 0 else ""


LISTED = 3  # places named in one breath: a list of them, whose count is their total


def _of_a_list(number: Number) -> bool:
    """The place after `number` opens a list of LISTED places or more."""
    return _list_after(_after(number, 160))


@functools.lru_cache(maxsize=4096)
def _list_after(text: str) -> bool:
    match = _PLACE.match(text)
    if not match:
        return False
    rest = _CLAUSE_REST.match(text, match.start("place"))
    listed = rest.group() if rest else ""
    if not _LAST_ITEM.search(listed):  # "in Bireuen, Aceh province, Indonesia": one place, nearer and wider
        return False
    items = _ITEM_BETWEEN.split(listed)
    named = [
        item
        for item in items
        if any(fold(word) not in _TIMES for word in _CAPITALISED.findall(item))
        or _PLACES.intersection(fold(item).split())
    ]
    return len(named) >= LISTED


_CLAUSE_REST = re.compile(r"[^;:.()]*")
_LAST_ITEM = re.compile(r",[^,]*\s(?:and|or)\s[^,]*$")  # "A, B and C": a list, ended by "and"
_ITEM_BETWEEN = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def other_scopes(number_a: Number, number_b: Number) -> bool:
    """The two sentences give their figures over scopes they name differently: "Nationally,
    ... 4,156 cases" / "293 cases in Indiana ... statewide"; "Worldwide" / "nationwide"."""
    scope_a, scope_b = scope_of(number_a.sentence), scope_of(number_b.sentence)
    return bool(scope_a and scope_b) and scope_a != scope_b


@functools.lru_cache(maxsize=16384)
def scope_of(sentence: str) -> str:
    """The scope a sentence names: "world", "nation", "state", or "" for none."""
    match = _SCOPE.search(sentence)
    if match is None:
        return ""
    word = match.group().lower()
    if "world" in word or "global" in word:
        return "world"
    return "nation" if "nation" in word or "country" in word else "state"


_SCOPE = re.compile(
    r"\b(?:world-?wide|globally|around the world|nation-?wide|nationally|across the country|state-?wide)\b", re.I
)
