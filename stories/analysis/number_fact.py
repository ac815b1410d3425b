"""A number as the engine holds it once read from a sentence (`quantities` reads it): its
value and how it is written, what it counts, and what it is said of."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True)
class Number:
    text: str  # the number and what it counts, as written ("250 prisoners")
    raw: str  # the number alone, as written ("250", "5 per cent")
    value: float
    unit: str  # "%", a currency sign, or ""
    counts: frozenset[str]  # stems of the two content words after it: what it counts
    measure: str  # the first of them when it is a unit of measure ("hour", "km")
    before: frozenset[str]  # stem of the content word before it ("aged", "killing")
    spelled: bool  # written as a word ("ten")
    rate: str = ""  # the time it is counted per ("day" in "46,000 barrels a day")
    rate_text: str = ""  # the number through its rate, as written
    precision: float = 1.0  # what its last written digit is worth (0.01 for "4.46")
    bound: str = ""  # "over", "under", "near" or "about" ("more than 20", "under 20", "nearly 50", "about 50")
    partial: bool = False  # a part of a count: "the first 17", "one of the", "another 5"
    ends: tuple[float, float] | None = None  # a range it is one end of ("from 7 to 75 years")
    upto: float = 0.0  # the top of an amount said in round words (`VAGUE_AMOUNTS`); `value` its foot
    attributive: bool = False  # joined to its unit by a hyphen: "a 13-inch screen" (a size, not a measurement)
    describes: str = ""  # stem of the noun a hyphen-joined count describes: "system" of "a 10-rack system"
    sentence: str = dataclasses.field(default="", compare=False, repr=False)
    # Its clause up to it (at most 50 characters: what happened to what it counts), and the
    # sentence it stands in, as written (its periods are read from it when it is compared).
    lead: str = dataclasses.field(default="", compare=False, repr=False)
    subject: str = ""  # the name it is said of, just before it in its clause ("Thomas has eight")
    given: str = ""  # of an age, the given name written with the family name (`subject`)


_NEW = object.__new__
ADDRESS = frozenset({"address"})  # what a street block's number "counts": "the 12500 block of East 223rd Street"
_FIELDS = tuple(field.name for field in dataclasses.fields(Number))


def made(**fields: object) -> Number:
    """The `Number` of `fields`, every one of them, made without its `__init__`: a frozen
    dataclass's sets each of its 21 fields through `object.__setattr__`, which took twice
    the time, and every number of a story is made so."""
    assert len(fields) == len(_FIELDS), "every field, or the number lacks one"
    number = _NEW(Number)
    number.__dict__.update(fields)
    return number


def words_before(sentence: str, lead: str, raw: str) -> str:
    """The words of a number's sentence before it (its clause's alone, `lead`, if the number
    is not found there)."""
    at = start_in(sentence, lead, raw)
    return sentence[:at] if at >= 0 else lead


def start_in(sentence: str, lead: str, raw: str) -> int:
    """Where a number stands in its sentence, found by its clause up to it and its figure
    (not the first place the figure alone stands: "rose 5 cents to $5"), or by its figure
    where it stands only once; -1 if not found."""
    at = sentence.find(lead + raw) if lead and sentence else -1
    if at >= 0:
        return at + len(lead)
    # A clause read with its dates blanked ("in 2001 and" -> "in      and") is not found as
    # written: the figure is, where it stands once.
    at = sentence.find(raw) if sentence and raw else -1
    return at if at >= 0 and sentence.find(raw, at + 1) < 0 else -1
