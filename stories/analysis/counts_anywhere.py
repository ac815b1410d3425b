"""The story-wide check of counts: one count of one thing in each source, wherever it stands
("the officers fired 11 shots" / "the seven bullets fired by the officers", in sentences too
unlike to link). Each source's counts are read once (`whole_counts`), by what they count;
a pair of sources compares them thing by thing (`check_counts_anywhere`).

Versions of a story repeat most of their sentences word for word, and the sentence space
reads a repeated sentence once: the same counts meet again in every pair of sources (45
pairs of ten), so whether two counts are rivals is kept (`_rivals`, `_alike_counts`), keyed
by the two counts with their sentences (which a `Number`'s equality leaves out).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .agreement import values_agree
from .found import Found
from .harms import HARM, PEOPLE
from .model import Block
from .number_fact import Number
from .number_words import folded_words
from .numbers import COUNTED_ALIKE, counts_same, of_other_periods, stated_values
from .quantities import TIMES
from .sessions import of_other_sessions
from .spellings import respelled
from .text import lower_case_terms, stem

# Counts of people, or of harm to people (`harms`): a word in two sentences of one story does
# not make them one count ("12 people died" / "14 people were injured" in the quake).
_PEOPLE_AND_HARM = (
    frozenset(HARM)
    | PEOPLE
    | frozenset().union(
        *(
            group
            for group in COUNTED_ALIKE
            if group & {stem("people"), stem("soldiers"), stem("children"), stem("workers")}
        )
    )
)


@dataclass(frozen=True)
class Counts:
    """A source's whole counts (`whole_counts`): what is counted -> the numbers that count
    it, where; and how many values each thing is given, asked in every pair of sources the
    source takes part in (45 of ten sources), so counted once."""

    of: dict[str, list[tuple[Block, Number]]]
    values: dict[str, int]
    large: frozenset[float] = frozenset()  # the values of its counts of LARGE_COUNT or more, whatever they count


def check_counts_anywhere(found: Found, counts_a: Counts, counts_b: Counts) -> None:
    """One count of one thing in each source, wherever it stands: "the officers fired 11
    shots" / "the seven bullets fired by the officers" in sentences too unlike to link.
    Only where each source gives that thing one value and one alone, the two are said
    of the same doing, and neither source also gives the other's value: a count a source
    states twice over, or of two things, is left to the sentence-by-sentence check.
    Counts are looked up by what they count, so the work grows with the text, not its square.
    `counts_a` and `counts_b` are each source's `whole_counts`."""
    for thing, found_a in counts_a.of.items():
        found_b = counts_b.of.get(thing)
        if found_b is None or max(counts_a.values[thing], counts_b.values[thing]) > MAX_VALUES_OF_A_THING:
            continue
        if max(len(found_a), len(found_b)) > MAX_TIMES_COUNTED:
            continue
        for block_a, number_a in found_a:
            rivals = [
                (block_b, number_b)
                for block_b, number_b in found_b
                if _rivals(number_a, number_b, *_said(number_a, number_b))
            ]
            if len({number_b.value for _, number_b in rivals}) != 1:
                continue
            block_b, number_b = rivals[0]
            if number_a.value in counts_b.large or number_b.value in counts_a.large:
                continue  # "about 18,000 union members" / "about 18,000 Ralphs employees": one group, two words
            values_a = {
                number.value for _, number in found_a if _alike_counts(number, number_b, *_said(number, number_b))
            }
            values_b = {
                number.value for _, number in found_b if _alike_counts(number, number_a, *_said(number, number_a))
            }
            if (
                values_a == {number_a.value}
                and values_b == {number_b.value}
                and not values_agree(number_a, number_b)
                and not found.reported("number", stated_values, number_a.value, number_b.value)
            ):
                note = "different numbers for the same thing"
                found.add("number", (block_a, number_a.text), (block_b, number_b.text), note)


def _said(number_a: Number, number_b: Number) -> tuple[tuple[str, str], tuple[str, str]]:
    """What the key of a kept answer adds to two counts: their sentences and leads."""
    return (number_a.sentence, number_a.lead), (number_b.sentence, number_b.lead)


@functools.lru_cache(maxsize=1 << 14)
def _alike_counts(number_a: Number, number_b: Number, *_: tuple[str, str]) -> bool:
    return counts_same(number_a, number_b)


@functools.lru_cache(maxsize=1 << 14)
def _rivals(number_a: Number, number_b: Number, *_: tuple[str, str]) -> bool:
    """Two counts of one thing said of one doing."""
    return (
        counts_same(number_a, number_b)
        and _same_doing(number_a, number_b)
        and not of_other_periods((number_a,), (number_b,))
        and not of_other_sessions(number_a.sentence, number_b.sentence)
        and not _of_others(number_a, number_b)
    )


MAX_VALUES_OF_A_THING = 4  # more values than this for one word counted, and none is "the" count
# A thing counted more often than this in one source is a table's or a scraper's repeats,
# and comparing each count with each costs the cube of their number (600 counts: 6 s).
MAX_TIMES_COUNTED = 50


def _of_others(number_a: Number, number_b: Number) -> bool:
    """Said of two different names ("Haldorsen has made eight" / "Brekke has made two")."""
    subject_a, subject_b = number_a.subject, number_b.subject
    return bool(subject_a and subject_b) and subject_a != subject_b and not respelled(subject_a, subject_b)


def whole_counts(numbers: list[tuple[Block, tuple[Number, ...]]]) -> Counts:
    """The numbers that count a whole thing named right after them ("11 shots"; not "nine
    in favour"; not a part, a range, a measure or a rate), by what they count: the word
    after them, or the group of words news copy uses for one count."""
    by_thing: dict[str, list[tuple[Block, Number]]] = {}
    for block, found in numbers:
        for number in found:
            if number.partial or number.ends or number.measure or number.rate or number.unit:
                continue
            head = _head(number)
            if head:
                thing = next((str(index) for index, group in enumerate(COUNTED_ALIKE) if head in group), head)
                by_thing.setdefault(thing, []).append((block, number))
    values = {thing: len({number.value for _, number in found}) for thing, found in by_thing.items()}
    large = frozenset(number.value for found in by_thing.values() for _, number in found if number.value >= LARGE_COUNT)
    return Counts(by_thing, values, large)


LARGE_COUNT = 1000  # a count this large given by both sources, of whatever, is one count: no coincidence


def _same_doing(number_a: Number, number_b: Number) -> bool:
    """The two counts are said of the same doing: a word around them in common besides the
    counted thing itself ("fired 11 shots" / "seven bullets fired"; not "12 people died" /
    "14 people were injured"); or, for things that are not people, their sentences share
    two words besides it ("the quake damaged ... 8 bridges" / "damaged by the quakes, as
    well as seven bridges")."""
    heads = {_head(number_a), _head(number_b)}
    around_a, around_b = number_a.before | number_a.counts, number_b.before | number_b.counts
    if (around_a & around_b) - heads:
        return True
    if heads & _PEOPLE_AND_HARM:
        return False
    shared = lower_case_terms(number_a.sentence) & lower_case_terms(number_b.sentence)
    return len(shared - heads) >= SENTENCE_WORDS_SHARED


SENTENCE_WORDS_SHARED = 2


def _head(number: Number) -> str:
    """The stem of the word right after the number: what it counts ("shot" of "11 shots");
    "twice" counts times."""
    if number.counts == {TIMES} and number.raw.lower() == "twice":
        return TIMES
    words = folded_words(number.text[len(number.raw) :])
    return stem(words[0]) if words else ""
