"""Times of day in a quotation, put on one clock before two quotations are compared.

Outlets print a speaker's time of day in their own house style: "passed away at 6:41pm"
in one, "at 18:41" in the other; "(0241 GMT)" / "(02:41 GMT)". The speaker said one
time, so the quotation is the same; a quotation that gives another time still differs.
"""

from __future__ import annotations

import functools
import re

# "6:41pm", "6: 41 p.m.", "6pm", "18:41", "02:41": a time on a 12-hour clock (with its
# half of the day) or on a 24-hour clock with a colon.
_TIME_OF_DAY = re.compile(
    r"(?<![\w.,:])(?P<hour>\d{1,2})(?:\s?:\s?(?P<minute>[0-5]\d))?(?!\d)"
    r"(?:\s?(?P<half>[ap])\.?\s?m\b\.?)?",
    re.I,
)
_DIGIT = re.compile(r"\d")


@functools.lru_cache(maxsize=4096)  # a quotation is compared with each of the other source's in its passage
def on_one_clock(quotation: str) -> str:
    """The quotation with each time of day written as four digits of a 24-hour clock
    ("6:41pm" and "18:41" -> "1841"); other numbers as written."""
    if _DIGIT.search(quotation) is None:  # no time without a digit: most quotations
        return quotation
    return _TIME_OF_DAY.sub(_four_digits, quotation)


def _four_digits(match: re.Match[str]) -> str:
    hour, minute, half = int(match.group("hour")), match.group("minute"), (match.group("half") or "").lower()
    if not minute and not half:  # a number, not a time
        return match.group()
    if half:
        if not 1 <= hour <= 12:
            return match.group()
        hour = hour % 12 + (12 if half == "p" else 0)
    elif hour > 23:
        return match.group()
    return f"{hour:02d}{minute or '00'}"
