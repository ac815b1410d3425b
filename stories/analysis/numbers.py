"""Numbers two linked sentences give for the same thing, and whether they disagree.

A number keeps what it counts (the content words after it, in its own clause), its unit
and unit of measure, the time it is counted per, the precision and bound it is written
with, and whether it is a part of a count or an end of a range (`number_fact.Number`). Two
numbers are one fact only when they count alike things in the same unit; they disagree
only when no reading of their precision and bounds makes both true.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable

from .agreement import values_agree
from .bearings import from_other_places
from .coordinated import parts_sum
from .facts import Facts
from .forecasts import forecast
from .found import Found
from .harms import PEOPLE, bare_toll, harm_of
from .magnitudes import is_magnitude
from .model import Block
from .movements import moved, movement, one_mover, opposite_moves, other_currencies, other_movements
from .number_fact import Number, start_in
from .number_words import JOINING_HYPHEN, is_depth
from .periods import periods_of, year_of
from .places import other_places, other_scopes
from .quantities import numbers_of
from .ranges import check_ranges, check_rates
from .text import stem
from .ties import in_its_unit, one_name_measured, one_person, said_alike
from .turns import check_levels, check_turns
from .units import CONVERTED_WITHIN, converted, physical, same_kind
from .zero_counts import check_zero_counts

# A sentence stating more numbers than this is a table run into one line (results, prices,
# a scraper's agate): which of its numbers counts what cannot be told, and comparing each
# with each costs the cube of their count (430 numbers in 2,000 characters took 5 s).
MOST_NUMBERS = 40


def check_numbers(found: Found, a: tuple[Block, Facts], b: tuple[Block, Facts]) -> None:
    """Numbers that count the same thing with different values. A number is compared only
    with the one number of the other sentence that can count what it counts (two candidates
    and there is no telling which is meant); looked at from both sides, so the result does
    not depend on which source is `a`. Not in a sentence of more than MOST_NUMBERS."""
    if len(a[1].numbers) > MOST_NUMBERS or len(b[1].numbers) > MOST_NUMBERS:
        return
    check_rates(found, a, b)
    check_ranges(found, a, b)
    if of_other_periods(a[1].numbers, b[1].numbers):
        return  # "2.8 mln in the quarter" / "111.8 mln for the year": figures of two periods
    check_turns(found, (a[0], a[1].numbers), (b[0], b[1].numbers))
    check_levels(found, (a[0], a[1].numbers), (b[0], b[1].numbers))
    check_zero_counts(found, a, b)
    for (block, facts), (other_block, other_facts), flipped in ((a, b, False), (b, a, True)):
        for number in facts.numbers:
            same_value = [other for other in in_its_unit(number, other_facts.numbers) if _same_amount(number, other)]
            restyled = next((other for other in same_value if _number_style(number, other)), None)
            if restyled is not None:
                note = "the same number written differently"
                _add(found, "style", (block, number.raw), (other_block, restyled.raw), flipped, note)
            for other in same_value:
                if opposite_moves(number, other) and counts_same(number, other):
                    here, there = (block, moved(number)), (other_block, moved(other))
                    if not found.within(*((there, here) if flipped else (here, there))):  # "17 cents, or 1.1%": one
                        note = "the same change, one way in one source and the other way in the other"
                        _add(found, "claim", here, there, flipped, note)
            if same_value or number.ends:
                continue
            rival = _rival(number, facts, other_facts)
            if rival is not None:
                note = "different numbers for the same thing"
                _add(found, "number", (block, number.text), (other_block, rival.text), flipped, note)


def _rival(number: Number, facts: Facts, other_facts: Facts) -> Number | None:
    """The one number of the other sentence, of a value this sentence does not state, that
    counts what `number` counts and disagrees with it; None unless `number` is in turn the
    one number of its sentence that counts what the rival counts."""
    rivals = [
        other for other in other_facts.numbers if not _stated(other, facts.numbers) and counts_same(number, other)
    ]
    rivals = said_alike(number, rivals)
    if len(rivals) != 1 or values_agree(number, rivals[0]):
        return None
    if parts_sum(rivals[0], other_facts.numbers) == number.value or parts_sum(number, facts.numbers) == rivals[0].value:
        return None  # "three people have died" / "two women and one man died": a whole and its parts
    counterparts = [
        mine for mine in facts.numbers if not _stated(mine, other_facts.numbers) and counts_same(rivals[0], mine)
    ]
    counterparts = said_alike(rivals[0], counterparts)
    return rivals[0] if counterparts == [number] else None


def of_other_periods(numbers_a: tuple[Number, ...], numbers_b: tuple[Number, ...]) -> bool:
    """Each sentence names a reporting period and they share none (`periods.periods_of`),
    or each names years and they share none: "By March 2003" / "In March 2002" share the
    month, not the period."""
    periods_a = periods_of(numbers_a[0].sentence) if numbers_a else frozenset()
    periods_b = periods_of(numbers_b[0].sentence) if numbers_b and periods_a else frozenset()
    if not (periods_a and periods_b):
        return False
    years_a, years_b = {p for p in periods_a if p.isdigit()}, {p for p in periods_b if p.isdigit()}
    return not periods_a & periods_b or bool(years_a and years_b) and not years_a & years_b


def _stated(number: Number, numbers: tuple[Number, ...]) -> bool:
    return any(_same_amount(number, other) for other in in_its_unit(number, numbers))


def _same_amount(number_a: Number, number_b: Number) -> bool:
    """The same value, or the same amount in another unit of its kind ("200ft" / "61m"). The
    same value in another unit of its kind ("200ft" / "200m") is not the same amount."""
    if number_a.upto or number_b.upto:  # "hundreds" of one thing does not confirm "hundreds" of another
        return False
    measure_a, measure_b = number_a.measure, number_b.measure
    if measure_a and measure_b and measure_a != measure_b and same_kind(measure_a, measure_b):
        in_a = converted(number_b.value, measure_b, measure_a)
        return abs(in_a - number_a.value) <= CONVERTED_WITHIN * number_a.value
    return number_a.value == number_b.value


def _add(found: Found, kind: str, here: tuple[Block, str], there: tuple[Block, str], flipped: bool, note: str) -> None:
    """A conflict with its sides in the order of the sources: `there` first when the check
    looked from the second source (`flipped`)."""
    found.add(kind, *((there, here) if flipped else (here, there)), note)


def _number_style(number_a: Number, number_b: Number) -> bool:
    return number_a.spelled != number_b.spelled or (
        number_a.unit == number_b.unit == "%" and number_a.raw.replace(" ", "") != number_b.raw.replace(" ", "")
    )


def counts_same(number_a: Number, number_b: Number) -> bool:
    """Two numbers count the same thing: same unit and unit of measure (48 hours are not
    two days), and a shared word after them (or, when neither has one, before them). A part
    of a count ("the first 17", "one of the") or an end of a range counts no whole thing,
    but two counts of what was added count one ("five more people died" / "nine more")."""
    if number_a.ends or number_b.ends:
        return False
    if (number_a.partial or number_b.partial) and not (added(number_a) and added(number_b)):
        return False
    if _names_a_kind(number_a) or _names_a_kind(number_b):
        return False
    if _new(number_a) != _new(number_b):
        return False  # "22 new cases" / "131 suspected cases": what was added, and the whole
    if forecast(number_a) != forecast(number_b):
        return False  # "expects to earn 90 cents per share" / "reported ... 22 cents per share"
    if number_a.measure == number_b.measure == "age" and number_a.subject and number_b.subject:
        return one_person(number_a, number_b)
    if number_a.unit != number_b.unit or not same_kind(number_a.measure, number_b.measure):
        if not _points_left_out(number_a, number_b):
            return False
    year_a, year_b = year_of(number_a), year_of(number_b)
    if year_a and year_b and year_a != year_b:
        return False  # "62.3 percent in 2001" / "63.6 percent in 2000": two years' figures
    if other_movements(number_a, number_b):
        return False  # "rose $4" / "closed at $23.40"; "fell 0.2 percent for the week" / "dropped 1.94 percent"
    if movement(number_a) and movement(number_b) and not one_mover(number_a, number_b):
        return False  # "the Varna index shed 15 points" / "the Dorval 300 Index edged down 9 points"
    if other_currencies(number_a, number_b):
        return False  # "the euro was at 135.92 yen" / "the dollar was at 117.85 yen"
    if bool(number_a.rate) != bool(number_b.rate):
        return False  # "$23 million per season" / "$184 million": a figure per time is no total
    if one_name_measured(number_a, number_b):
        return True
    if is_magnitude(number_a) != is_magnitude(number_b):
        return False  # "a 6.1 earthquake" / "two earthquakes": a quake's strength is no count of quakes
    if _describe_others(number_a, number_b) or _describe_others(number_b, number_a):
        return False
    if other_places(number_a, number_b) or other_scopes(number_a, number_b):
        return False  # "170,000 people in the province" / "230,000 around the ocean"; "nationally" / "statewide"
    if number_a.measure and number_b.measure and from_other_places(number_a, number_b):
        return False
    harm_a, harm_b = harm_of(number_a), harm_of(number_b)
    if harm_a and harm_b and harm_a != harm_b:
        return False  # "killed 12 people" / "14 people were injured": the dead and the injured
    if harm_a and harm_a == harm_b and (bare_toll(number_a) or bare_toll(number_b)):
        return True  # "killed more than 31,000 in Bam" / "killed more than 26,000 people in Bam"
    if number_a.upto or number_b.upto:
        # An amount in round words is most often said of a wider whole ("thousands of
        # fighters were waiting", "hundreds of thousands have fled"): compared only as a toll.
        return bool(harm_a) and harm_a == harm_b
    # A unit of measure alone says nothing of what is measured: "four years ago" and a
    # "28-year veteran" share "year" and nothing else.
    counted_a, counted_b = number_a.counts - {number_a.measure}, number_b.counts - {number_b.measure}
    counted_a, counted_b = counted_a - _WHEN_STEMS, counted_b - _WHEN_STEMS  # "3.26 percent late Tuesday": when
    if _alike(counted_a, counted_b):
        return True
    # "killing 14" / "12 people were killed": what one counts stands before the other; so
    # does it when the other counts only people, and no harm ("arrested 12 people" / "four
    # arrests"; a toll is compared by its harm, above).
    bare_a = not counted_a or not harm_a and not counted_a - PEOPLE
    bare_b = not counted_b or not harm_b and not counted_b - PEOPLE
    if bare_a and _alike(number_a.before, counted_b) or bare_b and _alike(number_b.before, counted_a):
        return True
    if number_a.unit in _CURRENCIES and (_bare_sum(number_a, counted_a) or _bare_sum(number_b, counted_b)):
        return True  # "acquire the firm for about $13 billion" / "a bid of nearly $14 billion"
    if movement(number_a) and movement(number_a) == movement(number_b):
        # Of one mover (above): "eased 5.16 points, or 0.32 percent" / "was off 0.11 percent";
        # a price's or an index's words after it say where or when, not what it counts; and
        # a change's say in what ("down 9/32" / "slipped 5/32 in price").
        one_counts = movement(number_a) == "change" and not (counted_a and counted_b)
        if not (counted_a or counted_b) or one_counts or number_a.unit or number_a.measure == "point":
            return True
    if (counted_a or counted_b) and not number_a.measure:
        return False
    if _said_after_alike(number_a.before, number_b.before) or _one_measurement(number_a, number_b):
        return True
    # "62.3 percent in 2001" / "62.6 percent in 2001": a share or a sum of one year (a bare
    # count of one year may count anything: "14,752 in 2002" hot spots, "2.5 million" visitors)
    return bool(year_a) and year_a == year_b and bool(number_a.unit)


def _said_after_alike(before_a: frozenset[str], before_b: frozenset[str]) -> bool:
    """The same word before both, or one word in two forms whose stems differ by a
    letter the crude stem keeps ("yielding" / "yield": "yieldi" / "yield")."""
    if before_a & before_b:
        return True
    return any(
        min(len(a), len(b)) >= 5 and (a.startswith(b) or b.startswith(a)) for a in before_a for b in before_b
    )


_CURRENCIES = frozenset("$€£¥")
_WHEN_STEMS = frozenset(
    stem(word)
    for word in "monday tuesday wednesday thursday friday late early earlier midday morning afternoon session".split()
)


def _bare_sum(number: Number, counted: frozenset[str]) -> bool:
    """A sum of money that names nothing it is the sum of, after it or before ("for $13
    billion.", "($141 billion)"; not "a market value of $115 billion"): the sum of the
    deal the linked sentence names, whatever word that one uses for it."""
    return not counted and _NAMED_BEFORE.search(number.lead) is None


_NAMED_BEFORE = re.compile(r"\b[a-z]+\s+of\s+(?:(?:about|nearly|almost|around|roughly|some|over|under)\s+)?$", re.I)


def _points_left_out(number_a: Number, number_b: Number) -> bool:
    """An index's figure in points and the other's with its unit left out ("slipped 4.77 ...
    to 929.62" / "shed 0.17 of a point ... to 934"): the same change or level."""
    measures = {number_a.measure, number_b.measure}
    return measures == {"point", ""} and not (number_a.unit or number_b.unit) and bool(movement(number_a))


def added(number: Number) -> bool:
    """A count of what was added to an earlier one: "five more people", "a further 159"."""
    if number.lead.split()[-1:] in (["further"], ["additional"], ["more"]):
        return True
    at = start_in(number.sentence, number.lead, number.raw)
    return at >= 0 and _MORE_AFTER.match(number.sentence, at + len(number.raw)) is not None


_MORE_AFTER = re.compile(r"\s+more\b(?!\s+than)", re.I)


def _new(number: Number) -> bool:
    """A count of new things: "22 new cases" (those added since the last count), "3,500
    additional staff"."""
    return number.text[len(number.raw) :].split()[:1] in (["new"], ["additional"], ["extra"])


def _names_a_kind(number: Number) -> bool:
    """A number joined by a hyphen to the noun it ends, after "a": "a 3-pointer", "a
    four-wheeler" name one thing of a kind, and count nothing. Not a measure ("a 26-year-old")
    nor a word describing the noun after it ("a 10-rack system")."""
    if number.measure or number.describes or not JOINING_HYPHEN.match(number.text[len(number.raw) :]):
        return False
    return _AN.search(number.lead) is not None


_AN = re.compile(r"\ban?\s$", re.I)


def _describe_others(number: Number, other: Number) -> bool:
    """`number` describes a thing ("a 10-rack system", "a three-year sentence") that `other`
    does not count: "two full racks" and "12 years in prison" are other facts."""
    if not number.describes or number.describes == other.describes:
        return False
    return not _alike(frozenset({number.describes}), other.counts | frozenset({other.describes}))


def _one_measurement(number_a: Number, number_b: Number) -> bool:
    """Two plain measurements of one physical kind ("fell 60m" / "fell 200 metres"); not a
    size said of a thing ("a 13-inch model" / "a 15-inch MacBook"), whose thing decides."""
    return (
        physical(number_a.measure)
        and physical(number_b.measure)
        and not (number_a.attributive or number_b.attributive)
        and is_depth(number_a) == is_depth(number_b)  # "a depth of 10 km" / "55 km from the town"
    )


def _alike(stems_a: frozenset[str], stems_b: frozenset[str]) -> bool:
    """The same word, or two words news copy uses for one count ("shots" / "bullets")."""
    if not stems_a or not stems_b:
        return False
    return not stems_a.isdisjoint(stems_b) or any(
        not group.isdisjoint(stems_a) and not group.isdisjoint(stems_b) for group in COUNTED_ALIKE
    )


COUNTED_ALIKE = tuple(
    frozenset(stem(word) for word in group.split())
    for group in (
        "people persons residents individuals civilians",
        "dead killed deaths died fatalities lives bodies",
        "injured wounded hurt injuries",
        "shots bullets rounds",
        "guns rifles weapons firearms",
        "homes houses dwellings",
        "soldiers troops",
        "children kids",
        "cars vehicles",
        "workers employees staff",
        "quake earthquake tremor temblor magnitude",
    )
)


Ages = dict[str, list[tuple[Block, Number]]]  # whose age (a folded family name) -> the ages given, where


def ages_of(numbers: list[tuple[Block, tuple[Number, ...]]]) -> Ages:
    """The ages a source gives named people ("Harlow, 32,", "Harlow, a 32-year-old"), by name."""
    ages: Ages = {}
    for block, found in numbers:
        for number in found:
            if number.measure == "age" and number.subject:
                ages.setdefault(number.subject, []).append((block, number))
    return ages


def check_ages_anywhere(found: Found, ages_a: Ages, ages_b: Ages, aged: Callable[[float], bool] | None = None) -> None:
    """One person given one age in each source, and another in each, wherever they stand:
    a person's age is one fact of the story, whatever sentence states it. Sources written
    apart give the ages of then: `aged(older_by)` says whether a person `older_by` years
    older in b's copy may have aged so between the two (`copy_dates.aged_between`)."""
    for name, given_a in ages_a.items():
        given_b = ages_b.get(name, [])
        values_a, values_b = {n.value for _, n in given_a}, {n.value for _, n in given_b}
        if len(values_a) == 1 and len(values_b) == 1 and values_a != values_b:
            (block_a, number_a), (block_b, number_b) = given_a[0], given_b[0]
            if not one_person(number_a, number_b):
                continue
            if aged is not None and aged(number_b.value - number_a.value):
                continue
            if not found.reported("number", stated_values, number_a.value, number_b.value):
                note = f"different ages of {name.title()}"
                found.add("number", (block_a, number_a.text), (block_b, number_b.text), note)


def stated_values(text: str) -> set[Hashable]:
    """The values of the numbers a reported text states."""
    return {number.value for number in numbers_of(text)}
