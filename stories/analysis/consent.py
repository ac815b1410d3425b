"""Consent: whether someone agreed to something or refused it, compared wherever each
source says it.

"Page refused to have her picture taken the last two decades of her life" / "Page came
out of hiding in 2003 when she agreed to be photographed for Playboy": one source says
she would not, the other that she did, and at most one is right. What was agreed to or
refused is the first word of the clause after "to" that is not a helper ("be", "have",
"her"), one word for one doing ("picture", "photo", "photographed" are being
photographed), and a light verb is read with its object ("take questions"). Saying what
one thinks is left out ("declined to comment", "refused to be named"): a story quotes many
people, each agreeing or refusing, and a refusal to speak is seldom the person's own story.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .found import Found
from .model import Block
from .text import fold

_NOT = (
    r"(?:did\s+not|didn['\u2019]t|never|would\s+not|wouldn['\u2019]t|has\s+not|hasn['\u2019]t|had\s+not|hadn['\u2019]t)"
)
_NO = re.compile(
    rf"\b(?P<cue>(?:refused|refuses|declined|declines|{_NOT}\s+(?:even\s+)?"
    r"(?:allow(?:ed)?|agree[sd]?|consent(?:ed)?))\s+to)\s+(?P<what>[^,.;:!?\"]+)"
)
_YES = re.compile(r"\b(?P<cue>(?:agreed|agrees|consented|consents)\s+to)\s+(?P<what>[^,.;:!?\"]+)")
_NEGATION_BEFORE = re.compile(rf"\b{_NOT}\s+(?:even\s+)?$")
_HELPERS = frozenset(
    "be being been have having get allow let her his their him them herself himself themselves its a an the".split()
)
# One doing, written several ways.
_ONE_DOING = {
    "picture": "photo",
    "pictures": "photo",
    "photos": "photo",
    "photograph": "photo",
    "photographs": "photo",
    "photographed": "photo",
    "pose": "photo",
}
# Verbs that say little without their object: "agreed to take her off life support" is
# another doing than "refused to take questions".
_LIGHT = frozenset("take make give do put keep go come pay".split())
_SPEAKING = frozenset(
    "comment comments speak talk say discuss elaborate answer respond name named identify identified disclose".split()
)
MOST_WORDS = 12  # of what is agreed to or refused, as shown


@dataclass(frozen=True)
class Answer:
    doing: str  # the doing agreed to or refused, one word
    agreed: bool
    written: str


Answers = list[tuple[Block, Answer]]


def answers_of(sentences: list[tuple[Block, str]]) -> Answers:
    """What a source says someone agreed to or refused, in order."""
    return [(block, answer) for block, text in sentences for answer in _answers_in(text)]


@functools.lru_cache(maxsize=4096)  # the versions of a story repeat most of their sentences
def _answers_in(text: str) -> tuple[Answer, ...]:
    """What a sentence says someone agreed to or refused, in order."""
    if " to " not in text or not _agreeing(text):
        return ()  # the cheap tests: most sentences agree to nothing
    answers = []
    for pattern, agreed in ((_NO, False), (_YES, True)):
        for match in pattern.finditer(text):
            if agreed and _NEGATION_BEFORE.search(text, 0, match.start()):
                continue  # "never agreed to": the refusal `_NO` reads
            doing = _doing(match.group("what"))
            if doing and doing not in _SPEAKING:
                written = " ".join(text[match.start("cue") : match.end()].split()[:MOST_WORDS])
                answers.append(Answer(doing, agreed, written))
    return tuple(answers)


def _agreeing(text: str) -> bool:
    """Words in every refusal and agreement `_NO` and `_YES` read (an `or` of `in` tests:
    the fastest way to look for several)."""
    return (
        "fuse" in text
        or "cline" in text
        or "llow" in text
        or "greed to" in text
        or "grees to" in text
        or "gree to" in text
        or "consent" in text
    )


def _doing(what: str) -> str:
    """The first word past the helpers, one word for one doing; a light verb with the word
    after it."""
    words = [word for word in fold(what).split() if word not in _HELPERS]
    if not words:
        return ""
    if words[0] in _LIGHT:
        return " ".join(words[:2])
    return _ONE_DOING.get(words[0], words[0])


def check_answers(found: Found, answers_a: Answers, answers_b: Answers) -> None:
    """One doing agreed to in one source and refused in the other, each source giving it
    one answer."""
    for block_a, answer_a in answers_a:
        if _both(answer_a.doing, answers_a):
            continue
        for block_b, answer_b in answers_b:
            if answer_b.doing == answer_a.doing and answer_b.agreed != answer_a.agreed:
                if not _both(answer_b.doing, answers_b):
                    note = f"agreed or refused: {answer_a.doing}"
                    found.add("other", (block_a, answer_a.written), (block_b, answer_b.written), note)
                    return


def _both(doing: str, answers: Answers) -> bool:
    return len({answer.agreed for _, answer in answers if answer.doing == doing}) > 1
