"""Numbers as a sentence writes them, each with what it counts: digits or number words,
percentages and currency, scale ("$2.5 billion"), the unit of measure and the time it is
counted per, the precision and bound it is written with ("about 250"), ranges ("from 7 to
75"), parts of a count ("the first 17") and the name it is said of."""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass

from .dates import Date, dates_in, is_stamp
from .proper_names import name_runs
from .sentences import CLAUSE_END
from .text import STOPWORDS, fold, stem
from .units import QUALIFIERS

_NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORDS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "dozen": 12,
    }
)
_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "bn": 1e9,
    "mln": 1e6,
    "mn": 1e6,
    "bln": 1e9,
}
_SCALE = "|".join(_SCALES)
# Amounts said in round words, each a span of values ("dozens": 24 up to 200): what a
# figure of the same thing must fall inside. Generous at the top, as copy is ("thousands
# marched" of 30,000), so that only spans that cannot meet disagree: "hundreds injured" /
# "injuring dozens"; "tens of thousands of protesters" / "an approximate 200,000".
VAGUE_AMOUNTS = {
    "dozens": (24.0, 200.0),
    "hundreds": (200.0, 2_000.0),
    "thousands": (2_000.0, 100_000.0),
    "tens of thousands": (20_000.0, 100_000.0),
    "hundreds of thousands": (200_000.0, 2_000_000.0),
    "millions": (2_000_000.0, 100_000_000.0),
    "tens of millions": (20_000_000.0, 100_000_000.0),
    "hundreds of millions": (200_000_000.0, 2_000_000_000.0),
}
_VAGUE = "|".join(sorted((words.replace(" ", r"\s+") for words in VAGUE_AMOUNTS), key=len, reverse=True))
# "41 / 2 months", "31/2 years": 4½ and 3½ as scrapers print them, the fraction's sign
# lost. Read so only before a measure of time or length, where a whole 41 or 31 is as
# likely but "41 / 2" is not (a ratio or a date is written otherwise).
_GLUED_BEFORE = (
    r"(?=[\s-]+(?:years?|months?|weeks?|days?|hours?|minutes?|miles?|inch(?:es)?|feet|foot|pounds?|metres?|meters?"
    r"|kilomet(?:re|er)s?|km)\b)"
)
# Digits (thousands may be set off by ", " as some scrapers print them), not an ordinal
# ("12th"); or a number word; either with its scale.
_IN_DIGITS = (
    r"(?<![\w.,])(?P<cur>[$€£¥])?\s?"
    r"(?P<num>\d{1,3}(?:,\s?\d{3}(?!\d))+|(?=\d+\s?/)\d+?(?=[13]\s?/\s?[24]" + _GLUED_BEFORE + r")|\d+)"
    r"(?:(?P<glued>[13]\s?/\s?[24])(?!\d)|(?P<dec>\.(?:\d+|\s\d(?![\d,.]\d)))|(?:\s?-\s?|\s)(?P<over>\d)\s?/\s?(?P<under>\d{1,2})(?!\d))?(?!\d|\ufffd|(?:st|nd|rd|th)\b)"
    rf"(?P<pct>\s?%|\s(?:per\s?cent|percent)\b)?(?:[\s-]?(?P<scale>{_SCALE})\b)?"  # "40 mln", "40-mln"
)
_NUMBER = re.compile(
    _IN_DIGITS
    + rf"|\b(?P<vague>{_VAGUE})\b(?!\s+(?:of\s+)?(?:years|miles|kilomet|metres|meters|feet|dollars|pounds|euros))"
    + r"|\b(?P<word>" + "|".join(_NUMBER_WORDS) + rf")\b(?=[\s-])(?:[\s-](?P<wscale>{_SCALE})\b)?", re.I
)
# The same for a text that spells no number out (most): looking for the words at every
# word costs three times the search for digits. Its word groups are kept, and never match.
_NUMBER_IN_DIGITS = re.compile(_IN_DIGITS + r"|(?P<vague>(?!))(?P<word>(?!))(?P<wscale>(?!))", re.I)
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join([*_NUMBER_WORDS, _VAGUE]) + r")\b", re.I)
_SPELLING_WORDS = frozenset(_NUMBER_WORDS) | {words.split()[0] for words in VAGUE_AMOUNTS}
_WORD_RUN = re.compile(r"\w+")
MEASURES = frozenset(
    stem(word)
    for word in """
second minute hour day week month year decade century km kilometre kilometer mile metre
meter m cm mm kg kilogram gram g tonne ton pound lb ounce litre liter gallon barrel acre
hectare degree mph kph knot percent point storey story floor yard yd foot feet ft inch
gb mb tb kb ghz mhz mw kw gw watt volt inches
""".split()
)
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Number:
    text: str  # the number and what it counts, as written ("250 prisoners")
    raw: str  # the number alone, as written ("250", "5 per cent")
    value: float
    unit: str  # "%", a currency sign, or ""
    counts: frozenset[str]  # stems of the two content words after it: what it counts
    measure: str  # the first of them when it is a unit of measure ("hour", "km")
    before: frozenset[str]  # stem of the content word before it ("aged", "killing")
    spelled: bool  # written as a word ("ten")
    rate: str = ""  # the time it is counted per ("day" in "46,000 barrels a day")
    rate_text: str = ""  # the number through its rate, as written
    precision: float = 1.0  # what its last written digit is worth (0.01 for "4.46")
    bound: str = ""  # "over", "under" or "about" ("more than 20", "nearly 50")
    partial: bool = False  # a part of a count: "the first 17", "one of the", "another 5"
    ends: tuple[float, float] | None = None  # a range it is one end of ("from 7 to 75 years")
    upto: float = 0.0  # the top of an amount said in round words (`VAGUE_AMOUNTS`); `value` its foot
    attributive: bool = False  # joined to its unit by a hyphen: "a 13-inch screen" (a size, not a measurement)
    describes: str = ""  # stem of the noun a hyphen-joined count describes: "system" of "a 10-rack system"
    sentence: str = dataclasses.field(default="", compare=False, repr=False)
    # Its clause up to it (at most 50 characters: what happened to what it counts), and the
    # sentence it stands in, as written (its periods are read from it when it is compared).
    lead: str = dataclasses.field(default="", compare=False, repr=False)
    subject: str = ""  # the name it is said of, just before it in its clause ("Thomas has eight")


def numbers_in(sentence: str) -> tuple[Number, ...]:
    """Only the numbers of `facts.extract`, read for less: what is compared across whole sources."""
    return figures_in(sentence)[0]


def figures_in(sentence: str) -> tuple[tuple[Number, ...], tuple[Date, ...]]:
    """Only the numbers and dates of `facts.extract`, read for less, with one reading of
    the dates: what is compared across whole sources."""
    digit = _DIGIT.search(sentence) is not None
    if not (digit or "day" in sentence or _spells_a_number(sentence)) or is_stamp(sentence):
        return (), ()
    dates, masked = dates_in(sentence)
    if not (digit and _DIGIT.search(masked) or _spells_a_number(masked)):
        return (), dates
    return numbers_of(masked, sentence), dates


def _spells_a_number(text: str) -> bool:
    """A number word stands in `text` as a word of its own ("two", not "network"). In ASCII
    text, where ignoring case is lower-casing, a look-up per word is faster than the search."""
    if text.isascii():
        return not _SPELLING_WORDS.isdisjoint(_WORD_RUN.findall(text.lower()))
    return _NUMBER_WORD.search(text) is not None


def numbers_of(text: str, sentence: str = "") -> tuple[Number, ...]:
    """The numbers of `text`, its dates blanked out first (`dates.dates_in`); `sentence` is
    `text` before the blanking (`text` itself if not given)."""
    matches = list((_NUMBER if _spells_a_number(text) else _NUMBER_IN_DIGITS).finditer(text))
    numbers = [_number(text, match, sentence or text) for match in matches]
    for index, (first, second) in enumerate(itertools.pairwise(matches)):
        if _RANGE_BETWEEN.fullmatch(text, first.end(), second.start()) and (
            text[first.end() : second.start()].strip() != "and" or _BETWEEN.search(text[: first.start()])
        ):
            numbers[index], numbers[index + 1] = _range(text, numbers[index], numbers[index + 1], first, second)
        elif _COORDINATED.fullmatch(text, first.end(), second.start()) and not numbers[index + 1].before:
            # "measuring 7.6 and 7.4": the second is said of what the first is
            numbers[index + 1] = dataclasses.replace(numbers[index + 1], before=numbers[index].before)
    return tuple(numbers)


_COORDINATED = re.compile(r"\s(?:and|or)\s")


_OF = re.compile(r"\s+of\b")
_AND_A_HALF = re.compile(r"\s(?:and\s)?a\shalf\b", re.I)  # "four and a half months", "2 and a half"


def _number(text: str, match: re.Match[str], sentence: str) -> Number:
    value, unit, spelled, precision = _value_of(match)
    end = match.end()
    half = _AND_A_HALF.match(text, end)
    if half and not match.group("dec") and not match.group("scale") and not match.group("wscale"):
        value, precision, end = value + 0.5, min(precision, 0.5), half.end()
    of = _OF.match(text, end) if match.group("vague") else None  # "hundreds of buildings"
    phrase = text[match.start() : end].strip() + (
        of.group() + _following_words(text[of.end() :]) if of else _following_words(text[end:])
    )
    counts, before, measure = _context(text, match.start(), end)
    if unit and unit != "%" and measure == "m":  # "$60m": sixty million dollars, not metres
        value, precision, measure = value * 1e6, precision * 1e6, ""
    rate, rate_end = _rate(text, end)
    rate_text = text[match.start() : rate_end].strip() if rate else ""
    head = text[max(0, match.start() - 40) : match.start()].lower()
    subject = _subject(text, match.start())
    aged = _age_of(text, match, value, measure)
    if aged or measure == "age":  # an age is said of the name it is set beside, or of no name
        measure, subject = "age", aged
    bound = "over" if _PLUS.match(text, match.end()) else _bound(head)
    return Number(
        phrase,
        text[match.start() : end].strip(),
        value,
        unit,
        counts,
        measure,
        before,
        spelled,
        rate,
        rate_text,
        precision=precision,
        bound=bound,
        subject=subject,
        partial=bool(_PARTIAL_BEFORE.search(head) or _PARTIAL_AFTER.match(text, match.end())),
        attributive=bool(measure) and _JOINING_HYPHEN.match(text[end:]) is not None,
        describes="" if measure else _described(text, end, counts),
        upto=VAGUE_AMOUNTS[" ".join(match.group("vague").lower().split())][1] if match.group("vague") else 0.0,
        sentence=sentence,
        lead=_lead(text, match.start()),
    )


def _value_of(match: re.Match[str]) -> tuple[float, str, bool, float]:
    """A number's value, unit ("%", a currency sign or ""), whether it is spelled out, and
    what its last written digit is worth."""
    if match.group("vague"):
        low, _ = VAGUE_AMOUNTS[" ".join(match.group("vague").lower().split())]
        return low, "", True, low
    if match.group("word"):
        scale = _SCALES.get((match.group("wscale") or "").lower(), 1.0)
        return _NUMBER_WORDS[match.group("word").lower()] * scale, "", True, scale
    scale = _SCALES.get((match.group("scale") or "").lower(), 1.0)
    decimals = (match.group("dec") or "").replace(" ", "")  # "4. 4", as some scrapers print 4.4
    value = float(_GROUPING.sub("", match.group("num")) + decimals) * scale
    if match.group("under") and int(match.group("under")):  # "4-1/2"
        value += int(match.group("over")) / int(match.group("under")) * scale
    elif match.group("glued"):  # "41 / 2": four and a half
        over, under = match.group("glued").replace(" ", "").split("/")
        value += int(over) / int(under) * scale
    precision = 10.0 ** -(len(decimals or ".") - 1) * scale
    unit = "%" if match.group("pct") else (match.group("cur") or "")
    return value, unit, False, precision


_GROUPING = re.compile(r",\s?")


# A range: "from 7 to 75 years", "between six and 75", "$140-150 million", "24-14".
_RANGE_BETWEEN = re.compile(r"\s*(?:-|\u2013|to|and|x|\u00d7)\s*")  # "x": a size, "1440 x 900"
_BETWEEN = re.compile(r"\bbetween\s+(?:[$\u20ac\u00a3\u00a5]\s?)?$", re.I)


def _range(text: str, low: Number, high: Number, first: re.Match[str], second: re.Match[str]) -> tuple[Number, Number]:
    """Both ends of a range, each knowing the other; the first end takes the second's scale,
    unit and counted words when it is written bare ("$140-150 million")."""
    if not first.group("scale") and second.group("scale") and not low.spelled:
        scale = _SCALES[second.group("scale").lower()]
        low = dataclasses.replace(low, value=low.value * scale, precision=low.precision * scale)
    unit = low.unit or high.unit
    ends = (low.value, high.value)
    whole = text[first.start() : second.end()].strip() + _following_words(text[second.end() :])
    low = dataclasses.replace(
        low, unit=unit, counts=low.counts or high.counts, measure=low.measure or high.measure, ends=ends, text=whole
    )
    high = dataclasses.replace(high, unit=unit, ends=ends, text=whole)
    return low, high


# "more than 20", "nearly 50", "about 250": values true within the bound they are written with.
_CURRENCY_TAIL = r"\s+(?:[$\u20ac\u00a3\u00a5]\s?)?$"
_BOUNDS = tuple(
    (name, re.compile(rf"\b(?:{words}){_CURRENCY_TAIL}"))
    for name, words in (
        (
            "over",
            "more than|greater than|higher than|larger than|bigger than|stronger than|over|above|at least|upwards of"
            "|in excess of|exceeding|topping",
        ),
        (
            "under",
            "less than|fewer than|lower than|smaller than|weaker than|under|below|up to|at most|nearly|almost"
            "|just short of|within"
            "|as many as|as much as",
        ),
        (
            "about",
            "about|around|roughly|approximately|an approximate|approximate|some|an estimated|estimated|close to"
            "|circa|nearly",
        ),
        ("several", "several|a few|many"),  # "several dozen": some dozens, more than twelve
    )
)
_PARTIAL_BEFORE = re.compile(
    r"\b(?:first|last|next|another|additional|further|other|top|final|remaining|latest|extra|previous|earlier|new)"
    + _CURRENCY_TAIL
)
_PARTIAL_AFTER = re.compile(
    r"\s+(?:of\s+(?:the|them|those|these|his|her|their|its|our|whom|which)"
    r"|more|others?)\b",
    re.I,
)


SUBJECT_WORDS = 6  # words before a number in which the name it is said of stands


def _subject(text: str, start: int) -> str:
    """The folded last word of the name nearest before a number, in its clause and a few
    words away: "Thomas has eight touchdowns" -> "thomas"."""
    clause = CLAUSE_END.split(text[max(0, start - 80) : start])[-1]
    words = " ".join(clause.split()[-SUBJECT_WORDS:])
    if words.islower() or not words:  # not a capital letter: no name
        return ""
    runs = name_runs(words)
    return fold(runs[-1][-1]) if runs else ""


# "Harlow, 32, was arrested", "Harlow, a 32-year-old driver": whose age a number is.
_APPOSITION = re.compile(r"([A-Z][\w\u2019'-]+),\s(?:(?:a|an|aged)\s)?$")
_AGE_THEN_NAME = re.compile(  # "31-year-old Robert Buckley", a whole name (not "36-year-old Australian man")
    r"\s?-?\s?years?\s?-?\s?old\s+([A-Z][\w\u2019'-]+(?:\s[A-Z][\w\u2019'-]+)+)(?![\w\u2019'-])"
)
_AGE_ENDS = re.compile(r"\s?[,)]|\.(?:\s|$)")


def _age_of(text: str, match: re.Match[str], value: float, measure: str) -> str:
    """The folded name a number is the age of, set off beside it; "" if it is none."""
    if match.group("word") or not (measure == "age" or _AGE_ENDS.match(text, match.end())):
        return ""
    if not (0 < value < 120 and value == int(value)) or match.group("cur") or match.group("pct"):
        return ""
    name = _APPOSITION.search(text, max(0, match.start() - 40), match.start())
    if name and name.group(1) not in _NOT_NAMES:
        return fold(name.group(1))
    after = _AGE_THEN_NAME.match(text, match.end()) if measure == "age" else None
    return fold(after.group(1).split()[-1]) if after else ""


_NOT_NAMES = frozenset(
    "In On At By Of For From The And But Since Until About January February March April May June July August "
    "September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


_PLUS = re.compile(r"\s?(?:-\s?plus\b|\+)", re.I)  # "three-plus seasons", "20+ years"


def _bound(head: str) -> str:
    """How the words just before a number bound it: over, under, about, or exactly ("")."""
    head = " " + head
    return next((name for name, pattern in _BOUNDS if pattern.search(head)), "")


_RATE = re.compile(
    r"[^.;:!?\d]{0,50}?\b(?:(?:a|an|per|each|every)\s+(?P<unit>hour|day|week|month|quarter|year)"
    r"|(?P<adverb>hourly|daily|weekly|monthly|quarterly|yearly|annually))\b"
    r"(?!\s+(?:before|after|later|earlier|ago|into|from|or\s+so)\b)",  # "struck an hour before": a time, no rate
    re.I,
)
_RATE_ADVERBS = {
    "hourly": "hour",
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "quarterly": "quarter",
    "yearly": "year",
    "annually": "year",
}


def _rate(text: str, end: int) -> tuple[str, int]:
    """The time a number is counted per, within the words after it, and where it ends."""
    match = _RATE.match(text, end)
    if match is None:
        return "", end
    unit = match.group("unit") or _RATE_ADVERBS[match.group("adverb").lower()]
    return unit.lower(), match.end()


_FOLLOWING = re.compile(r"(?:[\s-]+[^\W\d_][\w\u2019'-]*){1,2}")
_FOLLOWING_ONE = re.compile(r"[\s-]+[^\W\d_][\w\u2019'-]*")
_GLUED = re.compile(r"[^\W\d_]+(?=[\s,.;:!?)]|$)")
_BEFORE_SPACE_OR_HYPHEN = re.compile(r"(?=[\s-])")


def _following_words(text: str) -> str:
    """Up to two words after a number, to say what it counts ("250 prisoners", "200ft drop")."""
    glued = _GLUED.match(text)  # a unit written onto the number: "200ft"
    if glued:
        after = _FOLLOWING_ONE.match(_following_words(text[glued.end() :]))
        return glued.group() + (after.group() if after else "")
    match = _FOLLOWING.match(text)
    if not match:
        return ""
    kept = []
    for word in _BEFORE_SPACE_OR_HYPHEN.split(match.group()):
        if word.strip(" -").lower() in STOPWORDS:
            break
        kept.append(word)
    return "".join(kept)


_JOINING_HYPHEN = re.compile(r"^\s?-\s?")
_JOINED_THEN_NOUN = re.compile(r"\s?-\s?[^\W\d_]+\s+([^\W\d_]+)")


def _described(text: str, end: int, counts: frozenset[str]) -> str:
    """The noun a number joined to a word by a hyphen describes: "a 10-rack system" (a kind
    of system, not a count of racks); "" for a plain count. Measures ("a 4-1/2-month prison
    term") are left to their unit."""
    joined = _JOINED_THEN_NOUN.match(text, end)
    if joined is None:
        return ""
    noun = stem(fold(joined.group(1)))
    return noun if noun in counts and noun not in STOPWORDS else ""


_AND = re.compile(r"\s(?:and|or|but)\s", re.I)
_AND_A_NUMBER = re.compile(r"\s(?:and|or)\s[$€£¥]?\d+(?:[.,]\s?\d+)*", re.I)
_SPACED_AGE = re.compile(r"^\s?-\s?(years?)\s?-\s?old\b", re.I)


def _context(text: str, start: int, end: int) -> tuple[frozenset[str], frozenset[str], str]:
    """Stems of the two content words after a number and of the one before it, and the
    unit of measure right after it, if any. (`_lead` reads further back.)"""
    # "4-1/2-month", or "4 - 1 / 2 - month" and "32 - year - old" as some scrapers print
    # them: the hyphens join.
    after_text = text[end : end + 60]
    if "-" in after_text[:3]:
        after_text = _SPACED_AGE.sub(r" \1 old", after_text)
    after_text = CLAUSE_END.split(_JOINING_HYPHEN.sub(" ", after_text), maxsplit=1)[0]
    coordinated = _AND_A_NUMBER.match(after_text)  # "7.6 and 7.5 magnitude quakes": what the second counts
    if coordinated:
        after_text = after_text[coordinated.end() :]
    after_text = _AND.split(after_text, maxsplit=1)[0]  # "injuring dozens and destroying": not what it counts
    before_text = CLAUSE_END.split(text[max(0, start - 30) : start])[-1]
    following = [word for word in fold(after_text).split() if word not in STOPWORDS]
    before = [word for word in fold(before_text).split() if word not in STOPWORDS][-1:]
    if following[:2] in (["year", "old"], ["years", "old"]):
        # An age: what it is the age of comes after ("a 10-year-old girl"), not "year old".
        return _stems(following[2:3]), _stems(before), "age"
    after = following[:1] if following[:1] == ["times"] else following[:2]  # "shot 11 times by police"
    return _stems(after), _stems(before), _measure(after)


def _lead(text: str, start: int) -> str:
    """A number's clause up to it (at most 50 characters): "israeli forces on tuesday killed
    at least" of "... killed at least 40 people"."""
    return CLAUSE_END.split(text[max(0, start - 50) : start])[-1]


def _measure(after: list[str]) -> str:
    """The unit of measure the words after a number begin with: "ft", "metre", "short ton"."""
    if not after:
        return ""
    if after[0] in QUALIFIERS and len(after) > 1 and stem(after[1].rstrip("s")) in MEASURES:
        return f"{after[0]} {stem(after[1].rstrip('s'))}"
    return stem(after[0].rstrip("s")) if stem(after[0].rstrip("s")) in MEASURES else ""


def _stems(words: list[str]) -> frozenset[str]:
    return frozenset(stem(word) for word in words if not any(char.isdigit() for char in word))
