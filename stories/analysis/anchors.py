"""A second, narrower route from a sentence to its counterpart in the other source, for
rewrites worded too differently to link (`links`): the one sentence of each source that
counts a thing (a counted noun's stem) beside one named subject ("a city of 160,000 people"
and "home to 167,000 people", each beside the same town's name). Only the numbers that
count that thing are compared, and a difference is reported only when the two values are
near each other: the same fact rounded or updated apart. Far values of one noun beside one
name are most often other facts ("350 people were sheltering" / "50 people injured"),
which a sentence's wording, not its nouns, tells apart.

Indexed by the shared key, so the work grows with the sentences, not their pairs; a key
that stands in more than one sentence of a source names no one counterpart and is dropped.
"""

from __future__ import annotations

import dataclasses
import itertools
import weakref
from dataclasses import dataclass

from .facts import Facts
from .found import Found
from .links import Link, SentenceRef, SentenceSpace
from .numbers import check_numbers
from .text import fold, normalise

NEAR = 0.1  # of the larger value: two values this near may be one fact told apart

_Key = tuple[str, str]  # (a counted noun's stem, a name's last word, folded)
_Place = tuple[str, int]  # a sentence: its block's id and its index in the block
Sayings = tuple[str, set[str]]  # a source's key and its sentences, normalised


@dataclass(frozen=True)
class Counterparts:
    a: SentenceRef
    b: SentenceRef
    counted: str  # the stem both sentences' numbers count


def check_counterparts(
    found: Found, space: SentenceSpace, sources: tuple[Sayings, Sayings], compared: list[Link]
) -> None:
    """Near values of one counted thing in two counterpart sentences (`counterparts`) of
    two sources, unless their facts are compared already (`compared`)."""
    linked = {((link.a.block.id, link.a.index), (link.b.block.id, link.b.index)) for link in compared}
    for pair in counterparts(space, sources, linked):
        facts_a, facts_b = _counting(space.facts(pair.a), pair.counted), _counting(space.facts(pair.b), pair.counted)
        trial = Found()
        check_numbers(trial, (pair.a.block, facts_a), (pair.b.block, facts_b))
        for item in trial.items:
            value_a, value_b = _value(facts_a, item.a.text), _value(facts_b, item.b.text)
            if item.kind == "number" and value_a is not None and value_b is not None and _near(value_a, value_b):
                found.add(item.kind, (pair.a.block, item.a.text), (pair.b.block, item.b.text), item.note)


def counterparts(
    space: SentenceSpace, sources: tuple[Sayings, Sayings], linked: set[tuple[_Place, _Place]]
) -> list[Counterparts]:
    """The pairs of sentences of two sources that share a key (a counted stem and a name)
    that no other sentence of either source has, and are not in `linked`. A sentence the
    other source prints word for word states nothing that source does not."""
    (key_a, said_a), (key_b, said_b) = sources
    counted_a, counted_b = _counted(space, key_a, said_b), _counted(space, key_b, said_a)
    shared = {word for _, words in counted_a for word in words} & {word for _, words in counted_b for word in words}
    keys_a, keys_b = _unique_keys(space, counted_a, shared), _unique_keys(space, counted_b, shared)
    out: dict[tuple[_Place, _Place], Counterparts] = {}
    for key, ref_a in keys_a.items():
        ref_b = keys_b.get(key)
        if ref_b is None:
            continue
        places = ((ref_a.block.id, ref_a.index), (ref_b.block.id, ref_b.index))
        if places not in linked and places not in out:
            out[places] = Counterparts(ref_a, ref_b, key[0])
    return list(out.values())


def _counted(space: SentenceSpace, source: str, said_there: set[str]) -> list[tuple[SentenceRef, set[str]]]:
    """Each sentence of a source with what its numbers count, unless the other source
    prints it. A unit of measure ("years", "miles") says nothing of what is measured; a
    part of a count or an end of a range counts no whole thing."""
    return [(ref, counted) for ref, counted, said in _counted_in(space, source) if said not in said_there]


# What each sentence of a source counts, read once a comparison: each source takes part in
# a pair with every other (45 pairs of ten sources).
_COUNTED: weakref.WeakKeyDictionary[SentenceSpace, dict[str, list[tuple[SentenceRef, set[str], str]]]] = (
    weakref.WeakKeyDictionary()
)


def _counted_in(space: SentenceSpace, source: str) -> list[tuple[SentenceRef, set[str], str]]:
    by_source = _COUNTED.setdefault(space, {})
    if source not in by_source:
        by_source[source] = [
            (ref, counted, normalise(ref.text))
            for ref in space.refs.get(source, [])
            if (
                counted := {
                    word
                    for number in space.numbers(ref)
                    if not number.ends and not number.partial
                    for word in number.counts - {number.measure}
                }
            )
        ]
    return by_source[source]


def _unique_keys(
    space: SentenceSpace, counted: list[tuple[SentenceRef, set[str]]], shared: set[str]
) -> dict[_Key, SentenceRef]:
    seen: dict[_Key, SentenceRef | None] = {}
    for ref, words in counted:
        words = words & shared
        if words:
            names = {fold(run[-1]) for run in space.names(ref)}
            for key in itertools.product(sorted(words), sorted(names)):  # in one order whatever the hash seed
                seen[key] = None if key in seen else ref
    return {key: ref for key, ref in seen.items() if ref is not None}


def _counting(facts: Facts, counted: str) -> Facts:
    return dataclasses.replace(facts, numbers=tuple(number for number in facts.numbers if counted in number.counts))


def _value(facts: Facts, text: str) -> float | None:
    return next((number.value for number in facts.numbers if number.text == text), None)


def _near(value_a: float, value_b: float) -> bool:
    return abs(value_a - value_b) <= NEAR * max(abs(value_a), abs(value_b))
