"""Targets: whom a gunman was aiming at, compared wherever each source says it.

"Lopez was reportedly aiming for an 11-year-old girl" / "Lopez told police he was aiming
for rival gang members when a stray bullet hit the mother": a shooting story's bystander
was hit by shots meant for someone, and the two sources name two others; at most one is
right. Read only in a story of shooting (a source that says "shot", "gunfire", "bullet"
...), and "targeting" or "meant for" only beside the shots: elsewhere a campaign aims for
voters and a plan targets costs. Two targets that share a word agree ("rival gang members"
/ "members of a rival gang"). Shots "fired at" or "into" someone name their target too
("firing at rival gang members"), but not "fired at random" nor "fired at least ten shots", nor
"had been fired on", whose target stands before.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .found import Found
from .model import Block
from .text import ascii_twin, content_terms, fold, lacks_words

# "aiming for an 11-year-old girl whom ...", "targeting members of a rival gang when ...",
# "the shots meant for rival gang members": whom, to the end of the clause.
_AIMING = re.compile(
    r"\b(?P<verb>aiming\s+(?:for|at)|target(?:t)?ing(?!\s+of\b)|(?:meant|intended)\s+for"
    r"|fir(?:ing|ed)\s+(?:at|on|into)(?!\s+(?:random|will|least|close|point|about|around|by|\d)))\s+"
    r"(?P<whom>[^,.;:!?\"]+?)(?=\s+(?:when|whom|who|because|but|and\s+(?:hit|struck))\b|[,.;:!?\"]|$)"
)
_AIMING_ASCII = ascii_twin(_AIMING)
_AIMING_WORDS = frozenset("aiming targeting targetting meant intended firing fired".split())  # each verb's first word
_SHOOTING = re.compile(r"\b(?:shot|shots|shooting|gunfire|gunman|bullets?|fired|sniper|crossfire)\b", re.I)
_PASSIVE = re.compile(r"\b(?:been|was|were|being|be|is|are|get|got)\s+$")
MOST_WORDS = 8  # of the target, as shown


@dataclass(frozen=True)
class Target:
    verb: str  # folded
    words: frozenset[str]  # the target's content words
    written: str


Targets = list[tuple[Block, Target]]


def targets_of(sentences: list[tuple[Block, str]]) -> Targets:
    """Whom a source says shots were meant for, in order; none in a story of no shooting."""
    targets: Targets = [(block, target) for block, text in sentences for target in _targets_in(text)]
    if targets and not any(_SHOOTING.search(text) for _, text in sentences):
        return []
    return targets


@functools.lru_cache(maxsize=4096)  # the versions of a story repeat most of their sentences
def _targets_in(text: str) -> tuple[Target, ...]:
    """Whom a sentence says shots were meant for."""
    if "aiming" not in text and "target" not in text and " for" not in text and "fir" not in text:
        return ()  # the cheap test: most sentences aim at nothing
    if lacks_words(text, _AIMING_WORDS):
        return ()  # nor do most that pass it
    targets = []
    for match in (_AIMING_ASCII if text.isascii() else _AIMING).finditer(text):
        if not match.group("verb").startswith(("aiming", "fir")) and _SHOOTING.search(text) is None:
            continue  # "targeting", "meant for" of shots only: "a plan targeting costs"
        if match.group("verb").startswith("fir") and _PASSIVE.search(text, 0, match.start()):
            continue  # "its forces had been fired on": the target stands before
        words = frozenset(content_terms(fold(match.group("whom"))))
        written = " ".join(match.group().split()[:MOST_WORDS])
        if words:
            targets.append(Target(" ".join(fold(match.group("verb")).split()), words, written))
    return tuple(targets)


def check_targets(found: Found, targets_a: Targets, targets_b: Targets) -> None:
    """Whom the shots were meant for, each source naming one target (any it names more
    than once share a word), and the two share none."""
    if not targets_a or not targets_b or not (_one(targets_a) and _one(targets_b)):
        return
    if any(target_a.words & target_b.words for _, target_a in targets_a for _, target_b in targets_b):
        return
    block_a, target_a = targets_a[0]
    block_b, target_b = next(((block, t) for block, t in targets_b if t.verb == target_a.verb), targets_b[0])
    found.add("other", (block_a, target_a.written), (block_b, target_b.written), "whom the shots were meant for")


def _one(targets: Targets) -> bool:
    first = targets[0][1].words
    return all(target.words & first for _, target in targets)
