"""Later rounds of a generated archive told as other events of the same kinds.

Past the corpus' 13,700 items, `grouping_lag.archive` stores load_archive's plan again for
each further 10,000 items: the same Reuters stories with other rewrites, so each round is
near-copies of the first, which grouping never met as such (they arrive by COPY) and its
revisit keeps merging as the archive grows (docs/performance.md, *Ingest rate*). Respelled, a round is other
news of the same beats: the desk's common words (the COMMON most frequent in the plan) stay
as written, so the common band keys are shared across rounds as a day's copy shares them;
every other word (names, places, the words that tell one event from another) has its second
to fourth letters shifted along the alphabet by the round's number, keeping its first
letter, its case and its ending (so a word's inflections still stem alike), and every digit
is shifted the same way. Within a round the original and its rewrites are respelled alike,
and still read as one story.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

# The words a desk's copy shares whatever the event ("the", "said", "mln", "pct"). With 100,
# a story's copy in round 1 scores a median 0.07 (at most 0.20) against the same story in
# round 0, below grouping's bars (0.30 to join, 0.23 to revisit); with 300, 0.19 (at most
# 0.43); a respelled original and its rewrite still score 0.97, as in round 0.
COMMON = 100

_WORD = re.compile(r"[A-Za-z]+")
_DIGIT = re.compile(r"\d")


def common_words(texts: Iterable[bytes], most: int = COMMON) -> frozenset[str]:
    counts: Counter[str] = Counter()
    for data in texts:
        counts.update(word.lower() for word in _WORD.findall(data.decode("utf-8", "replace")))
    return frozenset(word for word, _ in counts.most_common(most))


def respelled(data: bytes, round_number: int, common: frozenset[str]) -> bytes:
    """`data` (plain text in UTF-8) as round `round_number` (1 to 25) tells it."""

    def word(found: re.Match[str]) -> str:
        written = found.group()
        if written.lower() in common or len(written) < 2:
            return written
        middle = "".join(_shifted(letter, round_number) for letter in written[1:4])
        return written[0] + middle + written[4:]

    text = _WORD.sub(word, data.decode("utf-8", "replace"))
    text = _DIGIT.sub(lambda digit: str((int(digit.group()) + round_number) % 10), text)
    return text.encode("utf-8")


def _shifted(letter: str, by: int) -> str:
    base = ord("a") if letter.islower() else ord("A")
    return chr(base + (ord(letter) - base + by) % 26)
