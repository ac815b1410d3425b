"""The time a number is counted per: "46,000 barrels a day", "2.8 mln a year", "weekly"; and a
player's average, counted per game: "23 points and eight rebounds a game" (not "in a game")."""

from __future__ import annotations

import re

from .text import ascii_twin

_RATE = re.compile(
    r"[^.;:!?\d]{0,50}?\b(?:(?:a|an|per|each|every)\s+(?P<unit>hour|day|week|month|quarter|year|season)"
    r"|(?<!\bin\s)(?:a|per)\s+(?P<game>game)"
    r"|(?P<adverb>hourly|daily|weekly|monthly|quarterly|yearly|annually))\b"
    r"(?!\s+(?:before|after|later|earlier|ago|into|from|or\s+so)\b)",  # "struck an hour before": a time, no rate
    re.I,
)
_RATE_ASCII = ascii_twin(_RATE)
_RATE_ADVERBS = {
    "hourly": "hour",
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "quarterly": "quarter",
    "yearly": "year",
    "annually": "year",
}


# The words every rate is written with, as each begins in lower case ("dail" of "daily"):
# after most numbers none follows, which the pattern took up to fifty tries to tell.
_RATE_HINTS = ("hour", "day", "dail", "week", "month", "quarter", "year", "season", "annual", "game")


def rates_to(text: str) -> int:
    """Where the last word a rate may be written with begins in `text` (-1: nowhere): a
    number that ends after it is counted per no time (`rate_of`). Read once a sentence."""
    if not text.isascii():  # ignoring case, as `_RATE` does, "\u017f" is "s"
        return len(text)
    lower = text.lower()
    return max(map(lower.rfind, _RATE_HINTS))


def rate_of(text: str, end: int) -> tuple[str, int]:
    """The time a number is counted per, within the words after it, and where it ends."""
    match = (_RATE_ASCII if text.isascii() else _RATE).match(text, end)
    if match is None:
        return "", end
    unit = match.group("unit") or match.group("game") or _RATE_ADVERBS[match.group("adverb").lower()]
    return unit.lower(), match.end()
