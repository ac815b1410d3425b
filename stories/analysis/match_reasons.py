"""The reason grouping gives an editor for a match, in words ("shares 62% of its words,
the names Ortega, Managua and the numbers 4.4, 250"): written only for the matches kept,
not for each of the 100 candidates an item is scored against."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .grouping import ItemEvidence

REASON_CHARS = 200  # a reason is a note beside the source, not a report


def duration(hours: float) -> str:
    return f"{hours / 24:.0f} days" if hours >= 48 else f"{hours:.0f} hours"


def shared_words(new: ItemEvidence, stored: ItemEvidence) -> str:
    """ "shares 62% of its words, the names Ortega, Managua and the numbers 4.4, 250" """
    share = len(new.terms & stored.terms) / len(new.terms)
    parts = [f"shares {share:.0%} of its words"]
    names = _telling_names(new.names & stored.names, new.written)
    if names:
        parts.append("the names " + _listed(names))
    numbers = sorted(new.numbers & stored.numbers)
    if numbers:
        parts.append("the numbers " + _listed([_as_written(number) for number in numbers]))
    said = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    room = REASON_CHARS - len("another item of the same provider: ")  # the longest lead-in
    return said if len(said) <= room else said[: room - 1] + "…"


def _telling_names(names: frozenset[str], written: Mapping[str, str]) -> list[str]:
    """Shared names as an editor would read them, as the new item writes them ("Søren",
    "Engebretsen-Holm"), the longest (the most telling) first: a lone initial ("B") names
    nobody and is left out; "AL", "Act" come last if at all."""
    kept = sorted((name for name in names if len(name) > 1), key=lambda name: (-len(name), name))
    return [name.upper() if len(name) <= 2 else written.get(name, name.title()) for name in kept]


def _as_written(number: str) -> str:
    """A number key as copy writes it: a year without the thousands comma ("1798", not
    "1,798")."""
    digits = number.replace(",", "")
    return digits if digits.isdigit() and len(digits) == 4 and 1000 <= int(digits) <= 2199 else number


def _listed(items: list[str], most: int = 4) -> str:
    shown = ", ".join(items[:most])
    return shown + (f" (+{len(items) - most} more)" if len(items) > most else "")
