"""Numbers as a sentence writes them, each with what it counts: digits or number words,
percentages and currency, scale ("$2.5 billion"), the unit of measure and the time it is
counted per, the precision and bound it is written with ("about 250"), ranges ("from 7 to
75"), parts of a count ("the first 17") and the name it is said of."""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re

from .dates import Date, dates_in, is_stamp
from .movements import changes_from, moves_to
from .number_fact import ADDRESS, Number, made
from .number_rates import rate_of, rates_to
from .number_values import NUMBER_WORDS, SCALES, VAGUE_AMOUNTS, value_of
from .number_words import (
    HARMED_OTHER,
    JOINING_HYPHEN,
    PART_WORDS,
    PARTIAL_AFTER,
    PARTIAL_BEFORE,
    PLUS,
    age_of,
    bound_of,
    clauses_before,
    context_of,
    described,
    following_words,
    last_words,
    last_words_at,
    subject_of,
)
from .text import ascii_twin, has_digit, lower_words, stem, word_starts
from .units import unit_of

_SCALE = "|".join(SCALES)
# "twenty-six", "twenty - six" (as some scrapers print it), "twenty six": one number, not 20 and 6.
_TENS_AND_ONES = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:\s?-\s?|\s)"
    r"(?:one|two|three|four|five|six|seven|eight|nine)\b|"
)
# What "a pair of" names as one thing: "a pair of sunglasses" is no count of two.
_ONE_THING = "|".join(
    "glasses sunglasses spectacles goggles binoculars shoes boots sneakers trainers socks gloves jeans trousers"
    " pants shorts tights scissors handcuffs earrings headphones pliers tongs".split()
)
_VAGUE = "|".join(sorted((words.replace(" ", r"\s+") for words in VAGUE_AMOUNTS), key=len, reverse=True))
# "41 / 2 months", "31/2 years": 4½ and 3½ as scrapers print them, the fraction's sign
# lost. Read so only before a measure of time or length, where a whole 41 or 31 is as
# likely but "41 / 2" is not (a ratio or a date is written otherwise).
_GLUED_BEFORE = (
    r"(?=[\s-]+(?:years?|months?|weeks?|days?|hours?|minutes?|miles?|inch(?:es)?|feet|foot|pounds?|metres?|meters?"
    r"|kilomet(?:re|er)s?|km)\b)"
)
# Digits (thousands may be set off by ", " as some scrapers print them), not an ordinal
# ("12th") nor run into a capitalised word, which makes a name ("10News", "7Eleven"); or a
# number word; either with its scale. A market quote's bid and offer ("$4.81/83",
# "135.92/6.04") is read as its bid, the offer's last digits no number of their own.
_IN_DIGITS = (
    r"(?<![\w.,])(?P<cur>[$€£¥])?\s?"
    r"(?P<num>\d{1,3}(?:,\s?\d{3}(?!\d))+|(?=\d+\s?/)\d+?(?=[13]\s?/\s?[24]" + _GLUED_BEFORE + r")|\d+)"
    r"(?:(?P<glued>[13]\s?/\s?[24])(?!\d)|(?P<dec>\.(?:\d+|\s\d(?![\d,.]\d)))(?:/\d{1,4}(?:\.\d+)?(?![\d.,]\d))?|(?:\s?-\s?|\s)(?P<over>\d{1,2})\s?/\s?(?P<under>\d{1,2})(?!\d)|/(?P<in32nds>32|64)(?!\d))?(?!\d|\ufffd|(?:st|nd|rd|th)\b|(?-i:(?![KMGT]b)[A-Z][a-z]))"
    rf"(?P<pct>\s?%|\s(?:per\s?cent|percent)\b)?(?:[\s-]?(?P<scale>{_SCALE})\b)?"  # "40 mln", "40-mln"
)
_NUMBER = re.compile(
    _IN_DIGITS
    + rf"|\b(?P<vague>{_VAGUE})\b(?!\s+(?:of\s+)?(?:years|miles|kilomet|metres|meters|feet|dollars|pounds|euros))"
    + r"|\b(?P<word>"
    + _TENS_AND_ONES
    + "|".join(NUMBER_WORDS)
    + rf")\b(?=[\s-])(?:[\s-](?P<wscale>(?:hundred|dozen)(?:[\s-](?:{_SCALE}))?|{_SCALE})\b)?"
    # "married twice": two times; not "twice as many" nor "twice the size" (a multiple), nor
    # "twice admitted" (which counts the admissions, not what the sentence counts)
    + r"|\b(?P<twice>twice)\b(?!\s+(?:as|the|that|a|an|over|more|than|its|their|his|her|\w+ed)\b)"
    # "a pair of left hooks": two; not "a pair of glasses", one thing named in the plural
    + rf"|(?<=\ba\s)(?P<pair>pair)(?=\s+of\s)(?!\s+of\s+(?:[\w-]+\s+)?(?:{_ONE_THING})\b)",
    re.I,
)
# The same for a text that spells no number out (most): looking for the words at every
# word costs three times the search for digits. Its word groups are kept, and never match.
_NUMBER_IN_DIGITS = re.compile(
    _IN_DIGITS + r"|(?P<vague>(?!))(?P<word>(?!))(?P<wscale>(?!))(?P<twice>(?!))(?P<pair>(?!))", re.I
)
_NUMBER_ASCII, _NUMBER_IN_DIGITS_ASCII = ascii_twin(_NUMBER), ascii_twin(_NUMBER_IN_DIGITS)
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join([*NUMBER_WORDS, _VAGUE, "twice", "pair"]) + r")\b", re.I)
SPELLING_WORDS = frozenset(NUMBER_WORDS) | {words.split()[0] for words in VAGUE_AMOUNTS} | {"twice", "pair"}
TIMES = "time"  # the stem of "times": what "twice" counts ("married twice" / "married three times")


def numbers_in(sentence: str) -> tuple[Number, ...]:
    """Only the numbers of `facts.extract`, read for less: what is compared across whole sources."""
    return figures_in(sentence)[0]


def figures_in(sentence: str) -> tuple[tuple[Number, ...], tuple[Date, ...]]:
    """Only the numbers and dates of `facts.extract`, read for less, with one reading of
    the dates: what is compared across whole sources."""
    digit = has_digit(sentence)
    if not (digit or "day" in sentence or _spells_a_number(sentence)) or is_stamp(sentence):
        return (), ()
    dates, masked = dates_in(sentence, digit)
    if not (digit and (masked is sentence or has_digit(masked)) or _spells_a_number(masked)):
        return (), dates
    return numbers_of(masked, sentence), dates


@functools.lru_cache(maxsize=4096)
def _spells_a_number(text: str) -> bool:
    """A number word stands in `text` as a word of its own ("two", not "network"). In ASCII
    text, where ignoring case is lower-casing, a look-up per word (`text.lower_words`) is
    faster than the search. Kept for the texts met last: a sentence's blanked text is asked
    twice (`figures_in`, `_number_matches`)."""
    words = lower_words(text)
    if words is not None:
        return not SPELLING_WORDS.isdisjoint(words)
    return _NUMBER_WORD.search(text) is not None


def numbers_of(text: str, sentence: str = "") -> tuple[Number, ...]:
    """The numbers of `text`, its dates blanked out first (`dates.dates_in`); `sentence` is
    `text` before the blanking (`text` itself if not given)."""
    matches = _number_matches(text)
    rates_end = rates_to(text) if matches else -1
    numbers = [_number(text, match, sentence or text, rates_end) for match in matches]
    for index, (first, second) in enumerate(itertools.pairwise(matches)):
        if (
            _RANGE_BETWEEN.fullmatch(text, first.end(), second.start())
            and (text[first.end() : second.start()].strip() != "and" or _BETWEEN.search(text[: first.start()]))
            and not moves_to(text, first.start())  # "rose 44 cents to $41.19": a change, then a level
            and not changes_from(text, first.start())  # "raised it from $11 million to $17 million"
        ):
            numbers[index], numbers[index + 1] = _range(text, numbers[index], numbers[index + 1], first, second)
        elif _RANGE_BETWEEN.fullmatch(text, first.end(), second.start()) and changes_from(text, first.start()):
            numbers[index] = _scaled_as(numbers[index], numbers[index + 1], first, second)  # "from 5 to 7 percent"
            if not numbers[index + 1].before:  # the new level, of what the old one is
                numbers[index + 1] = dataclasses.replace(numbers[index + 1], before=numbers[index].before)
        elif _COORDINATED.fullmatch(text, first.end(), second.start()) and not numbers[index + 1].before:
            # "measuring 7.6 and 7.4": the second is said of what the first is
            numbers[index + 1] = dataclasses.replace(numbers[index + 1], before=numbers[index].before)
    return tuple(_with_elided_units(text, numbers, matches))


def _with_elided_units(text: str, numbers: list[Number], matches: list[re.Match[str]]) -> list[Number]:
    """A bare number after one with a unit of measure, in the same sentence, names no unit
    because it is the same ("Smith scored 14 points and Jones added 12 for the visitors"):
    it takes the earlier one's unit and what it counts. Not an age or a span of time, which
    a sentence gives many of, nor a part ("8 of 12")."""
    measured: Number | None = None
    for index, (number, match) in enumerate(zip(numbers, matches)):
        if number.measure:
            kind = unit_of(number.measure).kind
            measured = None if number.measure == "age" or kind == "time" else number
        elif measured and not (number.unit or number.ends or number.partial or number.upto):
            if _ELIDED_UNIT.match(text, match.end()):
                numbers[index] = dataclasses.replace(number, measure=measured.measure, counts=measured.counts)
        elif index and _elided_noun(text, numbers[index - 1], matches[index - 1], number, match):
            noun = frozenset({stem(numbers[index - 1].text[len(numbers[index - 1].raw) :].split()[0].lower())})
            numbers[index] = dataclasses.replace(number, counts=noun, before=numbers[index - 1].before)
    return numbers


def _elided_noun(
    text: str, earlier: Number, earlier_match: re.Match[str], number: Number, match: re.Match[str]
) -> bool:
    """A bare number after "and" whose noun is the one counted before it in the clause: "11
    offices in Massachusetts and nine in southern New Hampshire" (nine offices, not nine
    of what stands after "in")."""
    if number.unit or number.ends or number.partial or number.upto or earlier.unit or earlier.measure:
        return False
    between = text[earlier_match.end() : match.start()]
    counted = earlier.text[len(earlier.raw) :].split()
    return (
        bool(counted)
        and counted[0].isalpha()
        and _AND_BEFORE.search(between) is not None
        and "," not in between
        and _ELIDED_NOUN.match(text, match.end()) is not None
    )


_AND_BEFORE = re.compile(r"\sand\s$")
# What follows a number whose counted noun is left out: a preposition of place or time.
_ELIDED_NOUN = re.compile(r"\s(?:in|at|on|from|outside)\s", re.I)


# What follows a number whose unit is left out: the end of its clause or a word that cannot be a unit.
_ELIDED_UNIT = re.compile(r"\s?(?:[,.;:)]|$)|\s(?:for|in|against|on|off|as|while|but)\b", re.I)


_COORDINATED = re.compile(r"\s(?:and|or)\s")
# Read of ASCII text only. Its first digit alone before the rest: a pattern that begins with a
# set of characters is searched for at C speed, one that begins with a repeat tried at every place.
_DIGIT_RUN = re.compile(r"\d\d*", re.ASCII)


def _number_matches(text: str) -> list[re.Match[str]]:
    """What `finditer` of the number pattern finds, found for less: the pattern is tried
    only where a match can begin. A number in digits begins at most two characters (a
    currency sign, a space) before the first digit of a run of digits, a number word at
    the start of a word; the search tried every character of the sentence, and trying
    the spelled words at each cost three times that. Tried in order, from the end of
    the last match on, so the matches are those of `finditer`. Text that is not ASCII
    is searched as before: ignoring case, "\u017fix" is "six"."""
    spelled = _spells_a_number(text)
    if not text.isascii():
        return list((_NUMBER if spelled else _NUMBER_IN_DIGITS).finditer(text))
    if not spelled:
        return _numbers_in_digits(text)
    starts = {
        start
        for run in _DIGIT_RUN.finditer(text)
        for start in range(max(0, run.start() - 2), run.start() + 1)
        if start == run.start() or text[start] in _OPENERS
    }
    starts.update(word_starts(text, SPELLING_WORDS))
    matches: list[re.Match[str]] = []
    pattern = _NUMBER_ASCII
    end = 0
    for start in sorted(starts):
        if start >= end and (match := pattern.match(text, start)):
            matches.append(match)
            end = match.end()
    return matches


# What an ASCII number in digits can begin with before its first digit: "$" or white space
# (`_IN_DIGITS`). A place before a run of digits that holds anything else is not tried.
_OPENERS = frozenset("$ \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f")


def _numbers_in_digits(text: str) -> list[re.Match[str]]:
    """`_number_matches` of ASCII text that spells no number: the places a number can begin
    are met in order run by run (each tried once), so they need no set nor sorting. A
    number found at one of a run's places ends past the run's first digit, past the rest."""
    matches: list[re.Match[str]] = []
    end = tried = 0
    for run in _DIGIT_RUN.finditer(text):
        for start in range(max(end, tried, run.start() - 2), run.start() + 1):
            if start < run.start() and text[start] not in _OPENERS:
                continue
            if match := _NUMBER_IN_DIGITS_ASCII.match(text, start):
                matches.append(match)
                end = match.end()
                break
        tried = run.start() + 1
    return matches


_OF = re.compile(r"\s+of\b")
_BLOCK_OF = re.compile(r"\s+block\s+of\s", re.I)

_FROM = re.compile(r"\s+from\b")
_SPEEDS = {"mile": "mph", "kilome": "kph"}
_CENTS = re.compile(r"\s?cents?\b", re.I)
_AND_A_HALF = re.compile(r"\s(?:and\s)?a\shalf\b", re.I)  # "four and a half months", "2 and a half"


def _number(text: str, match: re.Match[str], sentence: str, rates_end: int) -> Number:
    """A number `match` found in `text`; no rate is looked for after `rates_end` (`rates_to`)."""
    value, unit, spelled, precision = value_of(match)
    end = match.end()
    half = _AND_A_HALF.match(text, end)
    if half and not match.group("dec") and not match.group("scale") and not match.group("wscale"):
        value, precision, end = value + 0.5, min(precision, 0.5), half.end()
    of = _OF.match(text, end) if match.group("vague") or match.group("pair") else None  # "hundreds of buildings"
    phrase = text[match.start() : end].strip() + (
        of.group() + following_words(text, of.end()) if of else following_words(text, end)
    )
    clause, lead, near_clause = clauses_before(text, match.start())
    counts, before, measure = context_of(text, end, near_clause)
    if match.group("twice"):
        counts, measure = frozenset({TIMES}), ""
    elif _BLOCK_OF.match(text, end) and text.endswith("the ", 0, match.start()):
        counts, measure = ADDRESS, ""  # "in the 12500 block of East 223rd Street": where, not how many
    if unit and unit != "%" and measure == "m":  # "$60m": sixty million dollars, not metres
        value, precision, measure = value * 1e6, precision * 1e6, ""
    rate, rate_end = rate_of(text, end) if end <= rates_end else ("", end)
    rate_text = text[match.start() : rate_end].strip() if rate else ""
    if not unit and _CENTS.match(text, end):  # "rose 22 cents": $0.22, as "rose $6.03" is in dollars
        value, precision, unit = value / 100, precision / 100, "$"
    if rate == "hour" and measure in _SPEEDS:  # "105 miles an hour": a speed, as "105 mph" is
        measure, rate, rate_text = _SPEEDS[measure], "", ""
    head = text[max(0, match.start() - 40) : match.start()].lower()
    subject = subject_of(clause)
    aged, given = age_of(text, match, value, measure)
    if aged or measure == "age":  # an age is said of the name it is set beside, or of no name
        measure, subject = "age", aged
    words_at = last_words_at(head)
    head_words = last_words(head, words_at)
    bound = "over" if PLUS.match(text, match.end()) else bound_of(head, words_at, head_words)
    if bound == "under" and head.endswith("up to ") and _FROM.match(text, end):
        bound = ""  # "driving its yield up to 3.33 percent from 3.26": where it rose to, no ceiling
    return made(
        text=phrase,
        raw=text[match.start() : end].strip(),
        value=value,
        unit=unit,
        counts=counts,
        measure=measure,
        before=before,
        spelled=spelled,
        rate=rate,
        rate_text=rate_text,
        precision=precision,
        bound=bound,
        partial=_partial(head, words_at, text, match.end(), head_words),
        ends=None,
        upto=VAGUE_AMOUNTS[" ".join(match.group("vague").lower().split())][1] if match.group("vague") else 0.0,
        attributive=bool(measure) and JOINING_HYPHEN.match(text[end:]) is not None,
        describes="" if measure else described(text, end, counts),
        sentence=sentence,
        lead=lead,
        subject=subject,
        given=given,
    )


def _partial(head: str, words_at: int, text: str, end: int, head_words: list[str] | None) -> bool:
    """A part of a count: "the first 17", "another 5", "one of the" (not "wounding another 70").
    `head_words`: the words that end `head` (`last_words`): a part's word before the number
    is the last of them, or it writes none."""
    if head_words is not None and not (head_words and head_words[-1] in PART_WORDS):
        return _part_after(head, text, end)
    before, harmed = _PARTS_ASCII if head.isascii() else _PARTS
    return bool(before.search(head, words_at) and not harmed.search(head, words_at) or _part_after(head, text, end))


def _part_after(head: str, text: str, end: int) -> bool:
    """ "of the", "more", "others" after a number make it a part; not "others" after a doing
    of its own ("killing six guerrillas and arresting 21 others": the arrests' whole count)."""
    after = PARTIAL_AFTER.match(text, end)
    if after is None:
        return False
    return not (after.group().strip().lower().startswith("other") and _DOING_BEFORE.search(head))


_DOING_BEFORE = re.compile(r"\band\s+[a-z]+ing\s*$")


_PARTS = (PARTIAL_BEFORE, HARMED_OTHER)
_PARTS_ASCII = (ascii_twin(PARTIAL_BEFORE), ascii_twin(HARMED_OTHER))


# A range: "from 7 to 75 years", "between six and 75", "$140-150 million", "24-14".
_RANGE_BETWEEN = re.compile(r"\s*(?:-|\u2013|to|and|x|\u00d7)\s*")  # "x": a size, "1440 x 900"
_BETWEEN = re.compile(r"\bbetween\s+(?:[$\u20ac\u00a3\u00a5]\s?)?$", re.I)


def _scaled_as(low: Number, high: Number, first: re.Match[str], second: re.Match[str]) -> Number:
    """The first of two figures "from 5 to 7 percent", written bare, in the second's scale and unit."""
    if not first.group("scale") and second.group("scale") and not low.spelled:
        scale = SCALES[second.group("scale").lower()]
        low = dataclasses.replace(low, value=low.value * scale, precision=low.precision * scale)
    return dataclasses.replace(low, unit=low.unit or high.unit)


def _range(text: str, low: Number, high: Number, first: re.Match[str], second: re.Match[str]) -> tuple[Number, Number]:
    """Both ends of a range, each knowing the other; the first end takes the second's scale,
    unit and counted words when it is written bare ("$140-150 million")."""
    if not first.group("scale") and second.group("scale") and not low.spelled:
        scale = SCALES[second.group("scale").lower()]
        low = dataclasses.replace(low, value=low.value * scale, precision=low.precision * scale)
    unit = low.unit or high.unit
    ends = (low.value, high.value)
    whole = text[first.start() : second.end()].strip() + following_words(text, second.end())
    low = dataclasses.replace(
        low, unit=unit, counts=low.counts or high.counts, measure=low.measure or high.measure, ends=ends, text=whole
    )
    high = dataclasses.replace(high, unit=unit, ends=ends, text=whole)
    return low, high
