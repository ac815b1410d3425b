"""Two figures of linked sentences that `numbers.check_numbers` reads as wholes before it
compares single numbers: ranges of the same thing that share one end, and one value
counted per two different times."""

from __future__ import annotations

from .facts import Facts
from .found import Found
from .model import Block
from .number_fact import Number


def check_ranges(found: Found, a: tuple[Block, Facts], b: tuple[Block, Facts]) -> None:
    """Two ranges of the same thing that share one end and not the other: "between six and
    75 years" / "from 7 to 75 years". Ranges that share no end (a 24-14 lead, a 14-0 lead)
    are too unlike to be one fact."""
    (block_a, facts_a), (block_b, facts_b) = a, b
    ranges_a = {number.ends: number for number in facts_a.numbers if number.ends}
    ranges_b = {number.ends: number for number in facts_b.numbers if number.ends}
    for ends_a, range_a in ranges_a.items():
        for ends_b, range_b in ranges_b.items():
            shared = sum(end_a == end_b for end_a, end_b in zip(ends_a, ends_b, strict=True))
            same_thing = (
                bool(range_a.counts & range_b.counts)
                or bool(range_a.measure) and range_a.measure == range_b.measure
                or not (range_a.counts or range_b.counts) and _said_alike(facts_a, ends_a, facts_b, ends_b)
            )
            if shared == 1 and range_a.unit == range_b.unit and range_a.measure == range_b.measure and same_thing:
                note = "different ranges for the same thing"
                found.add("number", (block_a, range_a.text), (block_b, range_b.text), note)
            elif shared < 2 and _poll_tally(range_a) and _poll_tally(range_b):
                note = "different shares for the same race"
                found.add("number", (block_a, range_a.text), (block_b, range_b.text), note)


def _said_alike(facts_a: Facts, ends_a: tuple[float, float], facts_b: Facts, ends_b: tuple[float, float]) -> bool:
    """A word before either end of each range in common: "costs between $4,450 and $5,800"
    / "costs between $4,500 and $5,800"."""
    return bool(_before_either(facts_a, ends_a) & _before_either(facts_b, ends_b))


def _before_either(facts: Facts, ends: tuple[float, float]) -> frozenset[str]:
    return frozenset().union(*(number.before for number in facts.numbers if number.ends == ends))


def _poll_tally(number: Number) -> bool:
    """Shares of a race, the leader's first: "leading Katz 42 percent to 34 percent", "46 to
    40 percent" (a range runs upwards; a game's score has no percent)."""
    low, high = number.ends or (0.0, 0.0)
    return number.unit == "%" and low > high


def check_rates(found: Found, a: tuple[Block, Facts], b: tuple[Block, Facts]) -> None:
    """The same number counted per another time: "46,000 barrels a year" / "a day"."""
    (block_a, facts_a), (block_b, facts_b) = a, b
    for number_a in facts_a.numbers:
        for number_b in facts_b.numbers:
            if _per_other_times(number_a, number_b):
                note = f"the same number a {number_a.rate} / a {number_b.rate}"
                found.add("number", (block_a, number_a.rate_text), (block_b, number_b.rate_text), note)


def _per_other_times(number_a: Number, number_b: Number) -> bool:
    """One value, in one unit, counted per two different times."""
    return (
        number_a.value == number_b.value
        and bool(number_a.rate and number_b.rate)
        and number_a.rate != number_b.rate
        and number_a.unit == number_b.unit
    )
