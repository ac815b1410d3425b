"""When two sources' copies were written, from their publication stamps (`dates.copy_year`,
`dates.copy_day`), and what that says of the ages they give: a man 26 in copy of January 3
may be 27 in copy of September 27 of the same year (his birthday fell between), but not
in copy of the same day, nor 25 in the later copy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

YEAR_DAYS = 365.25


@dataclass(frozen=True)
class CopyDate:
    year: int | None  # the year the copy was written, when its stamp says
    day: int | None = None  # the day, as a date's ordinal, when its stamp gives the whole date


def aged_between(older_by: float, copy_a: CopyDate, copy_b: CopyDate) -> bool:
    """A person `older_by` years in b's copy than in a's may have aged so between the two
    copies: older in the later one, by the years between them, or one fewer or more as a
    birthday falls before or after each copy's day; by whole years between two known days."""
    if copy_a.day is not None and copy_b.day is not None:
        days = copy_b.day - copy_a.day
        span = abs(days) / YEAR_DAYS
        return older_by * days > 0 and math.floor(span) <= abs(older_by) <= math.ceil(span)
    if copy_a.year and copy_b.year and copy_a.year != copy_b.year:
        years = copy_b.year - copy_a.year
        return older_by * years > 0 and abs(years) - 1 <= abs(older_by) <= abs(years) + 1
    return False
