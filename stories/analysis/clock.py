"""Times of day told against two clocks: the same figures given as local time in one source
and as GMT (or UTC) in the other ("7:37 AM local time" / "0737 GMT"). Unless the place
keeps GMT, at most one source converted the time: they disagree on when it happened.
"""

from __future__ import annotations

import re

from .found import Found
from .model import Block

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
