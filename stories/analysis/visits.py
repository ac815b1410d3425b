"""Visits: whether someone went into a named place, where one source says they never did.

"TMZ reported ... she never entered Morningside" / "she checked out of Morningside Recovery
after only a few minutes": leaving a place, or checking in, says one was inside it, so at
most one of the two is right. The place is named (its first capitalised word is what is
compared: "Morningside" / "the Morningside Recovery rehab facility"); "left it" is the
place the same sentence named before. A leaving is shown rather than a going in where a
source tells both ("checked in to Morningside, but left it after a few minutes"): it is
the claim that says how long.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from functools import cached_property

from .found import Found
from .model import Block
from .text import fold

_PLACE = r"(?:the\s+)?(?P<place>[A-Z][\w'\u2019-]+(?:\s[A-Z][\w'\u2019-]+)*)"
_WENT_IN = r"entered|checked\s+in(?:to|\s+to|\s+at)?|went\s+(?:in)?to|set\s+foot\s+in"
_GO_IN = r"enter|check\s+in(?:to|\s+to|\s+at)?|go\s+(?:in)?to|set\s+foot\s+in"
_DENIED = re.compile(rf"\b(?P<no>never|not|n['\u2019]t)\s+(?:even\s+)?(?:{_WENT_IN}|{_GO_IN})\s+{_PLACE}")
_LEAVING = r"checked\s+out\s+of|walked\s+out\s+of|left|exited|fled"
_TOLD = re.compile(
    rf"\b(?P<verb>(?P<leaving>{_LEAVING})|{_WENT_IN})\s+(?:{_PLACE}|(?P<it>it)\b)(?P<rest>[^,.;:!?\"]{{0,40}})"
)
_NEGATION_BEFORE = re.compile(r"\b(?:never|not|n['\u2019]t)\s+(?:even\s+)?$")


@dataclass(frozen=True)
class Visit:
    place: str  # folded first word of the place's name
    written: str  # the words that tell it, as written
    leaving: bool  # a leaving (which says one was inside), not a going in


@dataclass
class Visits:
    """The named places a source says someone never went into; and, read only when the
    other source denies one (most never do), those it tells of someone's going into or
    leaving."""

    denied: list[tuple[Block, Visit]]
    sentences: list[tuple[Block, str]]

    @cached_property
    def told(self) -> list[tuple[Block, Visit]]:
        return [
            (block, visit)
            for block, text in self.sentences
            if "left" in text or "exit" in text or "walked" in text or "fled" in text or _going_in(text)
            for visit in _told(text)
        ]


def visits_of(sentences: list[tuple[Block, str]]) -> Visits:
    """A source's denials of visits, and its sentences to read its visits from."""
    denied = [(block, visit) for block, text in sentences for visit in _denied_in(text)]
    return Visits(denied, sentences)


@functools.lru_cache(maxsize=4096)  # the versions of a story repeat most of their sentences
def _denied_in(text: str) -> tuple[Visit, ...]:
    """The visits a sentence denies, in order."""
    if not _going_in(text) or not ("never" in text or "not " in text or "n't" in text or "n\u2019t" in text):
        return ()  # the cheap tests: most sentences deny nothing
    return tuple(
        Visit(_key(match.group("place")), text[match.start("no") : match.end("place")], False)
        for match in _DENIED.finditer(text)
    )


def _going_in(text: str) -> bool:
    """Words in every going in `_DENIED` and `_TOLD` read (an `or` of `in` tests: the
    fastest way to look for several)."""
    return "nter" in text or "heck" in text or "went" in text or "foot" in text or "go " in text


def _told(text: str) -> list[Visit]:
    told, last_place = [], ""
    for match in _TOLD.finditer(text):
        place = _key(match.group("place")) if match.group("place") else last_place
        if not place or _NEGATION_BEFORE.search(text, 0, match.start()):
            continue
        last_place = place
        written = " ".join(text[match.start("verb") : match.end()].split()[:MOST_WORDS])
        told.append(Visit(place, written, bool(match.group("leaving"))))
    return told


MOST_WORDS = 10  # of a going in or out as shown: the verb, the place and what the clause says of it


def _key(place: str) -> str:
    return fold(place.split()[0])


def check_visits(found: Found, visits_a: Visits, visits_b: Visits) -> None:
    """A place one source says someone never went into, and the other tells of their
    going in or leaving it."""
    for denied, other_source, flipped in ((visits_a.denied, visits_b, False), (visits_b.denied, visits_a, True)):
        for block, visit in denied:
            other = _telling(visit.place, other_source.told)
            if other is None:
                continue
            ends = ((block, visit.written), other)
            (where_a, written_a), (where_b, written_b) = ends[::-1] if flipped else ends
            note = f"whether someone was inside {visit.place.title()}"
            found.add("other", (where_a, written_a), (where_b, written_b), note)
            break


def _telling(place: str, told: list[tuple[Block, Visit]]) -> tuple[Block, str] | None:
    """The source's first leaving of the place, else its first going in."""
    of_place = [(block, visit) for block, visit in told if visit.place == place]
    of_place.sort(key=lambda given: not given[1].leaving)
    return (of_place[0][0], of_place[0][1].written) if of_place else None
