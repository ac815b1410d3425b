"""Deals: the price of the story's takeover, compared wherever each source gives it.

Outlets give the price of one acquisition in sentences too unlike to link: "will acquire
Electronic Data Systems for about $13 billion" / "unveiled a bid of nearly $14 billion to
purchase EDS"; "HP will pay $12 billion to $13 billion" / "a $13.9 billion acquisition". A
sum of money is a deal's price when a word of buying stands just before it ("acquire ...
for", "pay", "a bid of", "an offer worth") or right after it ("a $13.9 billion acquisition").
A price per share, a part of the price ("$281m in cash and $53m in stock") and a deal of a
past year ("bought Compaq for $19 billion in 2002") are not the story's price. Where each
source gives one price, and no value of one can be true of the other within the precision
and bound each is written with, the sources disagree. A source that gives two prices (with
and without the debt taken on) says nothing, and a price the other source gives as a sum
elsewhere ("Counting its debt, the bid is worth $4.6 billion") is no disagreement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .agreement import reported_alike, values_agree
from .dates import tells_of_the_past
from .found import Found
from .given_numbers import Given
from .model import Block
from .number_fact import Number

Prices = list[tuple[Block, Number]]  # a source's prices of its deal, where


@dataclass(frozen=True)
class Deal:
    prices: Prices  # the source's prices of its deal, where
    sums: tuple[Number, ...]  # every sum of a million or more it gives, a price or not


_BOUND = (
    r"(?:(?:about|around|roughly|nearly|almost|some|approximately|an\s+estimated|a\s+reported|more\s+than|over"
    r"|less\s+than|under|up\s+to|at\s+least)\s+)?"
)
_TAKING_OVER = r"(?:acquisition|purchase|takeover|buyout|merger)"
# What stands just before a deal's price: "acquire EDS for about", "will pay", "an
# acquisition worth", "values the acquisition at"; or just after it: "a $13.9 billion
# acquisition". Not "was paid $3 million" (a fee paid to someone).
_PRICE_BEFORE = re.compile(
    r"(?:\b(?:acquir|buy|bought|purchas|tak(?:e|es|ing)\s+over|took\s+over)\w*\b[^.;:()]{0,60}?\bfor"
    r"|\b(?:pay|pays|paying|paid)"
    rf"|\b{_TAKING_OVER}\s+(?:of|worth|valued\s+at)"
    rf"|\bvalu(?:es|ed|ing)\s+(?:the\s+)?(?:{_TAKING_OVER}|deal|transaction)\s+at)"
    rf"\s+{_BOUND}$",
    re.I,
)
_FEE_BEFORE = re.compile(rf"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?paid\s+{_BOUND}$", re.I)
_PRICE_AFTER = re.compile(rf"\s?-?\s?{_TAKING_OVER}\b", re.I)
# A bid, an offer or a deal is a takeover's only in a sentence of buying ("a bid of nearly
# $14 billion to purchase EDS"); else it may be a player's contract ("an eight-year, $160
# million offer"), one of several teams'.
_DEAL_BEFORE = re.compile(rf"\b(?:bid|offer|deal)\s+(?:of|worth|valued\s+at)\s+{_BOUND}$", re.I)
_DEAL_AFTER = re.compile(r"\s?-?\s?(?:bid|offer|deal)\b", re.I)
_BUYING = re.compile(rf"\b(?:acquir|buy|bought|purchas|{_TAKING_OVER})", re.I)
# A price per share, or a part of the price paid one way ("$281m in cash and $53m in stock").
_NOT_THE_PRICE = re.compile(
    r"[a-z]{0,3}\s(?:(?:a|per|each)\s+share|in\s+(?:cash|stock|shares|debt|equity|notes))\b", re.I
)
_BEFORE = 100  # characters before a price in which its word of buying is looked for
_CURRENCIES = frozenset("$€£¥")


def deal_of(numbers: Given) -> Deal:
    """A source's prices of its deal, in order (a range given once: its two ends), and its
    other sums."""
    prices: Prices = []
    sums: list[Number] = []
    for block, found in numbers:
        for number in found:
            if number.unit not in _CURRENCIES or number.value < MOST_PER_SHARE:
                continue
            sums.append(number)
            if _is_price(number) and not any(number.ends and number.ends == seen.ends for _, seen in prices):
                prices.append((block, number))
    return Deal(prices, tuple(sums))


def _is_price(number: Number) -> bool:
    if number.rate or number.partial:
        return False
    at = number.sentence.find(number.raw)
    if at < 0 or _NOT_THE_PRICE.match(number.sentence, at + len(number.raw)):
        return False
    before = number.sentence[max(0, at - _BEFORE) : at]
    after = number.sentence[at + len(number.raw) : at + len(number.raw) + 20]
    said = _PRICE_BEFORE.search(before) is not None and _FEE_BEFORE.search(before) is None
    said = said or _PRICE_AFTER.match(after) is not None
    if not said and (_DEAL_BEFORE.search(before) or _DEAL_AFTER.match(after)):
        said = _BUYING.search(number.sentence) is not None
    return said and not tells_of_the_past(number.sentence)


MOST_PER_SHARE = 1e6  # a sum below a million is no takeover's price, most often a share's


def check_deals(found: Found, deal_a: Deal, deal_b: Deal) -> None:
    """One price of the deal in each source, and no value of one is true of the other, nor
    of a sum the other gives elsewhere ("Counting its debt, the bid is worth $4.6 billion")."""
    prices_a, prices_b = deal_a.prices, deal_b.prices
    if len({_price(number) for _, number in prices_a}) != 1 or len({_price(number) for _, number in prices_b}) != 1:
        return
    (block_a, number_a), (block_b, number_b) = prices_a[0], prices_b[0]
    if any(_agree(number_a, other) for other in deal_b.sums) or any(_agree(other, number_b) for other in deal_a.sums):
        return
    if reported_alike(found, number_a, number_b):
        return
    found.add("number", (block_a, _written(number_a)), (block_b, _written(number_b)), "different prices of the deal")


def _price(number: Number) -> tuple[float, float]:
    return number.ends or (number.value, number.value)


def _agree(number_a: Number, number_b: Number) -> bool:
    """Both true of one price: the values agree (`agreement.values_agree`), or one of a
    range's ends agrees with the other's value, or that value stands inside the range."""
    for this, other in ((number_a, number_b), (number_b, number_a)):
        if this.ends:
            low, high = this.ends
            if low <= other.value <= high or any(values_agree(other, _at(this, end)) for end in this.ends):
                return True
    return values_agree(number_a, number_b)


def _at(number: Number, value: float) -> Number:
    """One end of a range, as a number of its own."""
    return replace(number, value=value, ends=None)


def _written(number: Number) -> str:
    """The price as written: the number, or the range from its first end to its second."""
    if not number.ends:
        glued = _GLUED_SCALE.match(number.text, len(number.raw))  # "$281m"
        return number.raw + (glued.group() if glued else "")
    return number.text.rstrip(" -\u2013,")


_GLUED_SCALE = re.compile(r"(?:m|mn|bn)\b", re.I)
