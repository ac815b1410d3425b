"""Ages told apart by what each whole source says: the copies' days and the people it names.

A sentence pair's check compares the ages in two linked sentences as any two counts, but
a person ages between two copies written months apart: "26-year-old Simpson" in copy of
January 3 may be "27-year-old Simpson" in copy of September 27 (`copy_dates.aged_between`
says when), and that reported difference goes, as the story-wide check of ages never
reports it.

And an age set beside a family name alone ("Ortiz, 35,") is the age of the one person of
that name the source names in full ("Deputy Jerry Ortiz"): not that of another of the
family whom the other source names ("17-year-old Jeremy Ortiz, one of the deputy's sons").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from .found import Found
from .numbers import Ages
from .proper_names import NOT_NAMES


def drop_aged(found: Found, ages_a: Ages, ages_b: Ages, aged: Callable[[float], bool]) -> None:
    """Reported differences of one named person's age that the time between the two copies
    explains."""
    if not ages_a or not ages_b or not any(item.kind == "number" for item in found.items):
        return
    given_a, given_b = _by_place(ages_a), _by_place(ages_b)
    kept = []
    for item in found.items:
        age_a, age_b = given_a.get((item.a.block, item.a.text)), given_b.get((item.b.block, item.b.text))
        if item.kind == "number" and age_a and age_b and age_a[0] == age_b[0] and aged(age_b[1] - age_a[1]):
            continue
        kept.append(item)
    found.items[:] = kept


def _by_place(ages: Ages) -> dict[tuple[str, str], tuple[str, float]]:
    """(passage id, text as written) -> whose age it is, and its value."""
    return {(block.id, number.text): (name, number.value) for name, given in ages.items() for block, number in given}


def named_in_full(ages: Ages, sentences: list[str]) -> Ages:
    """The ages, an age given beside a family name alone taking the given name the source
    writes with that family name, where it writes one only ("Jerry Ortiz" ... "Ortiz, 35")."""
    if all(number.given for given in ages.values() for _, number in given):
        return ages
    completed: Ages = {}
    for name, given in ages.items():
        first_names = _first_names(name, sentences) if any(not number.given for _, number in given) else set()
        if len(first_names) == 1:
            (first,) = first_names
            given = [
                (block, number if number.given else dataclasses.replace(number, given=first)) for block, number in given
            ]
        completed[name] = given
    return completed


def _first_names(family: str, sentences: list[str]) -> set[str]:
    """The folded words a source writes just before a family name, titles left out."""
    before = re.compile(rf"\b([A-Z][a-z]+)\s+{re.escape(family)}\b", re.I)
    return {
        word.lower()
        for sentence in sentences
        if family in sentence.lower()
        for word in before.findall(sentence)
        if word[0].isupper() and word.lower() not in NOT_NAMES
    }
