"""Rounds: which round of a tournament a game between two named teams is, compared
wherever each source says it.

"the winner of Friday's second semifinal between Evansville and Indiana State" / "the
winner of Friday's second quarterfinal between Evansville and Indiana State": one game,
two rounds, and at most one is right. A game is known by its two teams, named "between A
and B" after the round or "A - B" (or "A vs. B") before it; the rounds are the closed
list a bracket has (first round, second round, quarterfinal, semifinal, final).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import MONTHS_AND_WEEKDAYS
from .found import Found
from .model import Block
from .text import fold, lacks_words

_ROUND = re.compile(
    r"\b(?i:(?:first|second|opening)[\s-]+round|quarter[\s-]?finals?|semi[\s-]?finals?|finals?|championship\s+game)\b"
)
_TEAM = r"[A-Z][\w.'\u2019&-]*(?:\s[A-Z][\w.'\u2019&-]*){0,3}"
# "the second semifinal between Evansville and Indiana State"
_TEAMS_AFTER = re.compile(rf"\s+(?:game\s+|match\s+)?between\s+(?P<one>{_TEAM})\s+and\s+(?P<two>{_TEAM})")
# "the Evansville - Indiana State semifinal", "the Kansas vs. Duke final"
_TEAMS_BEFORE = re.compile(rf"(?P<one>{_TEAM})\s?(?:-|\u2013|vs\.?|versus)\s?(?P<two>{_TEAM})\s+$")
_ORDINAL = re.compile(r"\b(?i:first|second|third|fourth)\s+$")
BEFORE = 80  # characters before a round where the two teams named before it stand


@dataclass(frozen=True)
class Game:
    teams: frozenset[str]  # the two teams, folded
    round: str  # folded, one word a round: "semifinal"
    written: str  # the round as written (with the teams, when they stand before it)


Games = list[tuple[Block, Game]]


# The first word of each round `_ROUND` reads, a word of its own ("quarterfinal" written as one).
_ROUND_FIRST_WORDS = frozenset(
    "first second opening quarter quarterfinal quarterfinals semi semifinal semifinals final finals"
    " championship".split()
)
ROUND_WORDS = ("inal", "ound", "INAL")  # in every round's name read ("final", "Round", "SEMIFINAL")


def games_of(sentences: list[tuple[Block, str]]) -> Games:
    """The games between two named teams a source gives a round, in order."""
    games: Games = []
    for block, text in sentences:
        if not any(word in text for word in ROUND_WORDS) or lacks_words(text, _ROUND_FIRST_WORDS):
            continue  # the cheap tests: most sentences name no round
        for match in _ROUND.finditer(text):
            game = _game(text, match)
            if game is not None:
                games.append((block, game))
    return games


def _game(text: str, round_: re.Match[str]) -> Game | None:
    """The game a round names, with its two teams after it or before it."""
    start = round_.start()
    after = _TEAMS_AFTER.match(text, round_.end())
    if after is not None:
        ordinal = _ORDINAL.search(text, max(0, start - 10), start)
        written = text[ordinal.start() if ordinal else start : round_.end()]
    else:
        after = _TEAMS_BEFORE.search(text, max(0, start - BEFORE), start)
        if after is None:
            return None
        written = text[after.start() : round_.end()]
    teams = frozenset({_team(after.group("one")), _team(after.group("two"))})
    return Game(teams, _round(round_.group()), written)


def _team(written: str) -> str:
    """A team's name, folded, without a day written after it ("Duke Saturday")."""
    words = fold(written).split()
    while len(words) > 1 and words[-1] in MONTHS_AND_WEEKDAYS:
        words.pop()
    return " ".join(words)


def _round(written: str) -> str:
    word = re.sub(r"[\s-]+", "", fold(written)).removesuffix("s")
    return {"openinground": "firstround", "championshipgame": "final"}.get(word, word)


def check_games(found: Found, games_a: Games, games_b: Games) -> None:
    """One game between the same two teams, one round in each source, and the rounds differ."""
    for block_a, game_a in games_a:
        rounds_a = {game.round for _, game in games_a if game.teams == game_a.teams}
        for block_b, game_b in games_b:
            if game_b.teams != game_a.teams or game_b.round in rounds_a or len(rounds_a) > 1:
                continue
            rounds_b = {game.round for _, game in games_b if game.teams == game_b.teams}
            if len(rounds_b) == 1:
                note = f"another round of the game between {' and '.join(sorted(t.title() for t in game_a.teams))}"
                found.add("other", (block_a, game_a.written), (block_b, game_b.written), note)
                return
