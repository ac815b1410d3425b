"""Counts given in parts: "two women and one man died" is three dead, told by kind. Set
against a whole ("three people have died"), the part ("one man") is no rival of it; the
parts' sum is the count to compare."""

from __future__ import annotations

import itertools
import re

from .number_fact import Number, start_in

# Between one part (its figure and the words after it, `Number.text`) and the next: a comma
# or "and", nothing else ("two women and one man", "three soldiers, two police officers").
_BETWEEN_PARTS = re.compile(r",?\s+(?:and\s+)?|,\s*")


def parts_sum(number: Number, numbers: tuple[Number, ...]) -> float | None:
    """The sum of the run of counts `number` is a part of in its sentence (each following the
    last, set off only by a comma or "and", each of its own kind of thing), or None when it
    stands alone."""
    places = [(start_in(n.sentence, n.lead, n.raw), n) for n in numbers]
    if any(at < 0 for at, _ in places):
        return None  # where a figure stands is not known: no run can be told
    places.sort(key=lambda place: place[0])
    runs: list[list[Number]] = []
    for (prior_at, prior), (at, current) in itertools.pairwise(places):
        between = current.sentence[prior_at + len(prior.text) : at]
        joined = bool(prior.text) and _BETWEEN_PARTS.fullmatch(between) is not None and _parts(prior, current)
        if joined and runs and runs[-1][-1] is prior:
            runs[-1].append(current)
        elif joined:
            runs.append([prior, current])
    run = next((run for run in runs if any(part is number for part in run)), None)
    return sum(part.value for part in run) if run else None


def _parts(prior: Number, current: Number) -> bool:
    """Two counts of two kinds of one thing: plain counts (no unit, measure or rate), each
    naming what it counts, and not the same thing ("two women and one man", not "two women
    and three women" nor "5 miles and 3 hours")."""
    plain = all(not (n.unit or n.measure or n.rate or n.partial or n.ends) and n.counts for n in (prior, current))
    return plain and not prior.counts & current.counts
