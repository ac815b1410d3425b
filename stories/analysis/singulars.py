"""One thing said with "a" against a count of them, each the subject its sentence opens
with: "A convicted killer and two other inmates cut through ..." / "Two convicted killers
and another inmate escaped ...". The article is a count of one; set against the other
sentence's count of the same noun, with the same words before it, the two disagree.
Only sentences' subjects: "blocked a shot" / "blocked two shots" in a game's account are
two plays, and "a fence" / "two fences" was found at that cost (one label, three false
alarms over the labelled sets)."""

from __future__ import annotations

import re

from .facts import Facts
from .found import Found
from .model import Block
from .number_fact import Number


def check_singulars(found: Found, a: tuple[Block, Facts, str], b: tuple[Block, Facts, str]) -> None:
    """A figure of two or more opening one sentence, and the same words in the singular after
    "a" opening the other, which gives no figure of that noun."""
    for (block, facts, text), (other_block, other_facts, other_text), flipped in ((a, b, False), (b, a, True)):
        if not facts.numbers or not text.startswith(facts.numbers[0].text):
            continue
        number = facts.numbers[0]
        one = _said_as_one(number, other_text)
        if one is None or not other_text.startswith(one[0]) or _counted(other_facts, one[1]):
            continue
        if _said_as_one(number, text) is None:  # not "Two gates ... a gate" in one sentence
            here, there = (block, number.text), (other_block, one[0])
            found.add("number", *((there, here) if flipped else (here, there)), "a count of them against one")


def _said_as_one(number: Number, text: str) -> tuple[str, str] | None:
    """The "a ..." phrase of `text` that says in the singular what `number` counts ("two
    fences" -> "a fence"), with its noun, or None."""
    if not 2 <= number.value < 20 or number.unit or number.measure or number.partial or number.ends or number.upto:
        return None
    words = number.text[len(number.raw) :].split()
    for at, word in enumerate(words[:3]):
        singular = _singular(word)
        if singular:
            between = "".join(re.escape(word) + r"\s+" for word in words[:at])
            pattern = r"\b[Aa]n?\s+" + between + re.escape(singular) + r"\b"
            match = re.search(pattern, text)
            return (match.group(), singular) if match else None
    return None


def _singular(word: str) -> str:
    """The singular of a plural noun in lower case ("fences" -> "fence", "killers" ->
    "killer"), or ""."""
    if not word.islower() or not word.endswith("s") or word.endswith("ss") or len(word) < 4:
        return ""
    return word[:-1]


def _counted(facts: Facts, singular: str) -> bool:
    """The sentence also counts the noun with a figure: "a fence ... 12 fences"."""
    return any(singular in number.text for number in facts.numbers)
