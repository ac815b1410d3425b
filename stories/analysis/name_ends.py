"""A name word without its possessive or the marks a scraper leaves after it.

Every capitalised word of a story passes here ("Smith's" -> "Smith", "U.S." -> "U.S",
"Jones'" -> "Jones"), so the ending is told by the word's last characters rather than by a
search; the two patterns say what is taken off, and a test holds `without_end` to them.
"""

from __future__ import annotations

import re

POSSESSIVE_MARKS = "\u2019'-"  # `POSSESSIVE`: a possessive, or a run of these at the end
NAME_END_MARKS = ".\u2019'-"  # `NAME_END`: the same, a full stop too
POSSESSIVE = re.compile(r"[\u2019']s$|[\u2019'-]+$")
NAME_END = re.compile(r"[\u2019']s$|[.\u2019'-]+$")
NAME_END_CHARS = frozenset("s.\u2019'-")  # the last character of every NAME_END match


def without_end(word: str, marks: str) -> str:
    """`word` without a possessive ("'s", "\u2019s") or the run of `marks` it ends with."""
    if word[-1:] == "s":
        return word[:-2] if word[-2:-1] in ("'", "\u2019") else word
    return word.rstrip(marks) if word[-1:] in marks else word
