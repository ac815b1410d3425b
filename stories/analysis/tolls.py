"""Tolls: how many people a story's event killed, injured or left missing, compared wherever
each source gives them.

The toll is the figure outlets most often disagree on, and they state it in sentences too
unlike to link ("Israeli forces killed at least 40 people during an attack on a school" /
"Some 30 people were killed and 55 others injured when three shells landed"). A number
is a toll when it counts people (or nothing else: "14 killed", "40 dead") and a word of
one kind of harm stands after it or just before it in its clause. Where each source gives
one value of a kind, and the two cannot both be true, the sources disagree. A source that
gives several values of one kind (two attacks, a toll and a running total) says nothing:
there is no telling which figure the other's answers. A past event's toll (a year in its
sentence, and no weekday: "the 2004 tsunami left 230,000 dead") is not the story's.
"""

from __future__ import annotations

from collections.abc import Iterable

from .agreement import reported_alike, values_agree
from .dates import tells_of_the_past
from .found import Found
from .given_numbers import ByKind, Given, by_kind, one_value_each
from .harms import harm_of
from .model import Block
from .number_fact import Number
from .numbers import of_other_periods
from .one_dead import one_dead
from .places import other_places, scope_of
from .quantities import numbers_of

Tolls = ByKind  # kind of harm -> the tolls of it given, where


def tolls_of(numbers: Given, sentences: Iterable[tuple[Block, str]] = ()) -> Tolls:
    """A source's tolls of the story's event, by the kind of harm: its figures, and a death
    of one said against the others harmed (`one_dead`)."""
    tolls = by_kind(numbers, _harm_of_the_story)
    for block, text in sentences:
        number = one_dead(text)
        if number is not None:
            tolls.setdefault("dead", []).append((block, number))
    return tolls


def _harm_of_the_story(number: Number) -> str:
    harm = harm_of(number)
    return "" if harm and tells_of_the_past(number.sentence) else harm


def check_tolls(found: Found, tolls_a: Tolls, tolls_b: Tolls) -> None:
    """One toll of a kind in each source, and the two cannot both be true."""
    for kind, given_a in tolls_a.items():
        pair = one_value_each(_figures_first(given_a), _figures_first(tolls_b.get(kind, [])))
        if pair is None:
            continue
        (block_a, number_a), (block_b, number_b) = pair
        if values_agree(number_a, number_b) or of_other_periods((number_a,), (number_b,)):
            continue
        if other_places(number_a, number_b) or _one_worldwide(number_a, number_b):
            continue
        if _states_the_other(number_a, number_b):
            continue
        if not reported_alike(found, number_a, number_b):
            found.add("number", (block_a, number_a.text), (block_b, number_b.text), f"different tolls: {kind}")


def _one_worldwide(number_a: Number, number_b: Number) -> bool:
    """One toll is the world's ("Worldwide, ... 514 deaths"), the other not: one country's."""
    return (scope_of(number_a.sentence) == "world") != (scope_of(number_b.sentence) == "world")


def _states_the_other(number_a: Number, number_b: Number) -> bool:
    """Either toll's sentence also gives the other's figure, of a part: "13 of the state's 16
    fatalities" / "13 people were killed" (the 13 of one town)."""
    return any(part.partial and part.value == number_b.value for part in numbers_of(number_a.sentence)) or any(
        part.partial and part.value == number_a.value for part in numbers_of(number_b.sentence)
    )


def _figures_first(given: list[tuple[Block, Number]]) -> list[tuple[Block, Number]]:
    """A source's tolls in figures when it gives any: "claimed dozens of lives" beside
    "Some 30 people were killed" says the same more loosely, not a second toll."""
    return [(block, number) for block, number in given if not number.upto] or given


def drop_loose_tolls(found: Found, tolls_a: Tolls, tolls_b: Tolls) -> None:
    """A toll in round words ("Dozens injured", a headline's) set against the other source's
    figure ("over 200 injured") says no more than its source's own figure for that harm
    ("injuring at least 50 people"), which the other's may agree with, as a running total
    does: the reported disagreement goes."""
    if not any(number.upto for given in (*tolls_a.values(), *tolls_b.values()) for _, number in given):
        return  # the cheap test: no toll in round words, nothing to drop
    kept = []
    for item in found.items:
        if item.kind != "number" or not (
            _loosely_told(item.a.text, item.b.text, tolls_a) or _loosely_told(item.b.text, item.a.text, tolls_b)
        ):
            kept.append(item)
    found.items[:] = kept


def _loosely_told(loose: str, firm: str, tolls: Tolls) -> bool:
    rounded = [number for number in numbers_of(loose) if number.upto and harm_of(number)]
    figures = [number for number in numbers_of(firm) if not number.upto]
    if len(rounded) != 1 or len(figures) != 1:
        return False
    kind = harm_of(rounded[0])
    own = [number for _, number in tolls.get(kind, []) if not number.upto]
    return any(values_agree(number, figures[0]) for number in own)
