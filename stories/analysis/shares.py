"""A share of a whole said as a fraction in one source and as a percentage in the other:
"half of the company's sales" / "about 60 percent of its revenue", "nearly three-quarters
of the computers" / "a share of nearly 70 percent".

A fraction word is a round figure (a writer who says "half" of 48 percent is not wrong), so
it is read as its percentage to the nearest ten, within the bound written before it.
Compared only between two linked sentences that each give one share and no other, one as
a fraction and the other as a percentage said to be of something ("60 percent of its
revenue") or to be a share ("a share of 70 percent"): a rise of "5 percent" is no share,
and two percentages are the number check's to compare. Nor when both say what they are
shares of and the wholes differ: "half of the company's total sales" and "7.2% of the
market" are two facts (what a company takes in is one whole, however it is named).
"""

from __future__ import annotations

import functools
import re

from .agreement import check_one_value, values_agree
from .facts import Facts
from .found import Found
from .model import Block
from .number_fact import Number
from .number_words import bound_of, to_clause_end
from .text import content_terms, fold, lacks_word_before, stem

_PARTS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0}  # one of each, in percent
_HOW_MANY = {"two": 2, "three": 3, "four": 4}
_HINT = re.compile(r"\b(?:half|thirds?|quarters?|fifths?)\s+of\b", re.I)
_PART_WORDS = tuple(_PARTS)  # the words of _HINT
_FRACTION_WORDS = frozenset({"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths"})  # each before "of"
_OF = frozenset({"of"})
# "half of", "a third of", "two-thirds of", "three - quarters of"; not "the first half of"
# (a part of a time), nor "one and a half".
_FRACTION = re.compile(
    r"(?<!\bfirst\s)(?<!\bsecond\s)(?<!\bthird\s)(?<!\bfourth\s)(?<!\band\s)(?<!\bthe\s)"
    r"\b(?:(?:a|one)\s*[\s-]\s*(?P<one>half|third|quarter|fifth)"
    r"|(?P<some>two|three|four)\s*[\s-]\s*(?P<many>thirds|quarters|fifths)"
    r"|(?<!\ba\s)(?<!\bone\s)(?P<bare>half))\s+of\b",
    re.I,
)
_SAID_OF = re.compile(r"\s+of\b")
_A_SHARE = re.compile(r"\bshare\s+of\s+(?:\w+\s+){0,2}$", re.I)
FRACTION_PRECISION = 10.0  # percentage points: "half" holds for 45 to 55 percent


def check_shares(found: Found, a: tuple[Block, Facts, str], b: tuple[Block, Facts, str]) -> None:
    """One share as a fraction in one sentence, another as a percentage in the other."""
    for (block, facts, text), (other_block, other_facts, other_text), flipped in ((a, b, False), (b, a, True)):
        fractions = _fractions(text)
        if len(fractions) != 1 or _fractions(other_text):  # most sentences: no fraction of anything
            continue
        percentages = _shares(other_facts)
        if len(percentages) != 1 or _shares(facts):
            continue
        fraction, percentage = fractions[0], percentages[0]
        if not _same_whole(_whole_after(text, fraction.raw), _whole_after(percentage.sentence, percentage.raw)):
            continue  # "half of the company's sales" / "7.2% of the market"
        if not values_agree(fraction, percentage):
            here, there = (block, fraction.text), (other_block, percentage.text)
            found.add("number", *((there, here) if flipped else (here, there)), "different shares of the same whole")


# What a company takes in, by any of its names: one whole for `_same_whole`.
_TAKINGS = frozenset(stem(word) for word in "sales revenue revenues turnover income earnings takings".split())
_MOST_WHOLE_WORDS = 4


def _whole_after(sentence: str, raw: str) -> frozenset[str] | None:
    """The stems of what a share is said to be of: the content words after its "of" (its
    `raw` text may end with it), up to the end of its clause, the first four; None where it
    names no whole ("a share of 70 percent", a sentence that writes it twice)."""
    at = sentence.find(raw)
    if at < 0 or sentence.find(raw, at + 1) >= 0:
        return None
    end = at + len(raw)
    if not raw.endswith("of"):  # a fraction's text ends with its "of", a percentage's does not
        of = _SAID_OF.match(sentence, end)
        if of is None:
            return None
        end = of.end()
    words = content_terms(fold(to_clause_end(sentence[end : end + 60])))[:_MOST_WHOLE_WORDS]
    return frozenset("takings" if word in _TAKINGS else word for word in words) or None


def _same_whole(whole_a: frozenset[str] | None, whole_b: frozenset[str] | None) -> bool:
    """Two shares are of one whole unless both name theirs and the two share no word."""
    return whole_a is None or whole_b is None or not whole_a.isdisjoint(whole_b)


def _may_give_a_fraction(text: str) -> bool:
    """_HINT stands in `text`. In ASCII text, where ignoring case is lower-casing, a look for
    its words goes first: the search tries them at every place of a sentence, and most
    sentences hold none."""
    if text.isascii():
        lower = text.lower()
        if not any(part in lower for part in _PART_WORDS) or lacks_word_before(text, _FRACTION_WORDS.__contains__, _OF):
            return False
    return _HINT.search(text) is not None


@functools.lru_cache(maxsize=4096)  # a sentence is linked to a sentence of each other source
def _fractions(text: str) -> tuple[Number, ...]:
    """The fractions of a whole the sentence gives, each as its percentage."""
    if not _may_give_a_fraction(text):
        return ()
    found = []
    for match in _FRACTION.finditer(text):
        part = (match.group("one") or match.group("bare") or match.group("many")).lower().removesuffix("s")
        value = _PARTS[part] * _HOW_MANY.get((match.group("some") or "").lower(), 1)
        found.append(
            Number(
                text=match.group(0)[: -len(" of")].strip(),
                raw=match.group(0),
                value=value,
                unit="%",
                counts=frozenset(),
                measure="",
                before=frozenset(),
                spelled=True,
                precision=FRACTION_PRECISION,
                bound=bound_of(text[: match.start()]),
            )
        )
    return tuple(found)


def _shares(facts: Facts) -> list[Number]:
    """The percentages said of a whole ("60 percent of its revenue") or as a share."""
    return [number for number in facts.numbers if number.unit == "%" and _a_share(number)]


def _a_share(number: Number) -> bool:
    at = number.sentence.find(number.raw)
    if at < 0:
        return False
    end = at + len(number.raw)
    return bool(
        _SAID_OF.match(number.sentence, end)
        or _A_SHARE.search(number.sentence[:at])
        or _SHARE_AFTER.match(number.sentence, end)
    )


_SHARE_AFTER = re.compile(r"\s+(?:market\s+)?share\b", re.I)  # "IBM's 10 percent share"
NamedShares = dict[str, list[tuple[Block, Number]]]  # a name -> the shares said to be its


def named_shares_of(numbers: list[tuple[Block, tuple[Number, ...]]]) -> NamedShares:
    """A source's percentages said to be a name's share, wherever they stand: "IBM had 7.2%
    of the market", "compared with IBM's 10 percent share"."""
    shares: NamedShares = {}
    for block, given in numbers:
        for number in given:
            if number.unit == "%" and number.subject and _a_share(number):
                shares.setdefault(number.subject, []).append((block, number))
    return shares


def check_named_shares(found: Found, shares_a: NamedShares, shares_b: NamedShares) -> None:
    """One share of a name in each source, and the two cannot both be true. A name given
    two shares in a source (of two markets, two years) says nothing."""
    check_one_value(found, shares_a, shares_b, lambda name: f"different shares of {name.title()}")
