"""A game's score at one moment of play, told two ways: "open a 45-36 lead with 13:41 to
play" / "take the lead at 45-35 ... with 13:41 to go". A score runs on through a game, so
two scores are of one moment only where both sentences give the same time left on the
game clock; there the two cannot both be right.
"""

from __future__ import annotations

import re

from .found import Found
from .model import Block
from .text import ascii_twin

# "45-36", "45 - 36" (as some scrapers print it), not a date ("2012-04") nor a time.
_SCORE = re.compile(r"(?<![\w.,:/-])(\d{1,3})\s?[-\u2013]\s?(\d{1,3})(?![\w.,:/]?\d)(?!\s?[-\u2013]\s?\d)")
# The time left on the game clock: "with 13:41 to play", "with 2: 05 left in the half".
_GAME_CLOCK = re.compile(
    r"\bwith\s+(\d{1,2})\s?:\s?([0-5]\d)\s+(?:to\s+(?:play|go)|left|remaining)\b",
    re.I,
)

_SCORE_ASCII, _GAME_CLOCK_ASCII = ascii_twin(_SCORE), ascii_twin(_GAME_CLOCK)


def _score(sentence: str) -> tuple[str, tuple[int, int]] | None:
    """The one score a sentence gives, as written and as its two figures; None for none or
    for several."""
    matches = list((_SCORE_ASCII if sentence.isascii() else _SCORE).finditer(sentence))
    if len(matches) != 1:
        return None
    match = matches[0]
    return match.group(), (int(match.group(1)), int(match.group(2)))


def _game_clock(sentence: str) -> tuple[int, int] | None:
    if ":" not in sentence:
        return None  # every game clock's time has its colon; most sentences none
    game_clock = _GAME_CLOCK_ASCII if sentence.isascii() else _GAME_CLOCK
    clocks = {(int(m.group(1)), int(m.group(2))) for m in game_clock.finditer(sentence)}
    return clocks.pop() if len(clocks) == 1 else None


def check_game_scores(found: Found, a: tuple[Block, str], b: tuple[Block, str]) -> None:
    """Two linked sentences each give one score at the same time left on the game clock,
    and the scores differ: "a 45-36 lead with 13:41 to play" / "45-35 with 13:41 to go"."""
    (block_a, text_a), (block_b, text_b) = a, b
    clock_a = _game_clock(text_a)
    if clock_a is None or clock_a != _game_clock(text_b):
        return
    score_a, score_b = _score(text_a), _score(text_b)
    if score_a is None or score_b is None or sorted(score_a[1]) == sorted(score_b[1]):
        return
    found.add("number", (block_a, score_a[0]), (block_b, score_b[0]), "two scores at one moment of a game")
