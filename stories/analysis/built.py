"""When the story's building was built, compared wherever each source says it, as a year
("built in 1935"), a decade ("built in the 1930s") or an age in copy whose year is known
("the 86-year-old structure" in copy of 2012: built in 1926).

A source that dates two buildings says nothing (there is no telling which the other's is
of); one building dated by each source, in years that cannot meet, is a disagreement.
"""

from __future__ import annotations

import re

from .found import Found
from .given_numbers import Given
from .model import Block
from .text import stem

Built = list[tuple[Block, str, tuple[int, int]]]  # where, as written, the first and last year it may have been built

_BUILDINGS = frozenset(
    stem(word)
    for word in """building structure house home church bridge warehouse factory plant mill hotel theater theatre
school stadium tower barn hall station store dam mansion temple mosque cathedral""".split()
)
_BUILT = re.compile(
    r"\b(?:built|constructed|erected)\s+(?:back\s+)?(?:in|around|during)\s+(?:the\s+)?"
    r"(?P<year>(?:1[6-9]|20)\d\d)(?P<decade>s)?\b"
)


BUILT_WORDS = ("built", "constructed", "erected")  # in every sentence `_BUILT` reads


def built_of(numbers: Given, sentences: list[tuple[Block, str]], year: int | None) -> Built:
    """The years a source says its buildings were built in, or were as old as in `year`."""
    built: Built = []
    for block, text in sentences:
        if any(word in text for word in BUILT_WORDS):
            for match in _BUILT.finditer(text):
                first = int(match.group("year"))
                built.append((block, match.group(), (first, first + 9 if match.group("decade") else first)))
    if year is None:
        return built
    for block, found in numbers:
        for number in found:
            if number.measure == "age" and number.counts & _BUILDINGS and number.value == int(number.value):
                age = int(number.value)
                built.append((block, number.text, (year - age - 1, year - age)))
    return built


def check_built(found: Found, built_a: Built, built_b: Built) -> None:
    """One building dated in each source (its dates all meet), and the years cannot meet."""
    span_a, span_b = _one_span(built_a), _one_span(built_b)
    if span_a is None or span_b is None:
        return
    if span_a[1] < span_b[0] or span_b[1] < span_a[0]:
        (block_a, written_a, _), (block_b, written_b, _) = built_a[0], built_b[0]
        found.add("number", (block_a, written_a), (block_b, written_b), "built in different years")


def _one_span(built: Built) -> tuple[int, int] | None:
    """The years all of a source's dates of building allow, if they meet."""
    if not built:
        return None
    first, last = max(span[0] for *_, span in built), min(span[1] for *_, span in built)
    return (first, last) if first <= last else None
