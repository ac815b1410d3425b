"""None against a count of the same thing done to: "only one gator had been killed by 11
p.m." / "no gators were killed then". A "no" before a noun counts nought of it; where the
other sentence counts the same noun, with the same verb after both, the two disagree. Read
only in linked sentences (`numbers.check_numbers`); "no one" counts nobody in particular."""

from __future__ import annotations

import functools
import re

from .facts import Facts
from .found import Found
from .model import Block
from .number_fact import Number
from .text import STOPWORDS, stem

_AUXILIARIES = r"(?:(?:was|were|had|has|have|been|being|be)\s+){0,2}"
_DONE_TO = r"(?P<verb>[a-z]+ed|hurt|shot|found|held|taken|seen)\b"  # a past participle
# "no gators were killed", "no injuries have been reported" ("no one was hurt" is left out)
_NONE = re.compile(rf"\b[Nn]o\s+(?P<noun>[a-z]{{3,}})\s+{_AUXILIARIES}{_DONE_TO}")
_DONE = re.compile(rf"\s+{_AUXILIARIES}{_DONE_TO}")  # after a count: "one gator had been killed"


def check_zero_counts(found: Found, a: tuple[Block, Facts], b: tuple[Block, Facts]) -> None:
    """A count of a thing done to in one sentence, "no" such thing in the other."""
    for (block, facts), (other_block, other_facts), flipped in ((a, b, False), (b, a, True)):
        if not facts.numbers or not other_facts.negations:
            continue  # most sentences: no count, or no "no" in the other
        nones = _nones(" ".join(other_facts.words))
        for number in facts.numbers:
            done = _done(number)
            if done and done in nones and number.value >= 1 and not number.bound:
                here, there = (block, number.text), (other_block, nones[done])
                found.add("number", *((there, here) if flipped else (here, there)), "none against a count")


@functools.lru_cache(maxsize=4096)
def _nones(text: str) -> dict[tuple[str, str], str]:
    """(noun's stem, verb's stem) -> "no gators", for each "no" before a noun and a verb."""
    if "no " not in text.lower():
        return {}
    return {
        (stem(match.group("noun")), stem(match.group("verb"))): match.group()[: match.end("noun") - match.start()]
        for match in _NONE.finditer(text)
        if match.group("noun") not in STOPWORDS and match.group("noun") != "one"
    }


def _done(number: Number) -> tuple[str, str] | None:
    """(counted noun's stem, verb's stem) of a count followed by the verb done to it."""
    at = number.sentence.find(number.text)
    if at < 0 or not number.counts:
        return None
    match = _DONE.match(number.sentence, at + len(number.text))
    noun = number.text.split()[-1].lower()
    return (stem(noun), stem(match.group("verb"))) if match else None
