"""Which of several numbers that count the same thing is the one a number is set against.

A sentence often gives two counts of one kind of thing: people sheltering and people
killed, one player's points and another's. Compared with a sentence that gives one of
them, only the count said alike can be its rival: of the same harm ("killed one person"
against "killing four people", not "14,000 people" who fled), or of the same name ("Carter
scored 14 points" against "Carter had 12 points", not "13 points from VanDeest"). And a
figure given in two units is set against the other source's figure in that one's own unit.
"""

from __future__ import annotations

from .harms import harm_of
from .movements import movement
from .number_fact import Number
from .spellings import respelled
from .units import physical, unit_of


def said_alike(number: Number, candidates: list[Number]) -> list[Number]:
    """The candidates said of what `number` is said of: its harm, then its name, then whether
    it is a change or a level (`movements`), each only where `number` has one and some
    candidate shares it; all of them when none tells them apart."""
    for key, same in ((harm_of, _equal), (_subject, _same_name), (movement, _equal)):
        if len(candidates) < 2:
            break
        mine = key(number)
        narrowed = [other for other in candidates if mine and same(mine, key(other))]
        candidates = narrowed or candidates
    return candidates


def _subject(number: Number) -> str:
    return number.subject


def _equal(a: str, b: str) -> bool:
    return a == b


def _same_name(a: str, b: str) -> bool:
    return bool(b) and (a == b or respelled(a, b))


def one_person(number_a: Number, number_b: Number) -> bool:
    """Two ages said of one person: the same family name, and not two given names written
    with it ("Katherine Gomes" and "Gary Gomes" are mother and son; "John Smith" and
    "Officer John Smith" are one man)."""
    if not _same_name(number_a.subject, number_b.subject):
        return False
    given_a, given_b = number_a.given.split(), number_b.given.split()
    return not (given_a and given_b) or any(_same_name(a, b) for a in given_a for b in given_b)


def one_name_measured(number_a: Number, number_b: Number) -> bool:
    """Two figures in one measure said of one name: "Carter scored 14 points" / "Carter
    had 12 points". A measure alone says nothing of what is measured, a name beside it
    does. Not a span of time, which a name has many of ("served 12 years", "sentenced to
    five years")."""
    return (
        bool(number_a.measure)
        and number_a.measure == number_b.measure
        and unit_of(number_a.measure).kind != "time"
        and _same_name(number_a.subject, number_b.subject)
        and bool(number_a.subject)
    )


def in_its_unit(number: Number, numbers: tuple[Number, ...]) -> tuple[Number, ...]:
    """The numbers that can state `number`'s amount: those in its own physical unit when
    the sentence gives one ("about 58km (36 miles)" states 35 miles only through its 36
    miles, which do not), else all of them. A conversion in brackets is rounded; the figure
    in the other source's own unit is the one to set against it."""
    if not number.measure or not physical(number.measure):  # most numbers: no unit of measure
        return numbers
    return tuple(other for other in numbers if other.measure == number.measure) or numbers
