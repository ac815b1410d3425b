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
    "yield yields dollar euro yen sterling pence".split()
)
_WORDS = re.compile(r"[a-z]+")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# A reading's time: "at 10:15 a.m.", "at 7:30 a.m. in London", "as of 11 a.m.", "by 1420 GMT"
_READ_AT = re.compile(r"\b(?:at|as\s+of|by)\s+(\d{1,2}(?::\d\d)?\s?[ap]\.?m\.?|\d{4}\s+GMT)", re.I)


def of_other_sessions(text_a: str, text_b: str) -> bool:
    """Two market sentences that name their days, and no day in common, or that give the
    times of their readings, and no time in common."""
    market_a, market_b = _market_marks(text_a), _market_marks(text_b)
    if market_a is None or market_b is None:
        return False
    (days_a, times_a), (days_b, times_b) = market_a, market_b
    return bool(days_a and days_b and not days_a & days_b or times_a and times_b and not times_a & times_b)


@functools.lru_cache(maxsize=4096)  # a sentence is linked to a sentence of each other source
def _market_marks(sentence: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The weekdays and reading times of a market sentence, None for a sentence of no market."""
    if _MARKET_WORDS.isdisjoint(_WORDS.findall(sentence.lower())):
        return None
    days = frozenset(_WEEKDAY.findall(sentence))
    times = frozenset(" ".join(time.lower().replace(".", "").split()) for time in _READ_AT.findall(sentence))
    return days, times
