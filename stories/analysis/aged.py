"""Ages told apart by what each whole source says: the copies' days and the people it names.

A sentence pair's check compares the ages in two linked sentences as any two counts, but
a person ages between two copies written months apart: "26-year-old Simpson" in copy of
January 3 may be "27-year-old Simpson" in copy of September 27 (`copy_dates.aged_between`
says when), and that reported difference goes, as the story-wide check of ages never
reports it.
"""

from __future__ import annotations

from collections.abc import Callable

from .found import Found
from .numbers import Ages


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
