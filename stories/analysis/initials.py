"""An abbreviation in one quotation, its words spelled out in the other.

Outlets print one quotation with the speaker's abbreviation or with its words spelled out,
as their house style has it: "all IE customers" / "all Internet Explorer customers", "the
U.N. says" / "the United Nations says". That is one quotation; only the letters of the
abbreviation and the capitals of the words tell it.
"""

from __future__ import annotations

import functools
import re

_ABBREVIATION = re.compile(r"\b(?:[A-Z]\.){2,5}(?!\w)|\b[A-Z]{2,5}\b")
_SMALL_WORDS = r"(?:(?:of|and|for|the|on|&)\s+)?"  # "Federal Bureau of Investigation": FBI


def as_abbreviated(quote_a: str, quote_b: str) -> tuple[str, str]:
    """Both quotations with any run of capitalised words whose first letters spell an
    abbreviation of the other quotation written as that abbreviation."""
    return _abbreviated(quote_a, quote_b), _abbreviated(quote_b, quote_a)


def _abbreviated(quote: str, other: str) -> str:
    for abbreviation in dict.fromkeys(_ABBREVIATION.findall(other)):
        letters = abbreviation.replace(".", "")
        if abbreviation in quote or len(set(letters)) == 1:
            continue
        quote = _spelled_out(letters).sub(abbreviation, quote)
    return quote


@functools.lru_cache(maxsize=256)  # the same few abbreviations recur through a story
def _spelled_out(letters: str) -> re.Pattern[str]:
    """Capitalised words, one for each letter, small words allowed between them."""
    words = (rf"{letter}[a-z]+(?:-[A-Za-z]+)?" for letter in letters)
    return re.compile(r"\b" + (r"\s+" + _SMALL_WORDS).join(words) + r"\b")
