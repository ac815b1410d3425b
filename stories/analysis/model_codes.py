"""A model's code told two ways by corresponding sentences: "the h2210's cradle" / "the
cradle for the h2200", "the A380" / "the A350". A code of letters and digits names one
product; the same letters with other digits name another, and only one of the two can be
the one the story is about.
"""

from __future__ import annotations

import functools
import re

from .found import Found
from .model import Block
from .text import has_digit

# Letters then digits, a letter or two after them maybe, as a word of its own: "h2210",
# "A380", "MGX8850", "G8"; not a year or a plain figure (no letter), nor "3G" (digits first).
_CODE = re.compile(r"(?<![\w.$€£¥-])([A-Za-z]{1,4})(\d{2,5})([A-Za-z]{0,2})(?![\w-])")


def check_model_codes(found: Found, a: tuple[Block, str], b: tuple[Block, str]) -> None:
    """The one code of a kind (its letters) each sentence gives, with other digits."""
    codes_a, codes_b = _codes(a[1]), _codes(b[1])
    for letters, (written_a, digits_a) in codes_a.items():
        written_b, digits_b = codes_b.get(letters, ("", digits_a))
        if digits_a != digits_b:  # "NZ75" / "NZ75c" is one sum, cents written
            found.add("name", (a[0], written_a), (b[0], written_b), f"another model: {written_a} / {written_b}")


@functools.lru_cache(maxsize=4096)  # a sentence is linked to its partners in every other source
def _codes(sentence: str) -> dict[str, tuple[str, str]]:
    """Each kind of code the sentence gives once (its letters, in lower case) -> the code as
    written and its digits; a kind given twice ("the A380 and the A350") is left out."""
    if not has_digit(sentence) or _CODE.search(sentence) is None:
        return {}  # most sentences: no code
    seen: dict[str, tuple[str, str]] = {}
    twice: set[str] = set()
    for match in _CODE.finditer(sentence):
        letters = match.group(1).lower()
        if letters in seen and seen[letters][1] != match.group(2):
            twice.add(letters)
        seen[letters] = (match.group(), match.group(2))
    return {letters: code for letters, code in seen.items() if letters not in twice}
