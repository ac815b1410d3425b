"""Debt of two terms: "the two-year note fell 5/32, taking its yield to 1.23 percent" /
"the 10-year note lost 11/32, taking its yield to 3.21 percent". Markets copy gives one
line per maturity in the same words; linked sentences that name securities of different
terms only are about different securities, and their prices and yields are not set
against each other (nor the terms themselves: they name the security, and count nothing).
"""

from __future__ import annotations

import re

from .number_values import spelled_value

_TERM = re.compile(
    r"\b(\d{1,2}|[a-z]+)[\s-](year|month|week)\s+(?:U\.?S\.?\s+|benchmark\s+)?"
    r"(?:notes?|bonds?|treasur(?:y|ies)|bills?|gilts?|bunds?|paper|debt|yields?|mortgages?|loans?)\b",
    re.I,
)


def of_other_maturities(text_a: str, text_b: str) -> bool:
    """Each sentence names a security by its term, and they name no term in common."""
    terms_a = _terms(text_a)
    if not terms_a:
        return False
    terms_b = _terms(text_b)
    return bool(terms_b) and not terms_a & terms_b


def _terms(text: str) -> frozenset[tuple[float, str]]:
    """The terms of the securities `text` names ("two-year note" -> (2, "year"))."""
    if "-year" not in text and "-month" not in text and "-week" not in text:
        return frozenset()  # the cheap test: most sentences name no security by its term
    terms = set()
    for match in _TERM.finditer(text):
        count = match.group(1)
        value = float(count) if count.isdigit() else spelled_value(count)
        if value is not None:
            terms.add((value, match.group(2).lower()))
    return frozenset(terms)
