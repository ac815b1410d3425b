"""Whether two numbers can both be true, each within the precision and the bound it is
written with: "4.46" / "4.5", "about 250" / "248", "more than 20" / "23", "dozens" / "150";
and whether a disagreement of values alike is reported already."""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections.abc import Callable

from .found import Found
from .given_numbers import ByKind, one_value_each
from .number_fact import Number
from .quantities import numbers_of
from .units import CONVERTED_WITHIN, converted


def values_agree(number_a: Number, number_b: Number) -> bool:
    """Both values true within the precision and the bound they are written with: "4.46" /
    "4.5", "about 250" / "248", "more than 20" / "23". Two values bounded alike ("more than
    13 hours" / "more than 19 hours") are two claims about one number: they disagree, the
    toll of the story's own event too ("killing at least five" / "at least three"), unless
    both say the time they are counted by (`_counted_by_two_times`)."""
    if _counted_by_two_times(number_a, number_b):
        return True
    if number_a.upto or number_b.upto:
        (low_a, high_a), (low_b, high_b) = _span(number_a), _span(number_b)
        return low_a < high_b and low_b < high_a
    value_b, precision_b = number_b.value, number_b.precision
    if number_a.measure != number_b.measure and number_a.measure and number_b.measure:
        value_b = converted(value_b, number_b.measure, number_a.measure)
        precision_b = converted(precision_b, number_b.measure, number_a.measure)
        if abs(value_b - number_a.value) <= CONVERTED_WITHIN * number_a.value:
            return True
        number_b = dataclasses.replace(number_b, value=value_b, precision=precision_b)
    low, high = sorted((number_a.value, value_b))
    past = _past_its_bound(number_a, value_b) or _past_its_bound(number_b, number_a.value)
    coarse, fine = max(number_a.precision, precision_b), min(number_a.precision, precision_b)
    halfway = fine <= coarse / 10 + 1e-12  # "1.25" / "1.2": half-way, rounded either way; not "2 1/2" / "2"
    if (high - low < coarse / 2 - 1e-9 or halfway and high - low <= coarse / 2 + 1e-9) and not past:
        return True
    if _truncated(number_a, number_b) or _truncated(number_b, number_a):
        return True
    if number_a.bound == number_b.bound:
        return _near_floors(number_a, number_b)
    for this, other in ((number_a, number_b), (number_b, number_a)):
        if this.bound in ("over", "several") and other.value > this.value:
            return True
        if this.bound == "under" and other.value < this.value:
            return True
        if this.bound == "about" and _about(this, other.value):
            return True
        if this.bound == "near" and _near(this, other.value):
            return True
    return False


def _past_its_bound(number: Number, other: float) -> bool:
    """`other` lies on the far side of the bound `number` is written with, however near:
    "nearly 5 percent" is not 5.4 percent, "more than 20" is not 19.6."""
    if number.bound in ("near", "under"):
        return other > number.value + 1e-9
    if number.bound == "over":
        return other < number.value - 1e-9
    return False


def _truncated(exact: Number, whole: Number) -> bool:
    """A figure given to the hundredth and the other its whole part, cut rather than
    rounded: "ended up 56.79 points" / "rose 56 points"; not "2.8 million" / "2 million"."""
    return (
        abs(exact.precision - 0.01) < 1e-9
        and whole.precision == 1
        and not whole.bound
        and exact.unit == whole.unit
        and whole.value == math.floor(exact.value)
    )


def _counted_by_two_times(number_a: Number, number_b: Number) -> bool:
    """Each figure is a running total by a time its sentence states, or a reading at one,
    and the times differ: "by Sunday night ... 277,000 acres" / "264,000 acres by early last
    night" (both true as the total grows); "At midnight, Erika was about 90 miles east" /
    "Late Friday evening ... 130 miles east" (a storm moves)."""
    for stated in (_BY_TIME, _AT_TIME):
        time_a, time_b = _time_stated(number_a.sentence, stated), _time_stated(number_b.sentence, stated)
        if time_a and time_b and time_a != time_b:
            return True
    return False


@functools.lru_cache(maxsize=16384)
def _time_stated(sentence: str, stated: re.Pattern[str]) -> str:
    """The time a sentence states in the way `stated` reads one, as written, or ""."""
    match = stated.search(sentence)
    return "" if match is None else " ".join(match.group().lower().split())


# A figure read at a stated time: "At midnight, Erika was about 90 miles east", "as of 12:01
# p.m.", "Late Friday evening, forecasters said Erika was 130 miles east".
_AT_TIME = re.compile(
    r"\b(?:[Aa]t|[Aa]s\s+of)\s+(?:midnight|noon|midday|dawn|\d{1,2}(?::\s?\d\d)?\s?[ap]\.?\s?m\b)"
    r"|\b[Ll]ate\s+\w+day\s+(?:evening|night|afternoon|morning)\b"
)


_BY_TIME = re.compile(
    r"\b[Bb]y\s+(?:early\s+|late\s+|mid-?)?(?:last\s+|this\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|night|morning|afternoon|evening|noon|midday|midnight|dawn|today|tonight|yesterday|"
    r"\d{1,2}(?::\s?\d\d)?\s?[ap]\.?\s?m\b)(?:\s+(?:night|morning|afternoon|evening))?"
)


def _near_floors(number_a: Number, number_b: Number) -> bool:
    """Two lower bounds within NEAR_FLOORS of each other ("at least 1,750 people" / "at least
    1,752"; "more than 220,000" / "230,000"): both true of one figure as it is counted, not
    two estimates ("more than 31,000" / "more than 26,000")."""
    return number_a.bound == "over" and abs(number_a.value - number_b.value) <= NEAR_FLOORS * max(
        number_a.value, number_b.value
    )


NEAR_FLOORS = 0.05


ABOUT = 0.05  # "about 250" holds for 238 to 262


def _about(number: Number, value: float) -> bool:
    """`value` holds for "about `number`": within ABOUT of it and, when its last written
    digit is not a nought, less than one of that digit away. A writer who rounds writes a
    round figure: "roughly $22 million" is not $23 million; "about 250" may be 260."""
    off = abs(value - number.value)
    if off > ABOUT * number.value:
        return False
    precision = _written_to(number)
    return round(number.value / precision) % 10 == 0 or off < precision - 1e-9


def _written_to(number: Number) -> float:
    """What a number's last written digit is worth, a figure in whole thousands read as
    written to the thousand: "some 168,000" is no round figure (its thousands end in 8),
    "about 170,000" is."""
    if number.precision == 1 and number.value >= 1000 and number.value % 1000 == 0:
        return 1000.0
    return number.precision


NEAR = 0.1  # "nearly 50" holds for 45 to 50


def _near(number: Number, value: float) -> bool:
    """`value` holds for "nearly `number`" (or "as many as"): at most it and within NEAR
    below it, and, when its last written digit is not a nought, less than one of that digit
    below it: "nearly 14" is not 13, "as many as 80" is not "about 50"."""
    off = number.value - value
    if off < -1e-9 or off > NEAR * number.value:
        return False
    return round(number.value / number.precision) % 10 == 0 or off < number.precision - 1e-9


def _span(number: Number) -> tuple[float, float]:
    """The values a number holds, as written: "dozens" 24 up to 200, "more than 20" above
    20, "about 250" 238 to 262, "nearly 50" 45 to 50, "4.5" 4.45 to 4.55."""
    value = number.value
    if number.upto:
        return value, number.upto
    if number.bound in ("over", "several"):
        return value, math.inf
    if number.bound == "under":
        return 0.0, value + 1e-9
    if number.bound == "about":
        return value * (1 - ABOUT), value * (1 + ABOUT) + 1e-9
    if number.bound == "near":
        return value * (1 - NEAR), value + 1e-9
    return value - number.precision / 2, value + number.precision / 2 + 1e-9


def reported_alike(found: Found, number_a: Number, number_b: Number) -> bool:
    """A number conflict between values that agree with these two is reported already: the
    disagreement "hundreds injured" / "dozens" is not reported again as "250 others injured"
    / "dozens" from another sentence of the same source."""
    return any(
        item.kind == "number"
        and any(values_agree(number_a, stated) for stated in numbers_of(item.a.text))
        and any(values_agree(number_b, stated) for stated in numbers_of(item.b.text))
        for item in found.items
    )


def check_one_value(found: Found, given_a: ByKind, given_b: ByKind, note: Callable[[str], str]) -> None:
    """A thing of which each source gives one value, and the two cannot both be true:
    reported once, at each value's first place, with `note(kind)`."""
    for kind, numbers_a in given_a.items():
        pair = one_value_each(numbers_a, given_b.get(kind, []))
        if pair is None:
            continue
        (block_a, number_a), (block_b, number_b) = pair
        if not values_agree(number_a, number_b) and not reported_alike(found, number_a, number_b):
            found.add("number", (block_a, number_a.text), (block_b, number_b.text), note(kind))
