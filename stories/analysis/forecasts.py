"""Figures foreseen and figures found: "it expects to earn 90 cents per share for the
quarter" / "reported first-quarter profit of $13.1 million, or 22 cents per share". A
forecast set against a result is no disagreement (the guidelines: speculation against
fact, each saying which it is); two forecasts, or two results, are compared as ever."""

from __future__ import annotations

import functools
import re

from .number_fact import Number, words_before

# A verb of foreseeing a few words before a figure: "expects to earn 90 cents", "had
# expected 22 cents", "was expected to crest during the night at 38 feet", "projected to
# reach $2 billion". Not "estimates": an estimate is of what was ("estimates California
# lost $1.34 billion"); nor the noun "forecast" ("the five-day forecast track error").
_FORESEEN = re.compile(
    r"\b(?:expect(?:s|ed|ing)?|forecasts|forecasted|predict(?:s|ed|ing)?|projected|anticipat(?:es|ed|ing))\b"
    r"(?:\s+[\w$'-]+){0,7}\s*$",
    re.I,
)
_CLAUSE_END = re.compile(r"[;,]\s|\s(?:but|while|and)\s")


def forecast(number: Number) -> bool:
    """A verb of foreseeing stands in the clause before the figure, a few words from it."""
    return _foreseen(number.sentence, number.lead, number.raw)


@functools.lru_cache(maxsize=8192)
def _foreseen(sentence: str, lead: str, raw: str) -> bool:
    clause = _CLAUSE_END.split(words_before(sentence, lead, raw)[-80:])[-1]
    return _FORESEEN.search(clause) is not None
