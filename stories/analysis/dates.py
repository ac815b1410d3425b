"""Dates a sentence states: dates of the month, years and decades, weekdays, each with the
content words around it that say what it dates. A publication stamp ("Updated 14:02
GMT") and the date of a dateline say when the copy was written, not what happened: they
are not facts of the story."""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .sentences import CLAUSE_END
from .text import STOPWORDS, ascii_twin, fold, fold_word, has_digit, stem

_MONTH_NAMES = "january february march april may june july august september october november december".split()
_MONTHS = {month: number + 1 for number, month in enumerate(_MONTH_NAMES)}
_MONTHS.update({month[:3]: number for month, number in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DATE = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>January|February|March|April|May|June|"
    rf"July|August|September|October|November|December)\b(?:,?\s+(?P<year2>\d{{4}})\b)?"
)
# A year's first two digits come before the look behind (which reads the character before
# them): the search skips to a "1" or "2" at C speed, where a look behind in front was tried
# at every place (four times slower).
_YEAR = re.compile(r"(?:19|20)(?<![\w$€£.,]..)\d\d(?![\w%]|,\d|[\u2019']s\b)")  # not "the 1930's"
_DECADE = re.compile(r"((?:19|20)(?<![\w$€£.,]..)\d0)[\u2019']?s\b")  # "the 1940s": ten years, not one
# What every date of the month holds, looked for before `_DATE`, which tries its months at
# every word: a month then a day's digit ("Mar" of "Market" is followed by none), or a day's
# digit then a month. Each search begins with a capital or a digit, which it finds at C speed.
_MONTH_THEN_DAY = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d")
_DAY_THEN_MONTH = re.compile(
    r"\d(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_MAY_DATE = (_MONTH_THEN_DAY, _DAY_THEN_MONTH)
_MAY_DATE_ASCII = (ascii_twin(_MONTH_THEN_DAY), ascii_twin(_DAY_THEN_MONTH))
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# In every weekday: looked for from its capital, at C speed (`_WEEKDAY` tries each word).
_WEEKDAY_HINT = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
# The names of the months and weekdays, folded: capitalised words that name a time, never a
# person or a place.
MONTHS_AND_WEEKDAYS = frozenset(_MONTH_NAMES + "monday tuesday wednesday thursday friday saturday sunday".split())


def names_a_year(text: str) -> bool:
    """A year stands in `text` ("in 2004", "the 2004 tsunami"; not "the 1930's")."""
    return _YEAR.search(text) is not None


def names_a_past_year(text: str) -> bool:
    """A year stands in `text`, or "last year": it tells of a past event, given for background."""
    return names_a_year(text) or _LAST_YEAR.search(text) is not None


def tells_of_the_past(text: str) -> bool:
    """A past event's sentence: it names a year (or "last year") and no weekday, which dates
    the story's own events ("killed five Tuesday in a region the 2004 tsunami devastated")."""
    return names_a_past_year(text) and _WEEKDAY.search(text) is None


def year_named(text: str, copy_year: int | None) -> int | None:
    """The year `text` names: the first it writes, or for "last year" the one before the
    year its copy was written, when that is known."""
    year = _YEAR.search(text)
    if year:
        return int(year.group())
    return copy_year - 1 if copy_year and _LAST_YEAR.search(text) else None


_LAST_YEAR = re.compile(r"\blast\s+year\b", re.I)


# A time of day: "8:12 PM", "7: 37 AM" (as some scrapers print it), "14:02", "8 p.m.",
# "0737 GMT". Its digits are a time, not numbers to compare one by one ("8" / "2").
_TIME = re.compile(
    r"(?<![\w.,:])\d{1,2}\s?:\s?\d{2}(?!\d)(?:\s?(?:[ap]\.\s?m\.|[AaPp][Mm]\b))?"
    r"|(?<![\w.,:])\d{1,2}\.\s?[0-5]\d\s?(?:[ap]\.\s?m\.|[AaPp][Mm]\b)"  # "8.40am", "8. 40am": with its half of the day
    r"|(?<![\w.,:])\d{1,2}\s?(?:[ap]\.\s?m\.|[AaPp][Mm]\b)"
    r"|(?<![\w.,:])[012]\d[0-5]\d\s?(?=GMT|UTC|[A-Z]ST\b|[A-Z]DT\b|hrs?\b|hours\b)"
)
# A weekday in a name ("Patch Tuesday", "Super Tuesday", "Good Friday"): a capitalised word,
# not the sentence's first, right before it.
_IN_A_NAME = re.compile(r"(?<=\S\s)(?!On\b|By\b|Since\b|Until\b|Last\b|Early\b|Late\b)[A-Z][a-z]+\s$")


@dataclass(frozen=True)
class Date:
    group: str  # "day" (a date of the month), "year" or "weekday"
    value: str  # "5-14", "2013", "monday"
    text: str  # as written
    near: frozenset[str] = frozenset()  # stems of the content words around it, in its clause
    possessive: bool = False  # "Friday's game": it dates the thing after it (`near`), not the sentence


def same_time(date_a: Date, date_b: Date) -> bool:
    """The same date, or a year within a decade ("1931" / "the 1930s")."""
    if date_a.value == date_b.value:
        return True
    decade, year = sorted((date_a.value, date_b.value), key=lambda value: not value.endswith("s"))
    return decade.endswith("s") and not year.endswith("s") and year[:3] == decade[:3]


# What a publication stamp holds besides its dates and times: "Published: Tuesday, Aug. 2
# 2011 7:08 p.m. MDT", "Updated 14:02 GMT", "on April 24th, 2013".
_STAMP_WORDS = frozenset(
    """
published posted updated update last modified first on at am pm a p m est edt cst cdt mst mdt
pst pdt gmt utc bst cet cest et pt ct mt ist jst aest local time
""".split()
) | frozenset(_MONTHS)
_STAMP_MAX_WORDS = 14
# The date of a dateline ("FRANKFURT, February 27 -", "LIMA, March 3 (Reuters) -") says when
# the copy was filed, not what happened.
_AFTER_DATELINE_DATE = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?[-\u2013\u2014]\s")
_BEFORE_DATELINE_DATE = re.compile(r"[A-Z][^-\u2013\u2014!?]{0,60},\s*")  # "TALLAHASSEE, Fla., June 18 -"


def is_stamp(sentence: str) -> bool:
    """A publication stamp: a short line of dates, days and times that states nothing of
    the story. Its dates are the copy's, not the news's, and are never compared."""
    if len(sentence.split(maxsplit=_STAMP_MAX_WORDS)) > _STAMP_MAX_WORDS:  # not every word of a sentence split
        return False
    if sentence.isupper():  # "UPDATED: TUESDAY, MARCH 12, 2013, 9: 36 AM"
        sentence = sentence.title()
    rest = sentence  # each pattern is tried only where what all its matches hold is found
    if _MONTH_THEN_DAY.search(rest) or _DAY_THEN_MONTH.search(rest):
        rest = _DATE.sub(" ", rest)
    if _WEEKDAY_HINT.search(rest):
        rest = _WEEKDAY.sub(" ", rest)
    if _TIME_HINT.search(rest):
        rest = _TIME.sub(" ", rest)
    has_date = rest != sentence or _YEAR.search(sentence) is not None
    return has_date and all(word in _STAMP_WORDS for word in re.findall(r"[^\W\d_]+", rest.lower()))


def copy_year(sentences: Iterable[str]) -> int | None:
    """The year a source's copy was written: that of its first publication stamp ("June
    25, 2005", "Updated: May 4, 2014 09:12 GMT") among its first sentences, if any."""
    for sentence in itertools.islice(sentences, _STAMP_AMONG_FIRST):
        year = _YEAR.search(sentence)
        if year and is_stamp(sentence):
            return int(year.group())
    return None


_STAMP_AMONG_FIRST = 5  # a stamp stands under the headline, or over it


def copy_day(sentences: Iterable[str]) -> int | None:
    """The day a source's copy was written (a date's ordinal): the first whole date of its
    first publication stamp among its first sentences ("Published: January 3, 2013")."""
    for sentence in itertools.islice(sentences, _STAMP_AMONG_FIRST):
        if not is_stamp(sentence):
            continue
        dates = dates_in(sentence)[0]
        for day in (date for date in dates if date.group == "day"):
            year = next((date for date in dates if date.group == "year" and date.text == day.text), None)
            month, of_month = day.value.split("-")
            if year is not None and month.isdigit():
                try:
                    return datetime.date(int(year.value), int(month), int(of_month)).toordinal()
                except ValueError:
                    return None
        return None
    return None


def dates_in(sentence: str, digit: bool | None = None) -> tuple[tuple[Date, ...], str]:
    """Dates found, and the sentence with them blanked out so they are not numbers too.
    `digit`: whether the sentence has a digit, when the caller has looked."""
    found: list[Date] = []
    if has_digit(sentence) if digit is None else digit:  # every date but a weekday has a digit; most sentences none
        timed = (_TIME_HINT_ASCII if sentence.isascii() else _TIME_HINT).search(sentence)
        found, masked = _dates_in_digits(_TIME.sub(_blank, sentence) if timed else sentence)
    else:
        masked = sentence
    if "day" in sentence and _WEEKDAY_HINT.search(sentence):  # "day" in every weekday; then the weekday
        found.extend(
            _weekday(sentence, match)
            for match in _WEEKDAY.finditer(sentence)
            if not _IN_A_NAME.search(sentence, 0, match.start())
        )
    return tuple(found), masked


# "Friday's semifinal", "Tuesday ’ s vote": a weekday that dates the thing named after it.
_POSSESSIVE = re.compile(r"\s?[\u2019']\s?s\b")


def _weekday(sentence: str, match: re.Match[str]) -> Date:
    """A weekday and what it dates: the words around it, or, written as a possessive, the
    thing named after it alone ("Friday's semifinal" dates the semifinal, not the final
    the sentence is about)."""
    owner = _POSSESSIVE.match(sentence, match.end())
    if owner is None:
        return Date("weekday", match.group().lower(), match.group(), _near(sentence, match))
    after = CLAUSE_END.split(sentence[owner.end() : owner.end() + 60], maxsplit=1)[0]
    words = [fold(word) for word in after.split() if word[:1].islower() and fold(word) not in STOPWORDS]
    return Date("weekday", match.group().lower(), match.group(), frozenset(map(stem, words[:2])), possessive=True)


# What every time of day holds, found six times faster than the times themselves.
_TIME_HINT = re.compile(r"\d\s?(?::\s?\d\d|[ap]\.\s?m\.|[AaPp][Mm]\b)|\d\d\d\s?(?:GMT|UTC|[A-Z][SD]T\b|hrs?\b|hours\b)")
_TIME_HINT_ASCII = ascii_twin(_TIME_HINT)


def _blank(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def _dates_in_digits(sentence: str) -> tuple[list[Date], str]:
    """The dates of the month and years of `dates_in`, and the sentence with them blanked
    out. Most sentences have none: the blanked sentence is a copy only once one is found."""
    found: list[Date] = []
    masked = sentence
    month_then_day, day_then_month = _MAY_DATE_ASCII if sentence.isascii() else _MAY_DATE
    may_date = month_then_day.search(sentence) or day_then_month.search(sentence)
    for match in _DATE.finditer(sentence) if may_date else ():
        if _in_dateline(sentence, match):
            masked = _blanked(masked, match)
            continue
        month = (match.group("month") or match.group("month2")).lower().rstrip(".")
        day = match.group("day") or match.group("day2")
        near = _near(sentence, match)
        found.append(Date("day", f"{_MONTHS.get(month, month)}-{int(day)}", match.group(), near))
        year = match.group("year") or match.group("year2")
        if year:  # "November 20, 2009" dates the year too: against "in 2010"
            found.append(Date("year", year, match.group(), near))
        masked = _blanked(masked, match)
    if "19" not in sentence and "20" not in sentence:  # in every year and decade
        return found, masked
    for match in _YEAR.finditer(masked):
        found.append(Date("year", match.group(), match.group(), _near(sentence, match)))
        masked = _blanked(masked, match)
    for match in _DECADE.finditer(masked):
        found.append(Date("year", match.group(1) + "s", match.group(), _near(sentence, match)))
        masked = _blanked(masked, match)
    return found, masked


def _blanked(text: str, match: re.Match[str]) -> str:
    """`text` with the characters `match` spans made spaces."""
    return text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]


NEAR_BEFORE, NEAR_AFTER = 3, 1  # content words each side of a date that say what it dates


def _near(sentence: str, match: re.Match[str]) -> frozenset[str]:
    """Stems of the content words just before and after `match` in its clause, the date
    words of a stamp and names left out (a name stands beside every fact of its story):
    what it dates ("died on Thursday": "die")."""
    before = sentence[max(0, match.start() - 80) : match.start()]
    if match.start() <= 80:  # the sentence's first word is capitalised whatever it is
        before = before[:1].lower() + before[1:]
    clause_end = _CLAUSE_END_ASCII if sentence.isascii() else CLAUSE_END
    before = clause_end.split(before)[-1]
    after = clause_end.split(sentence[match.end() : match.end() + 80], maxsplit=1)[0]

    def content(words: Iterable[str], wanted: int) -> list[str]:
        """The first `wanted` content words of `words`, folded: the rest are not read."""
        out: list[str] = []
        for word in words:
            # a word of letters has no digit: the quick test, before each character is asked
            if word[:1].islower() and (word.isalpha() or not any(char.isdigit() for char in word)):
                folded = fold_word(word)  # `fold` of one word, for less
                if folded not in STOPWORDS and folded not in _STAMP_WORDS:
                    out.append(folded)
                    if len(out) >= wanted:
                        break
        return out

    kept = content(reversed(before.split()), NEAR_BEFORE)[::-1] + content(after.split(), NEAR_AFTER)
    return frozenset(stem(word) for word in kept)


_CLAUSE_END_ASCII = ascii_twin(CLAUSE_END)


def _in_dateline(sentence: str, match: re.Match[str]) -> bool:
    return bool(_BEFORE_DATELINE_DATE.fullmatch(sentence[: match.start()])) and bool(
        _AFTER_DATELINE_DATE.match(sentence, match.end())
    )
