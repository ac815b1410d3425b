"""A game's score as a line of results writes it ("Creighton 65, Drake 53": each team's
name, then its points) against the score the other source gives that game ("defeated Drake
65-53").

Headlines and agate give a result team by team; the body gives it as two figures beside
the teams' names, in sentences too unlike the line to link. Where one source's line and
the other's scores of a game naming either team share one figure and differ in the other,
the two give one game two results, and at most one is right. Only scores in a sentence
naming one of the line's teams are looked at, and only where they give the game one
result: a team's record ("improved to 25-7") or a half-time lead shares no figure with
the final score, or is another pair the line is not compared with.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from .found import Found
from .model import Block
from .text import ascii_twin, fold, has_digit

# A team's name, after its seed if any ("No. 9 Drake Bulldogs"): "No." opens no name.
_TEAM = r"(?:No\.\s?\d{1,2}\s)?(?!No\.)[A-Z][\w.'\u2019-]*(?:\s[A-Z][\w.'\u2019-]*){0,3}"
# "Creighton 65, Drake 53": a team and its points, a comma, another team and its points.
_LINE = re.compile(rf"(?<![\w,])(?P<x>{_TEAM})\s(?P<n>\d{{1,3}}),\s(?P<y>{_TEAM})\s(?P<m>\d{{1,3}})(?![\w,.:]?\d)")
# "65-53", "65 - 53" (as some scrapers print it), not a date ("2012-04") nor a time.
# Its first digit before the look behind (which reads the character before it): the search
# skips to a digit at C speed, where a look behind in front was tried at every place.
_SCORE = re.compile(r"(\d(?<![\w.,:/-]\d)\d{0,2})\s?[-\u2013]\s?(\d{1,3})(?![\w.,:/]?\d)(?!\s?[-\u2013]\s?\d)")
_CAPITALISED = re.compile(r"\b[A-Z][\w'-]*")
_LINE_HINT = re.compile(r"\d,\s")  # a figure and a comma: the cheap test before a line is looked for

_ANY_TEXT = (_LINE_HINT, _LINE, _SCORE)
_ASCII = (ascii_twin(_LINE_HINT), ascii_twin(_LINE), ascii_twin(_SCORE))

Line = tuple[Block, str, frozenset[str], tuple[int, int]]  # where, as written, the teams' words, the points
Score = tuple[Block, str, frozenset[str], frozenset[int]]  # where, as written, the sentence's names, the figures


@functools.lru_cache(maxsize=4096)
def _read(
    sentence: str,
) -> tuple[tuple[str, frozenset[str], tuple[int, int]] | None, tuple[tuple[str, frozenset[int]], ...]]:
    """A sentence's line of a result, if it is one, and its scores."""
    if not has_digit(sentence):
        return None, ()
    line = None
    line_hint, line_, score = _ASCII if sentence.isascii() else _ANY_TEXT
    match = line_.search(sentence) if line_hint.search(sentence) else None
    if match:
        teams = frozenset(fold(match.group("x")).split()) | frozenset(fold(match.group("y")).split())
        line = (match.group(), teams, (int(match.group("n")), int(match.group("m"))))
    if "-" not in sentence and "\u2013" not in sentence:
        return line, ()
    scores = tuple((m.group(), frozenset({int(m.group(1)), int(m.group(2))})) for m in score.finditer(sentence))
    return line, scores


def results_of(sentences: Iterable[tuple[Block, str]]) -> tuple[list[Line], list[Score]]:
    """A source's lines of results and its scores, each score with the names its sentence writes."""
    lines: list[Line] = []
    scores: list[Score] = []
    for block, text in sentences:
        line, found = _read(text)
        if line is not None:
            lines.append((block, *line))
        if found:
            names = frozenset(fold(word) for word in _CAPITALISED.findall(text))
            scores.extend((block, written, names, figures) for written, figures in found)
    return lines, scores


def check_results(
    found: Found, results_a: tuple[list[Line], list[Score]], results_b: tuple[list[Line], list[Score]]
) -> None:
    """Each source's lines against the other's scores of the same game."""
    for (lines, _), (_, scores), flipped in ((results_a, results_b, False), (results_b, results_a, True)):
        for block, written, teams, points in lines:
            rival = _rival(teams, points, scores)
            if rival is not None:
                mine, theirs = (block, written), (rival[0], rival[1])
                found.add("number", *((theirs, mine) if flipped else (mine, theirs)), "another result of one game")


def _rival(teams: frozenset[str], points: tuple[int, int], scores: list[Score]) -> Score | None:
    """The other source's one result of the game, if it differs from the line's."""
    game = [score for score in scores if score[2] & teams and score[3] & set(points)]
    if len({score[3] for score in game}) != 1 or game[0][3] == frozenset(points):
        return None
    return game[0]
