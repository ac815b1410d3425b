"""Telephone numbers: the number to call, compared wherever each source gives it.

An appeal for witnesses ends with a number to call, and a digit dropped or added in one
outlet's copy sends readers to the wrong line: "contact them on 0845 125 222" / "contact
Surrey Police on 0845 125 2222". A telephone number is a run of digit groups set apart by
spaces or hyphens, seven digits or more in all, that opens with a 0, a "+" or an area
code in brackets, or is written 555-123-4567. Two numbers, one only in each source, that
open with the same digits up to the shorter one's last but one are one line written two
ways; two lines of one exchange ("0800 555 111" / "0800 555 999") are told apart by their
last digits, and are not compared.
"""

from __future__ import annotations

import functools
import re

from .found import Found
from .model import Block
from .text import ascii_twin, has_digit

Phones = dict[str, tuple[Block, str]]  # digits -> the first place it stands, as written

_PHONE = re.compile(
    r"(?<![\w.,:/-])(?:(?:\+\d{1,3}[\s-]?)?(?:\(\d{2,5}\)\s?|0\d{2,4}[\s-])\d{2,4}(?:[\s-]\d{2,4}){0,2}"
    r"|\d{3}-\d{3}-\d{4})(?![\w.,:/-]?\d)"
)
# What every telephone number holds (two digits a space or hyphen apart, or an area code
# in brackets), found three times faster than the numbers: most sentences hold none. Its
# first character a class of its own, so that the search skips to the digits and brackets.
_HINT = re.compile(r"[\d(](?:(?<=\d)[\s-]\d|(?<=\()\d)")
_HINT_ASCII = ascii_twin(_HINT)
_MIN_DIGITS = 7
_SHARED_UP_TO = 1  # digits at the end of the shorter number that may differ: a slip, not another line


def phones_of(sentences: list[tuple[Block, str]]) -> Phones:
    """A source's telephone numbers, by their digits, each at its first place."""
    phones: Phones = {}
    for block, text in sentences:
        for digits, written in _phones_in(text):
            phones.setdefault(digits, (block, written))
    return phones


@functools.lru_cache(maxsize=4096)  # the versions of a story repeat most of their sentences
def _phones_in(text: str) -> tuple[tuple[str, str], ...]:
    """A sentence's telephone numbers: their digits, and each as written."""
    if not (has_digit(text) and (_HINT_ASCII if text.isascii() else _HINT).search(text)):
        return ()  # every telephone number has digits; most sentences none
    numbers = ((re.sub(r"\D", "", match.group()), match.group().strip()) for match in _PHONE.finditer(text))
    return tuple((digits, written) for digits, written in numbers if len(digits) >= _MIN_DIGITS)


def check_phones(found: Found, phones_a: Phones, phones_b: Phones) -> None:
    """One number only in each source that is the other written with a digit more, fewer
    or another at its end."""
    only_a = [digits for digits in phones_a if digits not in phones_b]
    only_b = [digits for digits in phones_b if digits not in phones_a]
    pairs = [(digits_a, digits_b) for digits_a in only_a for digits_b in only_b if _one_line(digits_a, digits_b)]
    if len(pairs) == 1:
        ((digits_a, digits_b),) = pairs
        found.add("number", phones_a[digits_a], phones_b[digits_b], "different telephone numbers")


def _one_line(digits_a: str, digits_b: str) -> bool:
    shorter = min(len(digits_a), len(digits_b))
    if abs(len(digits_a) - len(digits_b)) > 1:
        return False
    if len(digits_a) != len(digits_b):
        return digits_a[:shorter] == digits_b[:shorter]
    return digits_a[: shorter - _SHARED_UP_TO] == digits_b[: shorter - _SHARED_UP_TO]
