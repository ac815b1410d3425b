"""What a number as written is worth: number words and scales, amounts said in round
words, and the value, unit, spelling and precision of a match of `quantities`' pattern."""

from __future__ import annotations

import math
import re

NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
NUMBER_WORDS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "dozen": 12,
    }
)
SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "bn": 1e9,
    "mln": 1e6,
    "mn": 1e6,
    "bln": 1e9,
}
WORD_PARTS = re.compile(r"\s*-\s*|\s+")

WORD_SCALES = {**SCALES, "hundred": 100.0, "dozen": 12.0}  # "two hundred", "two dozen", "three hundred thousand"

# Amounts said in round words, each a span of values ("dozens": 24 up to 200): what a
# figure of the same thing must fall inside. Generous at the top, as copy is ("thousands
# marched" of 30,000), so that only spans that cannot meet disagree: "hundreds injured" /
# "injuring dozens"; "tens of thousands of protesters" / "an approximate 200,000".
VAGUE_AMOUNTS = {
    "dozens": (24.0, 200.0),
    "hundreds": (200.0, 2_000.0),
    "thousands": (2_000.0, 100_000.0),
    "tens of thousands": (20_000.0, 100_000.0),
    "hundreds of thousands": (200_000.0, 2_000_000.0),
    "millions": (2_000_000.0, 100_000_000.0),
    "tens of millions": (20_000_000.0, 100_000_000.0),
    "hundreds of millions": (200_000_000.0, 2_000_000_000.0),
}


def spelled_value(word: str) -> int | None:
    """A number word's value ("two" -> 2), None for any other word."""
    return NUMBER_WORDS.get(word.lower())


def value_of(match: re.Match[str]) -> tuple[float, str, bool, float]:
    """A number's value, unit ("%", a currency sign or ""), whether it is spelled out, and
    what its last written digit is worth. The groups are fetched a few at once (every
    number of a story is read so), and a number's digits lose their grouping only when
    they have some."""
    vague, twice, pair, word = match.group("vague", "twice", "pair", "word")
    if vague:
        low, _ = VAGUE_AMOUNTS[" ".join(vague.lower().split())]
        return low, "", True, low
    if twice or pair:
        return 2.0, "", True, 1.0
    if word:
        scales = WORD_PARTS.split((match.group("wscale") or "").lower())
        scale = float(math.prod(WORD_SCALES[part] for part in scales if part))
        said = sum(NUMBER_WORDS[part] for part in WORD_PARTS.split(word.lower()))
        return said * scale, "", True, scale
    num, dec, scale_word, over, under, glued, pct, cur = match.group(
        "num", "dec", "scale", "over", "under", "glued", "pct", "cur"
    )
    if match.group("in32nds"):  # "rose 6/32": a bond's price moves in 32nds (or 64ths) of a point
        under_value = int(match.group("in32nds"))
        return int(num) / under_value, "", False, 1 / under_value
    scale = SCALES.get(scale_word.lower(), 1.0) if scale_word else 1.0
    decimals = dec.replace(" ", "") if dec else ""  # "4. 4", as some scrapers print 4.4
    value = float((GROUPING.sub("", num) if "," in num else num) + decimals) * scale
    if under and int(under):  # "4-1/2"
        value += int(over) / int(under) * scale
    elif glued:  # "41 / 2": four and a half
        over, under = glued.replace(" ", "").split("/")
        value += int(over) / int(under) * scale
    precision = 10.0 ** -(len(decimals or ".") - 1) * scale
    unit = "%" if pct else (cur or "")
    return value, unit, False, precision


GROUPING = re.compile(r",\s?")
