"""The one figure of each of two sentences that say nearly the same thing: "While there were
about 700 Uruguayan UN peacekeepers in Bunia, they were ..." / "The UN has approximately 600
troops in the town, but they were ...". The words around the figures differ, so what each
counts ("peacekeepers", "troops") shares no word; but sentences this alike that each give
one figure give it of one thing. Only for links of at least `LONE_LINK` (most sentences
linked that closely say one thing), only figures in one unit, and not when either sentence
gives a date, whose numbers shift the figures a sentence reads."""

from __future__ import annotations

import dataclasses

from .agreement import values_agree
from .facts import Facts
from .found import Found
from .model import Block
from .number_fact import ADDRESS, Number
from .numbers import counts_same, of_other_periods

LONE_LINK = 0.6


def check_lone_figures(found: Found, a: tuple[Block, Facts], b: tuple[Block, Facts]) -> None:
    """A number conflict between the lone figures of two closely linked sentences."""
    (block_a, facts_a), (block_b, facts_b) = a, b
    if len(facts_a.numbers) != 1 or len(facts_b.numbers) != 1 or facts_a.dates or facts_b.dates:
        return
    number_a, number_b = facts_a.numbers[0], facts_b.numbers[0]
    if number_a.value == number_b.value or not (_plain(number_a) and _plain(number_b)):
        return  # most closely linked sentences: the same figure
    if values_agree(number_a, number_b) or of_other_periods(facts_a.numbers, facts_b.numbers):
        return  # "3,000 tonnes in January" / "8,462 tonnes in February"
    if _alike_but_in_words(number_a, number_b):
        note = "different numbers for the same thing"
        found.add("number", (block_a, number_a.text), (block_b, number_b.text), note)


def _plain(number: Number) -> bool:
    """A count or a sum: no unit of measure, no rate, no amount in round words, no decade
    ("his 90s"), no street's block ("the 12500 block of")."""
    decade = number.text[len(number.raw) : len(number.raw) + 1] == "s"
    return not (number.measure or number.rate or number.upto or decade or number.counts == ADDRESS)


def _alike_but_in_words(number_a: Number, number_b: Number) -> bool:
    """The two figures would count one thing (`counts_same`: one unit, not a part against a
    whole, not a forecast against a result, not two harms, two years, two movements...)
    if the words after them were the same: the test of what they count, and only that,
    left out."""
    return counts_same(number_a, dataclasses.replace(number_b, counts=number_a.counts, describes=number_a.describes))
