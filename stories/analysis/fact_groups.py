"""One conflict per fact: the pairwise conflicts of three or more sources joined.

`find_conflicts` checks sources two at a time, so when three sources are shown one
disagreement (A says 12, B and C say 14) comes out once per pair of sources (A/B and A/C).
Here those pairwise reports are joined: two conflicts of the same kind that share a value
at a place (the same block, the same text once normalised) state one fact, and the fact
is reported once, with every source's value. A fact that only two sources state is left
exactly as `find_conflicts` reported it, so the output for two sources does not change.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .model import Conflict, FactRef
from .text import normalise

_BLOCK_ID = re.compile(r"^([A-Z]+)(\d+)$")

_Value = tuple[str, str, str]  # kind, block id, normalised text: one value at one place


def group_conflicts(conflicts: Sequence[Conflict]) -> list[Conflict]:
    """The conflicts with those stating one fact across three or more sources joined into
    one, at the place of the first of them; the first pair's values stay `a` and `b`, and
    the values of further sources (in source and block order) go to `more`."""
    joined: dict[int, Conflict | None] = {}  # by each member's place: the fact at its first
    for group in _connected(conflicts):
        members = [conflicts[n] for n in group]
        sources = {source_of(ref.block) for conflict in members for ref in (conflict.a, conflict.b)}
        if len(sources) >= 3:
            joined.update((n, None) for n in group)
            joined[group[0]] = _joined(members)
    out: list[Conflict] = []
    for n, conflict in enumerate(conflicts):
        fact = joined.get(n, conflict)
        if fact is not None:
            out.append(fact)
    return out


def source_of(block_id: str) -> str:
    """The key of the source a block belongs to: "B" of "B12"."""
    match = _BLOCK_ID.match(block_id)
    return match.group(1) if match else block_id


def _value(kind: str, ref: FactRef) -> _Value:
    return kind, ref.block, normalise(ref.text).casefold()


def _connected(conflicts: Sequence[Conflict]) -> list[list[int]]:
    """The conflicts (by their place in the list) in groups joined by shared values."""
    parent: dict[_Value, _Value] = {}

    def root(value: _Value) -> _Value:
        parent.setdefault(value, value)
        while parent[value] != value:
            parent[value] = parent[parent[value]]
            value = parent[value]
        return value

    for conflict in conflicts:
        parent[root(_value(conflict.kind, conflict.a))] = root(_value(conflict.kind, conflict.b))
    groups: dict[_Value, list[int]] = {}
    for n, conflict in enumerate(conflicts):
        groups.setdefault(root(_value(conflict.kind, conflict.a)), []).append(n)
    return list(groups.values())


def _joined(members: list[Conflict]) -> Conflict:
    """One conflict for the fact these pairwise conflicts state."""
    first = members[0]
    seen = {_value(first.kind, first.a), _value(first.kind, first.b)}
    more: list[FactRef] = []
    for conflict in members[1:]:
        for ref in (conflict.a, conflict.b):
            if _value(first.kind, ref) not in seen:
                seen.add(_value(first.kind, ref))
                more.append(ref)
    # One note of each kind: "spelled X / Y" of one pair and "spelled Y / X" of another say
    # the same thing, the two values taken the other way round.
    notes: dict[tuple[str, ...], str] = {}
    for conflict in members:
        if conflict.note:
            notes.setdefault(tuple(sorted(conflict.note.split())), conflict.note)
    return Conflict(first.kind, first.a, first.b, "; ".join(notes.values()), more=tuple(sorted(more, key=_place)))


def _place(ref: FactRef) -> tuple[int, str, int]:
    match = _BLOCK_ID.match(ref.block)
    key, number = (match.group(1), int(match.group(2))) if match else (ref.block, 0)
    return len(key), key, number
