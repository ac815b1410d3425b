"""Whether two written words are one name spelled two ways: a letter or two apart, two
letters swapped, one behind a family-name prefix; and what is house style instead (letter
case, hyphens, British or American spelling) or another word altogether (a people, a
place's adjective)."""

from __future__ import annotations

import os
import re

from rapidfuzz.distance import OSA, Levenshtein

MIN_RESPELLED = 5  # letters: shorter names are too often two different names a letter apart
LONG_NAME = 9  # letters: a slip of two in a name this long ("Turkeminstan") is still a slip
NAME_PREFIXES = ("la", "le", "de", "di", "da", "du", "mc", "mac", "van", "von", "st")


def respelled(x: str, y: str) -> bool:
    """Same first letter, an edit or two apart, and not one the other plus an ending
    ("Venezuela" / "Venezuelans"), unless that is a silent "e" ("Lock" / "Locke"), nor a
    word derived from the other ("Atlanta" / "Atlantic", "Democrats" / "Democratic")."""
    if x[:1] != y[:1] or derived(x, y):
        return False
    if x.startswith(y) or y.startswith(x):
        return abs(len(x) - len(y)) == 1 and max(x, y, key=len).endswith("e")
    limit = 1 if max(len(x), len(y)) <= 6 else 2
    return Levenshtein.distance(x, y, score_cutoff=limit) <= limit


DERIVED_ENDINGS = frozenset("ic ics ian ians an ans ese ish er ers ite ites ist ists".split())


def derived(x: str, y: str) -> bool:
    """One word the other's place, people or adjective: the same stem of four letters or
    more, and an ending that derives one word from another ("New Zealand" / "New
    Zealander", "Italy" / "Italian"). A plural "s" is not one: "George" / "Georges"."""
    stem_length = len(os.path.commonprefix([x, y]))
    endings = {x[stem_length:], y[stem_length:]}
    return stem_length >= 4 and bool(endings & DERIVED_ENDINGS) and max(map(len, endings)) <= 4


def swapped(x: str, y: str) -> bool:
    """Two letters swapped ("Teixiera" / "Teixeira", "Edkahl" / "Ekdahl"), or two pairs of
    them in a long name ("Turkeminstan" / "Turkmenistan")."""
    if len(x) != len(y):
        return False
    limit = 2 if len(x) >= LONG_NAME else 1
    swaps = OSA.distance(x, y, score_cutoff=limit)
    return 1 <= swaps <= limit and Levenshtein.distance(x, y) > swaps


def prefixed(x: str, y: str) -> bool:
    """One name is the other behind a family-name prefix: "Calamita" / "LaCalamita"."""
    short, long = sorted((x, y), key=len)
    return len(short) >= MIN_RESPELLED and long.endswith(short) and long[: len(long) - len(short)] in NAME_PREFIXES


def american(word: str) -> str:
    """A word in American spelling: "recognised" -> "recognized", "harbour" -> "harbor"."""
    return re.sub(r"our\b", "or", re.sub(r"is(e|ed|es|ing|ation|ations)\b", r"iz\1", word))


def house_style_name(x: str, y: str) -> bool:
    """Only letter case or hyphens differ ("MacBook" / "Macbook", "Wi-Fi" / "WiFi"): the
    desk's style, not a spelling of the name."""
    return x.replace("-", "").casefold() == y.replace("-", "").casefold()
