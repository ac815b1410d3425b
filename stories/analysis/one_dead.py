"""A death of one said without a figure, set against the others harmed: "A young girl was
killed and dozens of others were seriously injured", "A man died and five others were
hurt". "Others" makes the one the whole count of the dead, as "one person was killed and
five others injured" does in figures. A death said alone ("A woman died after being
struck") counts no toll: the story may have more."""

from __future__ import annotations

import re

from .number_fact import Number
from .text import stem

_PERSON = (
    "man|woman|girl|boy|child|person|baby|teenager|teen|policeman|officer|soldier|worker|student|resident"
    "|civilian|pilot|driver|passenger|firefighter|climber|tourist|pedestrian"
)
# "A young girl was killed and dozens of others were seriously injured"
_ONE_DEAD = re.compile(
    rf"(?:^|[,;]\s)(?P<said>(?:A|An|One)\s+(?:[\w'-]+\s+){{0,3}}?(?P<who>{_PERSON})\s+"
    r"(?:was\s+killed|has\s+been\s+killed|had\s+been\s+killed|died|was\s+shot\s+dead))"
    r"\s+and\s+(?:[\w'-]+\s+){1,3}?others?\b",
)


def one_dead(sentence: str) -> Number | None:
    """The death of one a sentence sets against the others harmed, as a number; None for none."""
    if "other" not in sentence:  # in every such sentence: most have none
        return None
    match = _ONE_DEAD.search(sentence)
    if match is None:
        return None
    said = match.group("said")
    return Number(
        text=said,
        raw=said.split()[0],
        value=1.0,
        unit="",
        counts=frozenset({stem(match.group("who").lower())}),
        measure="",
        before=frozenset(),
        spelled=True,
        sentence=sentence,
    )
