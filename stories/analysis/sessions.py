"""Market copy of two sessions: a market is reported every trading day, and two outlets'
lines about it are often of two days or two readings of one day ("Volume was 827.68
million shares, up from 798.95 million at the same point Tuesday" / "Volume came to
439.66 million shares, below 450.39 million at the same point Wednesday"; "traded at
$1.1594 at 10:15 a.m." / "dropped to $1.1564 at 7:30 a.m."). Their figures, days and
times are of two readings, not one fact told two ways."""

from __future__ import annotations

import functools
import re

# Words that say a sentence reports a market: its prices, its trading, its volume. Not
# "session" or "closed", which a council's sitting and a school say as often.
_MARKET_WORDS = frozenset(
    "shares stock stocks trading traded volume index nasdaq dow nyse futures bond bonds treasuries "
    "yield yields dollar euro yen sterling pence nikkei ftse dax cac seng kospi topix".split()
)
_WORDS = re.compile(r"[a-z]+")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# A reading's time: "at 10:15 a.m.", "at 7:30 a.m. in London", "as of 11 a.m.", "by 1420 GMT"
_READ_AT = re.compile(r"\b(?:at|as\s+of|by)\s+(\d{1,2}(?::\d\d)?\s?[ap]\.?m\.?|\d{4}\s+GMT)", re.I)
# The part of a trading day a reading is of: "closed up 1.5 percent" / "ended the morning
# up half a percent", "in early trade", "at midday".
_PARTS = ("close", "morning", "midday", "afternoon", "latest")  # the first found names the part
_PART_WORDS = re.compile(
    r"\b(?:(?P<close>closed|closing|finished|settled|at\s+the\s+close|(?:close|ended)\s+(?:at|up|down))"
    r"|(?P<morning>morning|early\s+trade|early\s+trading|opening|opened)"
    r"|(?P<midday>midday|noon|lunch|lunchtime)"
    r"|(?P<afternoon>afternoon|late\s+trade|late\s+trading)"
    r"|(?P<latest>lately|recently|in\s+recent\s+(?:dealings|trade|trading)|last\s+(?:up|down|at)))\b"
)


def of_other_sessions(text_a: str, text_b: str) -> bool:
    """Two market sentences that name their days, and no day in common, or that give the
    times of their readings, or the parts of the trading day, and none in common."""
    market_a, market_b = _market_marks(text_a), _market_marks(text_b)
    if market_a is None or market_b is None:
        return False
    return any(marks_a and marks_b and not marks_a & marks_b for marks_a, marks_b in zip(market_a, market_b))


@functools.lru_cache(maxsize=4096)  # a sentence is linked to a sentence of each other source
def _market_marks(sentence: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]] | None:
    """The weekdays, reading times and parts of the trading day of a market sentence, None
    for a sentence of no market. A part is set only against a part: "in afternoon trade"
    and "at 3:30 p.m." may be one reading."""
    lower = sentence.lower()
    if _MARKET_WORDS.isdisjoint(_WORDS.findall(lower)):
        return None
    days = frozenset(_WEEKDAY.findall(sentence))
    times = frozenset(" ".join(time.lower().replace(".", "").split()) for time in _READ_AT.findall(sentence))
    named = {match.lastgroup for match in _PART_WORDS.finditer(lower)}  # one pass over the sentence
    part = next((name for name in _PARTS if name in named), None)
    return days, times, frozenset({part} if part else ())


def of_a_market(sentence: str) -> bool:
    """Whether a sentence reports a market (its prices, its trading, its volume)."""
    return _market_marks(sentence) is not None
