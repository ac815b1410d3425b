"""Times of day told against two clocks: the same figures given as local time in one source
and as GMT (or UTC) in the other ("7:37 AM local time" / "0737 GMT"). Unless the place
keeps GMT, at most one source converted the time: they disagree on when it happened.

And times of day in two linked sentences that cannot meet within the bounds they are
written with ("just after 2:30 a.m." / "shortly after 2 a.m."); a copy's own time
("Posted 9:53 PM EDT") and a time of one of several events ("the first quake struck at
4:43 a.m.") are not compared.
"""

from __future__ import annotations

import functools
import re

from .dates import is_stamp
from .found import Found
from .model import Block
from .sentences import CLAUSE_END
from .text import content_terms, fold

# "7:37 AM", "7: 37 a.m." (as some scrapers print it), "19:37", "0737", then its clock.
_CLOCK_TIME = re.compile(
    r"(?<![\w.,:])(?P<hour>\d{1,2})\s?(?::\s?)?(?P<minute>[0-5]\d)(?!\d)"
    r"(?:\s?(?P<half>[ap])\.?\s?m\b\.?)?\s?(?P<clock>local\s+time|GMT\b|UTC\b)",
    re.I,
)


def clock_times(sentence: str) -> dict[str, dict[int, str]]:
    """The times of day a sentence gives against a named clock: "local" or "gmt" -> minutes
    past midnight -> the time as written."""
    if "GMT" not in sentence and "UTC" not in sentence and "local time" not in sentence:
        return {}
    times: dict[str, dict[int, str]] = {}
    for match in _CLOCK_TIME.finditer(sentence):
        hour, minute = int(match.group("hour")), int(match.group("minute"))
        half = (match.group("half") or "").lower()
        if hour > 23 or (half and not 1 <= hour <= 12):
            continue
        hour = hour % 12 + (12 if half == "p" else 0) if half else hour
        clock = "local" if match.group("clock").lower().startswith("local") else "gmt"
        times.setdefault(clock, {})[hour * 60 + minute] = match.group().strip()
    return times


def check_clocks(found: Found, a: tuple[Block, str], b: tuple[Block, str]) -> None:
    """One sentence gives a time as local time and the other the same figures as GMT, and
    neither gives the time on both clocks."""
    (block_a, text_a), (block_b, text_b) = a, b
    times_a, times_b = clock_times(text_a), clock_times(text_b)
    for mine, theirs, flipped in ((times_a, times_b, False), (times_b, times_a, True)):
        if "gmt" in mine or "local" in theirs:
            continue
        for minutes in sorted(set(mine.get("local", {})) & set(theirs.get("gmt", {}))):
            here, there = (block_a, mine["local"][minutes]), (block_b, theirs["gmt"][minutes])
            if flipped:
                here, there = (block_a, theirs["gmt"][minutes]), (block_b, mine["local"][minutes])
            found.add("date", here, there, "the same time of day given as local time and as GMT")


Clocked = list[tuple[Block, str, dict[str, dict[int, str]]]]  # sentences with times on a named clock


def clocked_of(sentences: list[tuple[Block, str]]) -> Clocked:
    """A source's sentences that give a time against a named clock, with those times."""
    return [(block, text, times) for block, text in sentences if (times := clock_times(text))]


def check_clocks_anywhere(found: Found, clocked_a: Clocked, clocked_b: Clocked) -> None:
    """`check_clocks` on any two sentences of two sources that give the same figures on two
    clocks, linked or not: a short sentence that only gives the time ("It struck at 7:37 AM
    local time.") shares too few words with the other source's lede to be linked, and the
    same minute of the day on two clocks is one event's time whatever else is said."""
    index: dict[tuple[str, int], list[tuple[Block, str]]] = {}
    for block, text, times in clocked_b:
        for clock, minutes in times.items():
            for minute in minutes:
                index.setdefault((clock, minute), []).append((block, text))
    for block, text, times in clocked_a:
        for clock, minutes in times.items():
            other = "gmt" if clock == "local" else "local"
            for minute in minutes:
                for there in index.get((other, minute), ()):
                    check_clocks(found, (block, text), there)


# A time of day with its half of the day ("2:30 a.m.", "8 p.m.", "10am", "8.40am"), and the words that
# bound it just before: "just after 2:30 a.m.", "around 10 p.m.".
_DAY_TIME = re.compile(
    r"(?P<bound>\b(?:just|shortly|soon|right)\s+(?:after|before)\s+|\b(?:about|around|approximately|roughly|some)\s+)?"
    r"(?<![\w.,:])(?P<hour>\d{1,2})(?:\s?[:.]\s?(?P<minute>[0-5]\d))?\s?(?P<half>[ap])\.?\s?m\b\.?"
    r"(?:\s?(?P<zone>GMT|UTC|[ECMP][SD]?T|BST|CES?T)\b)?",
    re.I,
)
_DAY_TIME_HINT = re.compile(r"\d\s?(?:[ap]\.\s?m\.|[ap]m\b)", re.I)
# The time of the copy, not of the news: "Posted: 12:38 AM", "Updated 9:53 PM EDT".
_STAMPED = re.compile(r"\b(?:posted|updated|published|modified)\b", re.I)
# Hours after GMT of the zones a time of day is given in ("6 p.m. GMT", "11 a.m. PST").
ZONES = {"gmt": 0, "utc": 0, "bst": 1, "cet": 1, "cest": 2, "edt": -4, "est": -5, "cdt": -5, "cst": -6}
ZONES |= {"mdt": -6, "mst": -7, "pdt": -7, "pst": -8}
ZONES |= {"et": -5, "ct": -6, "mt": -7, "pt": -8}  # "4:30 p.m. ET": in summer an hour less (`DAYLIGHT`)
DAYLIGHT = 60  # minutes either side of a time in a zone named without its season
_ONE_OF_SEVERAL = re.compile(r"\b(?:first|second|third|another|latest)\b", re.I)
CLOSE_BY = 20  # minutes: "shortly after 2 a.m." is before 2:20
ABOUT = 15  # minutes either side of "about 10 p.m."
EXACT = 5  # minutes either side of a time written to the hour ("8 a.m."), rounded two ways


@functools.lru_cache(maxsize=4096)  # a sentence stands in several links
def day_time(sentence: str) -> tuple[str, int, int, frozenset[str]] | None:
    """The one time of day a sentence gives with its half of the day, as written, the
    first and last minute past midnight it allows (past midnight GMT when it names its
    zone: `zoned`), and the content words around it (what it is the time of); None for
    none, or for two."""
    if not _DAY_TIME_HINT.search(sentence) or is_stamp(sentence) or _STAMPED.search(sentence):
        return None
    matches = list(_DAY_TIME.finditer(sentence))
    if len(matches) != 1:
        return None
    match = matches[0]
    hour = int(match.group("hour"))
    if not 1 <= hour <= 12:
        return None
    minutes = (hour % 12 + (12 if match.group("half").lower() == "p" else 0)) * 60 + int(match.group("minute") or 0)
    zone = (match.group("zone") or "").lower()
    minutes -= ZONES.get(zone, 0) * 60
    first, last = _bounds(match, minutes)
    seasonless = DAYLIGHT if len(zone) == 2 else 0  # "ET": standard or daylight time
    return match.group().strip(), first - seasonless, last + seasonless, _around(sentence, match.start(), match.end())


def _bounds(match: re.Match[str], minutes: int) -> tuple[int, int]:
    """The first and last minute a time allows, as its bound and its precision say."""
    bound = " ".join((match.group("bound") or "").lower().split())
    if bound.endswith("after"):
        return minutes, minutes + CLOSE_BY
    if bound.endswith("before"):
        return minutes - CLOSE_BY, minutes
    if bound:
        return minutes - ABOUT, minutes + ABOUT
    if match.group("minute"):  # written to the minute, it is that minute: "8:40am" is not "8:39am"
        return minutes, minutes + 1
    return minutes - EXACT, minutes + EXACT


def _around(sentence: str, start: int, end: int) -> frozenset[str]:
    """The stems of the content words of a time's clause, near it on either side. A time
    set off after a comma with no words of its own clause before it ("were called to the
    house in Millom, Cumbria, at 8.40am") is the time of what comes before: the words
    before it are read through the commas, as far as SET_OFF words."""
    before = CLAUSE_END.split(sentence[:start])[-1].split()[-AROUND:]
    if not content_terms(fold(" ".join(before))):
        before = sentence[:start].split()[-SET_OFF:]
    after = CLAUSE_END.split(sentence[end:])[0].split()[:AROUND]
    return frozenset(content_terms(fold(" ".join(before + after))))


AROUND = 8  # words either side of a time of day that may say what it is the time of
SET_OFF = 16  # words before a time set off by a comma that may say what it is the time of


def check_day_times(found: Found, a: tuple[Block, str], b: tuple[Block, str]) -> None:
    """Two linked sentences each give one time of day, and the times cannot meet within
    the bounds they are written with: "just after 2:30 a.m." / "shortly after 2 a.m."."""
    (block_a, text_a), (block_b, text_b) = a, b
    time_a = day_time(text_a)
    time_b = day_time(text_b) if time_a else None
    if time_a is None or time_b is None:
        return
    if _ONE_OF_SEVERAL.search(text_a) or _ONE_OF_SEVERAL.search(text_b):
        return  # "The first quake struck at 4:43 a.m.": the other's time may be the second's
    (written_a, first_a, last_a, around_a), (written_b, first_b, last_b, around_b) = time_a, time_b
    if zoned(written_a) != zoned(written_b):
        return  # "6 p.m. GMT" / "2 p.m.": the second may be the place's own time
    if zoned(written_a):  # both in GMT now: a day's turn between them is no difference
        day = _nearest_day(first_a, first_b)
        first_b, last_b = first_b + day, last_b + day
    if not around_a & around_b:
        return  # "will face the Steelers at 1:45 p.m." / "was arrested at about 2:30 a.m.": other doings
    # Bounds that only touch meet at the widest each allows: "about 1:00" and "around 1:30"
    # are half an hour apart, not one time rounded two ways.
    if last_a <= first_b or last_b <= first_a:
        found.add("date", (block_a, written_a), (block_b, written_b), "different times of day")


def zoned(written: str) -> bool:
    """A time of day written with its zone: "11 a.m. PST"."""
    return written.rsplit(maxsplit=1)[-1].lower() in ZONES


def _nearest_day(first_a: int, first_b: int) -> int:
    """The shift of a whole day, if any, that brings the second time nearest the first."""
    return min((0, 1440, -1440), key=lambda day: abs(first_b + day - first_a))
