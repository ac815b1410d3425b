"""Causes of death: how the story's dead died, compared wherever each source says it.

"The three bank employees were burnt to death" / "Three people have suffocated to death":
at most one is how they died. A cause is the verb before "to death" ("stabbed", "beaten",
"shot"); it is said of the words before it, and two sources' causes are of the same dead
when those words share a name ("Gonzalez was stabbed to death" / "Manuel Gonzalez was
beaten to death") or a count ("3 bank employees" / "Three people"). Other dead (a brother
stabbed months before) are named or counted otherwise, and are not compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import MONTHS_AND_WEEKDAYS
from .found import Found
from .model import Block
from .quantities import numbers_of
from .text import fold

_CAUSE = re.compile(
    r"(?P<who>[^.;:!?]{0,60}?)\s(?:(?:was|were|has\s+been|have\s+been|had\s+been|have|has|had|being)\s+)?"
    r"(?P<cause>burnt|burned|suffocated|stabbed|beaten|shot|crushed|strangled|choked|starved|frozen|trampled"
    r"|bludgeoned|hacked|clubbed|kicked|mauled|poisoned|electrocuted|asphyxiated)\s+to\s+death\b",
    re.I,
)
# One way of dying written two ways: British and American past tenses, and two words for one death.
_ONE_CAUSE = {"burned": "burnt", "asphyxiated": "suffocated", "choked": "suffocated", "strangled": "suffocated"}
_NAME = re.compile(r"\b[A-Z][a-z'-]+")


@dataclass(frozen=True)
class Death:
    cause: str  # folded, one word for one way of dying
    written: str  # the cause as written, through "to death"
    names: frozenset[str]  # folded capitalised words said of the dead (not the sentence's first)
    counts: frozenset[float]  # the counts said of them ("3 bank employees": 3)


Deaths = list[tuple[Block, Death]]


DEATH_WORDS = ("to death",)  # in every cause of death read


def deaths_of(sentences: list[tuple[Block, str]]) -> Deaths:
    """A source's causes of death, in order."""
    deaths: Deaths = []
    for block, text in sentences:
        if DEATH_WORDS[0] not in text:
            continue  # the cheap test: most sentences tell no death this way
        for match in _CAUSE.finditer(text):
            who = match.group("who")
            cause = match.group("cause").lower()
            names = {fold(word) for word in _NAME.findall(who) if match.start("who") + who.find(word) > 0}
            names -= MONTHS_AND_WEEKDAYS
            counts = {number.value for number in numbers_of(who) if not number.unit and not number.measure}
            written = text[match.start("cause") : match.end()]
            deaths.append((block, Death(_ONE_CAUSE.get(cause, cause), written, frozenset(names), frozenset(counts))))
    return deaths


def check_causes(found: Found, deaths_a: Deaths, deaths_b: Deaths) -> None:
    """The same dead, named or counted alike, and another cause of death in each source;
    a source that gives them two causes ("shot and stabbed to death") says nothing."""
    for block_a, death_a in deaths_a:
        for block_b, death_b in deaths_b:
            same_dead = death_a.names & death_b.names or death_a.counts & death_b.counts
            if not same_dead or death_a.cause == death_b.cause:
                continue
            if _also(death_b.cause, death_a, deaths_a) or _also(death_a.cause, death_b, deaths_b):
                continue
            found.add("other", (block_a, death_a.written), (block_b, death_b.written), "different causes of death")
            return


def _also(cause: str, death: Death, deaths: Deaths) -> bool:
    """The source of `death` gives the same dead `cause` too."""
    return any(
        other.cause == cause and (other.names & death.names or other.counts & death.counts) for _, other in deaths
    )
