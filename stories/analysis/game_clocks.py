"""One moment of a game told at two readings of the game clock: "moved into the top spot
with 7:42 left in the first half" / "set the record with a bank shot with 7:41 to go", or
"with 7 minutes 41 seconds to go". Outlets tell the story's big play in sentences too
unlike to link; two readings of the clock seconds apart are that play's moment written
twice, and at most one is right. Readings further apart are other plays ("tied the record
with 14:05 left, then broke it with 7:41 to go"), and a reading the other source gives too
is told alike; so is a reading in another half or quarter.
"""

from __future__ import annotations

import re

from .found import Found
from .model import Block

# "with 7:42 left", "with 7: 41 to go", "with 7 minutes 41 seconds to play", "with 41
# seconds remaining": the time left on the game clock.
_GAME_CLOCK = re.compile(
    r"\bwith\s+(?P<left>(?:(?P<m>\d{1,2})\s?:\s?(?P<s>[0-5]\d)"
    r"|(?:(?P<mins>\d{1,2})\s+minutes?(?:,?\s+(?:and\s+)?(?P<secs>\d{1,2})\s+seconds?)?)"
    r"|(?P<only>\d{1,2})\s+seconds?)\s+(?:to\s+(?:play|go)|left|remaining))\b",
    re.I,
)
# What part of the game a reading is of: "left in the first half", "to go in the third quarter".
_PERIOD = re.compile(
    r"\s+in\s+(?:the\s+)?(?P<period>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:half|quarter|period)\b|\s+in\s+(?P<ot>overtime)\b",
    re.I,
)
_PARTS = {"first": "1", "1st": "1", "second": "2", "2nd": "2", "third": "3", "3rd": "3", "fourth": "4", "4th": "4"}
_PARTS["overtime"] = "ot"
ONE_PLAY = 10  # seconds: two readings this close in one story are of one play

Clocked = dict[int, tuple[Block, str, str]]  # seconds left -> where a source first gives it, as written, of what part


def game_clocks_of(sentences: list[tuple[Block, str]]) -> Clocked:
    """The readings of the game clock a source gives: seconds left -> where, as written."""
    readings: Clocked = {}
    for block, text in sentences:
        if "with" not in text.lower() or not any(word in text for word in TIME_LEFT_WORDS):
            continue  # the cheap test: most sentences give no time left on a clock
        for match in _GAME_CLOCK.finditer(text):
            minutes = int(match.group("m") or match.group("mins") or 0)
            seconds = int(match.group("s") or match.group("secs") or match.group("only") or 0)
            period = _PERIOD.match(text, match.end())
            part = _PARTS[(period.group("period") or period.group("ot")).lower()] if period else ""
            readings.setdefault(minutes * 60 + seconds, (block, match.group("left"), part))
    return readings


TIME_LEFT_WORDS = ("left", "to go", "to play", "remaining")


def check_game_clocks(found: Found, clocked_a: Clocked, clocked_b: Clocked) -> None:
    """The one pair of readings, one of each source, less than ONE_PLAY apart, neither
    given by the other source: one play's moment written twice."""
    if not clocked_a or not clocked_b:
        return
    close = [
        (left_a, left_b)
        for left_a in clocked_a
        for left_b in clocked_b
        if 0 < abs(left_a - left_b) < ONE_PLAY
        and left_a not in clocked_b
        and left_b not in clocked_a
        and _one_part(clocked_a[left_a][2], clocked_b[left_b][2])
    ]
    if len(close) == 1:
        ((left_a, left_b),) = close
        note = "one moment of the game at two times left on the clock"
        found.add("number", clocked_a[left_a][:2], clocked_b[left_b][:2], note)


def _one_part(part_a: str, part_b: str) -> bool:
    """Of one half or quarter, or of one not said: "in the first half" / "in the second"
    are two plays."""
    return part_a == part_b or not part_a or not part_b
