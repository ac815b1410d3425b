"""Tolls: how many people a story's event killed, injured or left missing, compared wherever
each source gives them.

The toll is the figure outlets most often disagree on, and they state it in sentences too
unlike to link ("Israeli forces killed at least 40 people during an attack on a school" /
"Some 30 people were killed and 55 others injured when three shells landed"). A number
is a toll when it counts people (or nothing else: "14 killed", "40 dead") and a word of
one kind of harm stands after it or just before it in its clause. Where each source gives
one value of a kind, and the two cannot both be true, the sources disagree. A source that
gives several values of one kind (two attacks, a toll and a running total) says nothing:
there is no telling which figure the other's answers.
"""

from __future__ import annotations

from .found import Found
from .model import Block
from .numbers import of_other_periods, values_agree
from .quantities import Number
from .text import STOPWORDS, fold, stem

Tolls = dict[str, list[tuple[Block, Number]]]  # kind of harm -> the tolls of it given, where

_HARMS = {
    "dead": "killed kill kills dead died die dies deaths death fatalities lives bodies",
    "injured": "injured injuring injuries injury wounded wounding hurt",
    "missing": "missing",
}
HARM = {stem(word): kind for kind, words in _HARMS.items() for word in words.split()}
PEOPLE = frozenset(stem(word) for word in "people persons civilians others individuals victims".split())


def tolls_of(numbers: list[tuple[Block, tuple[Number, ...]]]) -> Tolls:
    """A source's tolls, by the kind of harm."""
    tolls: Tolls = {}
    for block, found in numbers:
        for number in found:
            kind = harm_of(number)
            if kind:
                tolls.setdefault(kind, []).append((block, number))
    return tolls


def harm_of(number: Number) -> str:
    """The kind of harm a number is the toll of, or ""."""
    if number.ends or number.unit or number.measure or number.rate:
        return ""
    words = fold(number.text[len(number.raw) :]).split()
    head = stem(words[0]) if words else ""
    if head in HARM:  # "40 dead", "55 injured"
        return HARM[head]
    if head and head not in PEOPLE or number.partial and head != "other":
        return ""  # "six gunmen", "two relatives", "one of the"
    after = {HARM[word] for word in number.counts if word in HARM} if head else set()
    if after:  # "30 people were killed"; not "killed 14 and injured dozens"
        return after.pop() if len(after) == 1 else ""
    words_before = [word for word in fold(number.lead).split() if word not in STOPWORDS][-WORDS_BEFORE:]
    before = {HARM[stem(word)] for word in words_before if stem(word) in HARM}
    return before.pop() if len(before) == 1 else ""  # "killed at least 40 people"


WORDS_BEFORE = 3  # content words before a number, in its clause, that may say what harm it counts


def check_tolls(found: Found, tolls_a: Tolls, tolls_b: Tolls) -> None:
    """One toll of a kind in each source, and the two cannot both be true."""
    for kind, given_a in tolls_a.items():
        given_b = tolls_b.get(kind, [])
        if len({n.value for _, n in given_a}) != 1 or len({n.value for _, n in given_b}) != 1:
            continue
        (block_a, number_a), (block_b, number_b) = given_a[0], given_b[0]
        if not values_agree(number_a, number_b) and not of_other_periods((number_a,), (number_b,)):
            found.add("number", (block_a, number_a.text), (block_b, number_b.text), f"different tolls: {kind}")
