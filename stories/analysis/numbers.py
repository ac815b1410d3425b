"""Numbers two linked sentences give for the same thing, and whether they disagree.

A number keeps what it counts (the content words after it, in its own clause), its unit
and unit of measure, the time it is counted per, the precision and bound it is written
with, and whether it is a part of a count or an end of a range (`quantities.Number`). Two
numbers are one fact only when they count alike things in the same unit; they disagree
only when no reading of their precision and bounds makes both true.
"""

from __future__ import annotations

from .facts import Facts
from .found import Found
from .model import Block
from .quantities import Number
from .spellings import respelled
from .text import fold, stem


def check_numbers(found: Found, a: tuple[Block, Facts], b: tuple[Block, Facts]) -> None:
    """Numbers that count the same thing with different values. A number is compared only
    with the one number of the other sentence that can count what it counts (two candidates
    and there is no telling which is meant); looked at from both sides, so the result does
    not depend on which source is `a`."""
    _check_rates(found, a, b)
    _check_ranges(found, a, b)
    for (x, fx), (y, fy), flipped in ((a, b, False), (b, a, True)):
        values_x = {n.value for n in fx.numbers}
        for nx in fx.numbers:
            same = [ny for ny in fy.numbers if ny.value == nx.value]
            style = next((ny for ny in same if _number_style(nx, ny)), None)
            if style is not None:
                ends = ((x, nx.raw), (y, style.raw))
                found.add("style", *(ends[::-1] if flipped else ends), "the same number written differently")
            if same or nx.ends:
                continue
            rivals = [ny for ny in fy.numbers if ny.value not in values_x and _counts_same(nx, ny)]
            if len(rivals) != 1 or _agree(nx, rivals[0]):
                continue
            counterparts = [
                n for n in fx.numbers if n.value not in {m.value for m in fy.numbers} and _counts_same(rivals[0], n)
            ]
            if counterparts == [nx]:
                ends = ((x, nx.text), (y, rivals[0].text))
                found.add("number", *(ends[::-1] if flipped else ends), "different numbers for the same thing")


def _agree(na: Number, nb: Number) -> bool:
    """Both values true within the precision and the bound they are written with: "4.46" /
    "4.5", "about 250" / "248", "more than 20" / "23". Two values bounded alike ("more than
    13 hours" / "more than 19 hours") are two claims about one number: they disagree."""
    low, high = sorted((na.value, nb.value))
    if high - low < max(na.precision, nb.precision) / 2 - 1e-9:
        return True
    if na.bound == nb.bound:
        return False
    for this, other in ((na, nb), (nb, na)):
        if this.bound == "over" and other.value > this.value or this.bound == "under" and other.value < this.value:
            return True
        if this.bound == "about" and abs(other.value - this.value) <= ABOUT * this.value:
            return True
    return False


ABOUT = 0.05  # "about 250" holds for 238 to 262


def _check_ranges(found: Found, a: tuple[Block, Facts], b: tuple[Block, Facts]) -> None:
    """Two ranges of the same thing that share one end and not the other: "between six and
    75 years" / "from 7 to 75 years". Ranges that share no end (a 24-14 lead, a 14-0 lead)
    are too unlike to be one fact."""
    ranges_a = {n.ends: n for n in a[1].numbers if n.ends}
    ranges_b = {n.ends: n for n in b[1].numbers if n.ends}
    for ends_a, na in ranges_a.items():
        for ends_b, nb in ranges_b.items():
            shared = sum(x == y for x, y in zip(ends_a, ends_b, strict=True))
            same_thing = bool(na.counts & nb.counts) or bool(na.measure) and na.measure == nb.measure
            if shared == 1 and na.unit == nb.unit and na.measure == nb.measure and same_thing:
                found.add("number", (a[0], na.text), (b[0], nb.text), "different ranges for the same thing")


def _check_rates(found: Found, a: tuple[Block, Facts], b: tuple[Block, Facts]) -> None:
    """The same number counted per another time: "46,000 barrels a year" / "a day"."""
    for na in a[1].numbers:
        for nb in b[1].numbers:
            if na.value == nb.value and na.rate and nb.rate and na.rate != nb.rate and na.unit == nb.unit:
                note = f"the same number a {na.rate} / a {nb.rate}"
                found.add("number", (a[0], na.rate_text), (b[0], nb.rate_text), note)


def _number_style(na: Number, nb: Number) -> bool:
    return na.spelled != nb.spelled or (
        na.unit == nb.unit == "%" and na.raw.replace(" ", "") != nb.raw.replace(" ", "")
    )


def _counts_same(na: Number, nb: Number) -> bool:
    """Two numbers count the same thing: same unit and unit of measure (48 hours are not
    two days), and a shared word after them (or, when neither has one, before them). A part
    of a count ("the first 17", "one of the") or an end of a range counts no whole thing."""
    if na.partial or nb.partial or na.ends or nb.ends:
        return False
    if na.unit != nb.unit or na.measure != nb.measure:
        return False
    # A unit of measure alone says nothing of what is measured: "four years ago" and a
    # "28-year veteran" share "year" and nothing else.
    counted_a, counted_b = na.counts - {na.measure}, nb.counts - {nb.measure}
    if _alike(counted_a, counted_b):
        return True
    # "killing 14" / "12 people were killed": what one counts stands before the other.
    if not counted_a and _alike(na.before, counted_b) or not counted_b and _alike(nb.before, counted_a):
        return True
    if (counted_a or counted_b) and not na.measure:
        return False
    return bool(na.before & nb.before)


def _alike(stems_a: frozenset[str], stems_b: frozenset[str]) -> bool:
    """The same word, or two words news copy uses for one count ("shots" / "bullets")."""
    return bool(stems_a & stems_b) or any(group & stems_a and group & stems_b for group in COUNTED_ALIKE)


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
    )
)


Counts = dict[str, list[tuple[Block, Number]]]  # what is counted -> the numbers that count it, where


def check_counts_anywhere(found: Found, counts_a: Counts, counts_b: Counts) -> None:
    """One count of one thing in each source, wherever it stands: "the officers fired 11
    shots" / "the seven bullets fired by the officers" in sentences too unlike to link.
    Only where each source gives that thing one value and one alone, the two are said
    of the same doing, and neither source also gives the other's value: a count a source
    states twice over, or of two things, is left to the sentence-by-sentence check.
    Counts are looked up by what they count, so the work grows with the text, not its square.
    `counts_a` and `counts_b` are each source's `whole_counts`."""
    for thing, found_a in counts_a.items():
        if thing not in counts_b or max(_values(found_a), _values(counts_b[thing])) > MAX_VALUES_OF_A_THING:
            continue
        for block_a, na in found_a:
            rivals = [
                (block_b, nb)
                for block_b, nb in counts_b.get(thing, ())
                if _counts_same(na, nb) and _same_doing(na, nb) and not _of_others(na, nb)
            ]
            if len({nb.value for _, nb in rivals}) != 1:
                continue
            block_b, nb = rivals[0]
            values_a = {n.value for _, n in found_a if _counts_same(n, nb)}
            values_b = {n.value for _, n in counts_b[thing] if _counts_same(n, na)}
            if values_a == {na.value} and values_b == {nb.value} and not _agree(na, nb):
                found.add("number", (block_a, na.text), (block_b, nb.text), "different numbers for the same thing")


MAX_VALUES_OF_A_THING = 4  # more values than this for one word counted, and none is "the" count


def _values(found: list[tuple[Block, Number]]) -> int:
    return len({number.value for _, number in found})


def _of_others(na: Number, nb: Number) -> bool:
    """Said of two different names ("Haldorsen has made eight" / "Brekke has made two")."""
    return bool(na.subject and nb.subject) and na.subject != nb.subject and not respelled(na.subject, nb.subject)


def whole_counts(numbers: list[tuple[Block, tuple[Number, ...]]]) -> Counts:
    """The numbers that count a whole thing named right after them ("11 shots"; not "nine
    in favour"; not a part, a range, a measure or a rate), by what they count: the word
    after them, or the group of words news copy uses for one count."""
    by_thing: dict[str, list[tuple[Block, Number]]] = {}
    for block, found in numbers:
        for number in found:
            head = _head(number)
            if head and not (number.partial or number.ends or number.measure or number.rate or number.unit):
                thing = next((str(n) for n, group in enumerate(COUNTED_ALIKE) if head in group), head)
                by_thing.setdefault(thing, []).append((block, number))
    return by_thing


def _same_doing(na: Number, nb: Number) -> bool:
    """The two counts are said of the same doing: a word around them in common besides the
    counted thing itself ("fired 11 shots" / "seven bullets fired"; not "12 people died" /
    "14 people were injured")."""
    around_a, around_b = na.before | na.counts, nb.before | nb.counts
    return bool((around_a & around_b) - {_head(na), _head(nb)})


def _head(number: Number) -> str:
    """The stem of the word right after the number: what it counts ("shot" of "11 shots")."""
    words = fold(number.text[len(number.raw) :]).split()
    return stem(words[0]) if words else ""
