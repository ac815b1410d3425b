"""One thing moving one way in one source and the other way in the other, by figures that
differ: "Median household income declined 1.1 percent" / "the median household income rose
by $51"; "South Korea lost 0.2-0.4 percent" / "South Korea added 0.2 percent". The same
figure both ways is `movements.opposite_moves`; here the figures may differ in value or
unit, so the thing that moves must be named alike just before the verb in both."""

from __future__ import annotations

import functools

from .agreement import values_agree
from .found import Found
from .model import Block
from .movements import WAYS, direction, moved, movement, one_mover, other_movements
from .number_fact import Number, words_before
from .sessions import of_a_market
from .text import STOPWORDS, fold, lacks_words

_WAY_WORDS = WAYS | {"lower", "higher"}  # and a comparative after a figure: "edging 7 cents lower"
_MOVER_WORDS = 3  # words before the verb of movement that name what moves
_NOT_MOVERS = frozenset("was were is are has have had been be it its which that who also shares stocks".split())


def check_turns(found: Found, a: tuple[Block, tuple[Number, ...]], b: tuple[Block, tuple[Number, ...]]) -> None:
    """Each sentence's changes of one mover, all one way in each and the other way between
    them, over one span at one time: one conflict, from the first change of each."""
    (block_a, numbers_a), (block_b, numbers_b) = a, b
    if not numbers_a or lacks_words(numbers_a[0].sentence, _WAY_WORDS):
        return  # most sentences: no word that says which way a figure went
    changes_a = [(number, way) for number in numbers_a if (way := direction(number))]
    if not changes_a:  # most sentences: no change with a way
        return
    if of_a_market(numbers_a[0].sentence) or of_a_market(numbers_b[0].sentence if numbers_b else ""):
        return  # a market moves both ways within a day: figures of two readings
    changes_b = [(number, way) for number in numbers_b if (way := direction(number))]
    for number_a, way_a in changes_a:
        mover = _mover(number_a)
        if not mover:
            continue
        mine = {way for number, way in changes_a if _mover(number) == mover}
        theirs = [(number, way) for number, way in changes_b if _mover(number) == mover]
        if len(mine) != 1 or len({way for _, way in theirs}) != 1 or theirs[0][1] == way_a:
            continue
        number_b = theirs[0][0]
        if other_movements(number_a, number_b):
            continue
        here, there = (block_a, _as_moved(number_a, numbers_a)), (block_b, _as_moved(number_b, numbers_b))
        if not found.within(here, there):
            found.add("claim", here, there, "the same thing moving one way in one source and the other in the other")
        return


def _as_moved(number: Number, numbers: tuple[Number, ...]) -> str:
    """The change as written from its verb, with the far end of a range it opens: "lost
    0.2-0.4 percent", not "lost 0.2"."""
    written = moved(number)
    for other in numbers:
        joined = f"{number.raw}-{other.text}"
        if other is not number and joined in number.sentence and written.endswith(number.text):
            return written[: len(written) - len(number.text)] + joined
    return written


def _mover(number: Number) -> str:
    return _mover_before(words_before(number.sentence, number.lead, number.raw))


@functools.lru_cache(maxsize=8192)
def _mover_before(before: str) -> str:
    """The word that names what moves: the last content word before the verb of movement
    (its last word of way), "income" of "Median household income declined"; "" if none."""
    words = [fold(word.strip(",;:()")) for word in before.split()]
    at = next((at for at in range(len(words) - 1, -1, -1) if words[at] in WAYS), -1)
    near = words[max(0, at - _MOVER_WORDS) : at] if at >= 0 else []
    return next((word for word in reversed(near) if word and word not in STOPWORDS and word not in _NOT_MOVERS), "")


def check_levels(found: Found, a: tuple[Block, tuple[Number, ...]], b: tuple[Block, tuple[Number, ...]]) -> None:
    """The level a change reached, in each sentence one of a unit, that differ, where one
    level's value stands in the other sentence as another figure: "taking its yield to 4.16
    percent" / "taking its yield to 4.18 percent, after hitting another record low of 4.16
    percent" (`numbers.check_numbers` reads a value the other states as confirmed)."""
    levels_a = _levels(a[1])
    if not levels_a:  # most sentences: no level reached
        return
    levels_b = _levels(b[1])
    for (block, levels), (other_block, others, other_levels), flipped in (
        ((a[0], levels_a), (*b, levels_b), False),
        ((b[0], levels_b), (*a, levels_a), True),
    ):
        for unit, level in levels.items():
            other = other_levels.get(unit)
            if other is None or other.value == level.value or not _stated_otherwise(level, others):
                continue
            if values_agree(level, other) or other_movements(level, other) or not one_mover(level, other):
                continue
            here, there = (block, level.text), (other_block, other.text)
            found.add("number", *((there, here) if flipped else (here, there)), "different levels reached")


def _levels(numbers: tuple[Number, ...]) -> dict[str, Number]:
    """The one level of each unit a sentence gives (a unit with two is left out)."""
    by_unit: dict[str, list[Number]] = {}
    for number in numbers:
        if number.unit and movement(number) == "level":
            by_unit.setdefault(number.unit, []).append(number)
    return {unit: found[0] for unit, found in by_unit.items() if len(found) == 1}


def _stated_otherwise(level: Number, others: tuple[Number, ...]) -> bool:
    """The level's value stands in the other sentence as no level, nor as the level a change
    started from ("up to 3.33 percent from 3.26 percent": a later reading than "to 3.26")."""
    return any(
        other.value == level.value
        and other.unit == level.unit
        and movement(other) != "level"
        and not words_before(other.sentence, other.lead, other.raw).rstrip().lower().endswith("from")
        for other in others
    )
