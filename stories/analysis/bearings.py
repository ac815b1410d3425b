"""Bearings: how far and which way something lies from a named place, compared wherever each
source gives it.

Outlets place an attack at sea or a quake's epicentre by a distance and a compass point
from a town: "150 nautical miles west of Aden" / "around 150 nautical miles east of Aden".
The same distance from the same place in directions that share no compass point (east and
west; not south and southeast, which a writer rounds one to the other) cannot both be true.
Other distances from one place may place other things (the epicentre, a village), and are
not compared. The same bearing given to two named bodies ("The USGS said" / "Iran's
seismologic center said") is one reading put in two mouths (`sayers`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .found import Found
from .given_numbers import Given
from .model import Block
from .number_fact import Number
from .sayers import other_sayers, said_by
from .text import fold, lacks_word_before
from .units import converted, unit_of

# What a distance from a place holds, found before the distances: most sentences hold none.
_HINT = re.compile(r"(?:north|south|east|west)(?:ern)?\s+of\s", re.I)
# The words after a distance: "nautical miles west of Aden", "km to the north-east of the
# port of Bandar Abbas".
_BEARING_AFTER = re.compile(
    r"\s*(?i:(?:nautical\s+)?[a-z]+\s+(?:to\s+the\s+)?"
    r"(?P<direction>(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?\s+of\s+(?:the\s+)?"
    r"(?:(?:port|city|town|village|island|capital)\s+of\s+)?)(?P<place>[A-Z][\w'-]+(?:\s[A-Z][\w'-]+)*)"
)
_POINTS = ("north", "south", "east", "west")
ROUGHLY = 0.1  # two distances from one place as near as this are one distance, rounded two ways


@dataclass(frozen=True)
class Bearing:
    place: str  # folded
    metres: float
    points: frozenset[str]  # the compass points of its direction: {"south", "east"} of "southeast"
    text: str  # the distance, the direction and the place, as written
    said_by: str = ""  # the named body the sentence gives it to ("The USGS said"), if any


Bearings = list[tuple[Block, Bearing]]


def bearings_of(numbers: Given) -> Bearings:
    """A source's distances from named places, in order."""
    return [
        (block, bearing)
        for block, found in numbers
        for number in found
        if number.measure and _bears(number.sentence)
        for bearing in [_bearing(number)]
        if bearing is not None
    ]


def from_other_places(number_a: Number, number_b: Number) -> bool:
    """Two distances each from a named place, not the same place: "3 miles southwest of
    Cobb" / "20 miles north of Santa Rosa" place one epicentre from two towns, and agree."""
    if not (_bears(number_a.sentence) and _bears(number_b.sentence)):
        return False
    bearing_a, bearing_b = _bearing(number_a), _bearing(number_b)
    return bearing_a is not None and bearing_b is not None and bearing_a.place != bearing_b.place


@functools.lru_cache(maxsize=4096)  # asked of each number with a measure, and again of pairs of them
def _bears(sentence: str) -> bool:
    """A compass bearing from a place may stand in the sentence ("north of")."""
    if lacks_word_before(sentence, _ends_a_bearing, _OF):
        return False  # no word ending in a bearing before "of": most sentences
    return _HINT.search(sentence) is not None


_BEARINGS = ("north", "south", "east", "west", "northern", "southern", "eastern", "western")  # of `_HINT`
_OF = frozenset({"of"})


def _ends_a_bearing(word: str) -> bool:
    return word.endswith(_BEARINGS)  # "southeast" too: `_HINT` reads a bearing at a word's end


def _bearing(number: Number) -> Bearing | None:
    if unit_of(number.measure).kind != "length":
        return None
    at = number.sentence.find(number.raw)
    after = _BEARING_AFTER.match(number.sentence, at + len(number.raw)) if at >= 0 else None
    if after is None:
        return None
    direction = after.group("direction").lower()
    return Bearing(
        place=fold(after.group("place")),
        metres=converted(number.value, number.measure, "m"),
        points=frozenset(point for point in _POINTS if point in direction),
        text=number.sentence[at : after.end()],
        said_by=said_by(number.sentence),
    )


def check_bearings(found: Found, bearings_a: Bearings, bearings_b: Bearings) -> None:
    """The same distance from the same place, in directions that share no compass point;
    or in the same direction, given to two named bodies."""
    for block_a, bearing_a in bearings_a:
        for block_b, bearing_b in bearings_b:
            if bearing_a.place != bearing_b.place or abs(bearing_a.metres - bearing_b.metres) > ROUGHLY * max(
                bearing_a.metres, bearing_b.metres
            ):
                continue
            if not bearing_a.points & bearing_b.points:
                note = f"the same distance from {bearing_a.place.title()} in other directions"
                found.add("other", (block_a, bearing_a.text), (block_b, bearing_b.text), note)
            elif other_sayers(bearing_a.said_by, bearing_b.said_by) and not (
                _said_also(bearing_a, bearing_b.said_by, bearings_a)
                or _said_also(bearing_b, bearing_a.said_by, bearings_b)
            ):
                note = f"one bearing from {bearing_a.place.title()} given to two sources"
                found.add("attribution", (block_a, bearing_a.said_by), (block_b, bearing_b.said_by), note)


def _said_also(bearing: Bearing, said: str, bearings: Bearings) -> bool:
    """The source gives the same place's bearing to the other's sayer too."""
    return any(
        other.place == bearing.place and other.said_by and not other_sayers(other.said_by, said)
        for _, other in bearings
    )
