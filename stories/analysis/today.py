"""Today and yesterday against a weekday: the copy's own date tells which day it is.

Copy stamped "November 12, 2007" that says "HP today announced" dates the announcement
on a Monday; another source's "HP announced on Tuesday" puts it on another day. The
doing is the past-tense verb beside the word ("today announced", "died yesterday",
"announced on Tuesday", "was arrested early Sunday"); where one source dates a doing by
today or yesterday under a stamp of day, month and year, the other dates the same doing
with one weekday, and the two days differ, they disagree. A doing a source dates twice
says nothing. Weekday against weekday is `event_days`'s to compare.
"""

from __future__ import annotations

import datetime
import functools
import itertools
import re

from .dates import dates_in, is_stamp
from .found import Found
from .model import Block

Days = dict[str, list[tuple[Block, str, str]]]  # doing -> (where, as written, weekday)

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = "|".join(day.title() for day in _WEEKDAYS)
_BETWEEN = r"(?:(?:on|early|late|last|this)\s){0,2}"
_DATED = (
    # "today announced", "yesterday confirmed"
    re.compile(r"\b(?P<when>today|yesterday)\s(?P<doing>[a-z]+ed)\b"),
    # "announced today", "died early yesterday", "announced on Tuesday", "arrested late Sunday"
    re.compile(rf"\b(?P<doing>[a-z]+ed)\s{_BETWEEN}(?P<when>today|yesterday|{_WEEKDAY})\b"),
)
_HINT = re.compile(r"day\b")  # in every weekday, "today" and "yesterday"
_STAMP_AMONG_FIRST = 5


def today_of(sentences: list[tuple[Block, str]]) -> Days:
    """A source's doings dated by weekday, or by today or yesterday when its stamp gives
    the copy's day (those with no stamp are read by weekday only)."""
    today = _copy_day(text for _, text in sentences)
    days: Days = {}
    for block, text in sentences:
        for when, doing, written in _dated_in(text):
            day = _weekday(when, today)
            if day:
                days.setdefault(doing, []).append((block, written, day))
    return days


@functools.lru_cache(maxsize=4096)  # the versions of a story repeat most of their sentences
def _dated_in(text: str) -> tuple[tuple[str, str, str], ...]:
    """A sentence's doings dated by a day word: (the day word, the doing, as written)."""
    if not _HINT.search(text) or is_stamp(text):
        return ()
    matches = (match for pattern in _DATED for match in pattern.finditer(text))
    return tuple((match.group("when"), match.group("doing"), match.group(0)) for match in matches)


def _weekday(when: str, today: datetime.date | None) -> str:
    if when in ("today", "yesterday"):
        if today is None:
            return ""
        return f"{_WEEKDAYS[(today - datetime.timedelta(days=when == 'yesterday')).weekday()]} by the stamp"
    return when.lower()


def _copy_day(texts) -> datetime.date | None:
    """The day of the copy's first stamp giving day, month and year, among its first sentences."""
    for text in itertools.islice(texts, _STAMP_AMONG_FIRST):
        if not is_stamp(text):
            continue
        dates = dates_in(text.title() if text.isupper() else text)[0]
        days = [date.value for date in dates if date.group == "day"]
        years = [date.value for date in dates if date.group == "year"]
        if days and years:
            month, day = (int(part) for part in days[0].split("-"))
            try:
                return datetime.date(int(years[0]), month, day)
            except ValueError:
                return None
    return None


def check_today(found: Found, days_a: Days, days_b: Days) -> None:
    """One day of a doing in each source, one of them by the stamp, and the two differ."""
    for doing in sorted(days_a.keys() & days_b.keys()):
        given_a, given_b = days_a[doing], days_b[doing]
        weekdays_a = {day.split()[0] for *_, day in given_a}
        weekdays_b = {day.split()[0] for *_, day in given_b}
        by_stamp = any(day.endswith("stamp") for *_, day in given_a + given_b)
        if len(weekdays_a) == 1 and len(weekdays_b) == 1 and weekdays_a != weekdays_b and by_stamp:
            (block_a, written_a, _), (block_b, written_b, _) = given_a[0], given_b[0]
            found.add("date", (block_a, written_a), (block_b, written_b), f"{doing} on another day")
