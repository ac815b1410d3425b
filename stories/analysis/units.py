"""Units of measure and what one of each is worth, so that two numbers in different units
of one kind can be compared: "about 60m" / "approximately 200 metres" disagree; "200ft" /
"61 metres" agree; "72,000 short tons" / "72,000 metric tons" is the same number in
another unit, a conflict. A bare "ton" is any of the three (short in America, long in
Britain, metric elsewhere): "4,400 tons" / "4,400 short tons" is one figure, the second
saying which ton.

A unit is known by the stem `quantities` gives its word (`text.stem` of the word with a
plural "s" dropped), or by a qualifier and that stem ("short ton", "square mile").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    kind: str  # "length", "mass", ... or the unit's own name when nothing converts to it
    worth: float  # in the kind's base unit (metres, kilograms, litres, square metres, m/s, seconds)


def _table() -> dict[str, Unit]:
    kinds = {
        "length": {
            "m metre meter": 1.0,
            "km kilome": 1000.0,
            "cm": 0.01,
            "mm": 0.001,
            "mile": 1609.344,
            "nautical mile": 1852.0,
            "foot feet ft": 0.3048,
            "yard yd": 0.9144,
            "inch inche": 0.0254,
        },
        "mass": {
            "kg kilogr": 1.0,
            "g gram": 0.001,
            "tonne ton metric ton metric tonne": 1000.0,
            "short ton": 907.18474,
            "long ton": 1016.0469,
            "pound lb": 0.45359237,
            "ounce": 0.028349523,
        },
        "volume": {"litre liter": 1.0, "gallon": 3.785411784, "barrel": 158.987295},
        "area": {
            "acre": 4046.8564,
            "hectar": 10000.0,
            "square mile": 2589988.1,
            "square km square kilome": 1e6,
            "square m square metre square meter": 1.0,
            "square foot square feet": 0.09290304,
        },
        "speed": {"mph": 0.44704, "kph": 1 / 3.6, "knot": 0.514444},
        "time": {
            "second": 1.0,
            "minute": 60.0,
            "hour": 3600.0,
            "day": 86400.0,
            "week": 604800.0,
            "month": 2629746.0,
            "year": 31556952.0,
            "decade": 315569520.0,
            "centur": 3155695200.0,
        },
    }
    table: dict[str, Unit] = {}
    for kind, units in kinds.items():
        for names, worth in units.items():
            for name in _names(names):
                table[name] = Unit(kind, worth)
    return table


def _names(names: str) -> list[str]:
    """ "tonne ton metric ton" -> ["tonne", "ton", "metric ton"]: a qualifier joins the word after it."""
    out: list[str] = []
    pending = ""
    for word in names.split():
        if word in QUALIFIERS:
            pending = word + " "
            continue
        out.append(pending + word)
        pending = ""
    return out


QUALIFIERS = frozenset({"short", "long", "metric", "square", "nautical"})
UNITS = _table()


def unit_of(measure: str) -> Unit:
    """The unit a measure's stem names; a measure nothing converts to is a kind of its own."""
    return UNITS.get(measure) or Unit(measure, 1.0)


def same_kind(measure_a: str, measure_b: str) -> bool:
    """Two measures of one physical kind (both lengths, both masses): their numbers can
    measure one thing. Times are not converted: "two weeks later" / "two seconds later"
    and "two years" / "two decades" are most often two different spans, not one misstated."""
    return measure_a == measure_b or physical(measure_a) and unit_of(measure_a).kind == unit_of(measure_b).kind


def physical(measure: str) -> bool:
    """A measure of length, mass, volume, area or speed: in two linked sentences, the one
    such figure of each is most often the one measurement ("fell about 60m down the face" /
    "fell approximately 200 metres down the ridge"), whatever words follow it."""
    return unit_of(measure).kind in PHYSICAL


PHYSICAL = frozenset({"length", "mass", "volume", "area", "speed"})


def converted(value: float, measure: str, into: str) -> float:
    """`value` of `measure` in the unit `into` (of the same kind); a bare ton is the ton
    the other names (`EITHER_TON`)."""
    if (measure == "ton" and into in EITHER_TON) or (into == "ton" and measure in EITHER_TON):
        return value
    return value * unit_of(measure).worth / unit_of(into).worth


EITHER_TON = frozenset({"short ton", "long ton", "metric ton", "tonne", "metric tonne"})


CONVERTED_WITHIN = 0.03  # a converted figure is rounded: "200ft (61m)" is 60.96 m
