"""Words capitalised where every word is: a sentence's first word, a title-case headline's.
Such a capital names nobody ("Partly through his friendship", "Warehouse Fire Injures 12")
unless the other source writes the word, or a letter from it, mid-sentence as a name."""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from .facts import Facts
from .proper_names import NAME_ENDINGS, SourceNames
from .spellings import LONG_NAME
from .text import fold


def opening_a_name(a: tuple[str, bool, Facts], b: tuple[str, bool, Facts]) -> bool:
    """A word capitalised only where all are (`opens_only`), a letter from a name the other
    sentence gives a title ("Nicholas is the uncle" / "Mr. Nicolas is an uncle"): a name
    that opens its sentence, not a word ("Partly" / "Labour Party")."""
    (key_a, opening_a, facts_a), (key_b, opening_b, facts_b) = a, b
    if opening_a == opening_b or Levenshtein.distance(key_a, key_b, score_cutoff=1) > 1:
        return False
    return _titled(key_b, facts_b) if opening_a else _titled(key_a, facts_a)


def _titled(key: str, facts: Facts) -> bool:
    """The sentence writes the name after a personal title: "Mr. Nicolas"."""
    words = facts.words
    return any(fold(word) == key and words[at - 1].rstrip(".") in _TITLES for at, word in enumerate(words) if at)


_TITLES = frozenset("Mr Mrs Ms Miss Dr Gov Sen Rep Gen Col Capt Sgt Rev Prof".split())


def opens_only(key: str, names: SourceNames) -> bool:
    """A capital its source writes only where every word has one, opening a sentence or in a
    title-case headline: "Partly through his friendship", "Warehouse Fire Injures 12" name
    nobody."""
    return key not in names.mid_sentence and key not in NAME_ENDINGS and len(key) < LONG_NAME
