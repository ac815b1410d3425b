"""The same going one way in one source and the other way in the other: "was walking into
the store" / "walking out of the store", "ran toward the gate" / "ran away from the gate".

Read only where one verb goes with both and is followed by the same place (its noun, after
an article or a possessive): "ran out of money" and "ran into debt" are not one going.
"""

from __future__ import annotations

import functools
import re

from .found import Found
from .model import Block
from .text import ascii_twin, lacks_words, stem

_WAYS = {"into": 0, "out of": 1, "toward": 2, "towards": 2, "away from": 3}
_OPPOSITE = {0: 1, 1: 0, 2: 3, 3: 2}
_HINT = re.compile(r"\b(?:into|out\s+of|towards?|away\s+from)\b", re.I)
_HINT_ASCII = ascii_twin(_HINT)
_HINT_WORDS = frozenset("into out toward towards away".split())  # the first word of each way
_GOING = re.compile(
    r"\b(?P<verb>[a-z]{3,})\s+(?P<way>into|out\s+of|towards?|away\s+from)\s+"
    r"(?:(?:the|a|an|his|her|their|its|our)\s+)?(?P<place>[a-z]{3,})\b",
    re.I,
)


def check_directions(found: Found, a: tuple[Block, str], b: tuple[Block, str]) -> None:
    """A going in one sentence whose verb and place the other has with the opposite way."""
    (block_a, text_a), (block_b, text_b) = a, b
    goings_a = _goings(text_a)
    if not goings_a:  # most sentences: no going to compare
        return
    goings_b = _goings(text_b)
    for (verb, way, place), written_a in goings_a.items():
        written_b = goings_b.get((verb, _OPPOSITE[way], place))
        if written_b and (verb, way, place) not in goings_b:
            found.add("claim", (block_a, written_a), (block_b, written_b), "going the other way")


@functools.lru_cache(maxsize=4096)  # a sentence is linked to a sentence of each other source
def _goings(text: str) -> dict[tuple[str, int, str], str]:
    """(verb's stem, way, place's stem) -> the verb and its way as written ("walking out
    of"), for each going of the sentence: the shortest words that carry what differs."""
    goings: dict[tuple[str, int, str], str] = {}
    if lacks_words(text, _HINT_WORDS) or not (_HINT_ASCII if text.isascii() else _HINT).search(text):
        return goings
    for match in _GOING.finditer(text):
        way = _WAYS[" ".join(match.group("way").lower().split())]
        key = (stem(match.group("verb").lower()), way, stem(match.group("place").lower()))
        goings.setdefault(key, match.group(0)[: match.end("way") - match.start()])
    return goings
