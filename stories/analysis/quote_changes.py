"""Whether two wordings of one quotation change what the speaker said.

Outlets quote one statement in slightly different words all the time ("the hull was
holed" / "the hull was pierced", "I've been thrown off" / "I got thrown off", a clause
cut). That is no conflict: the guidelines' conflict is a quotation whose words change its
meaning, a "not" inserted, a number or a day changed, another name. Over every labelled
pair of session 27's nineteen sets, the four quotations reported for other wording alone
were all false alarms; such a pair is listed as wording to check (kind "style").
Whether two quotations are one at all, in other words, is `reworded`.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .dates import MONTHS_AND_WEEKDAYS
from .initials import as_abbreviated
from .quantities import SPELLING_WORDS
from .quote_times import on_one_clock
from .spellings import respelled, swapped
from .text import STOPWORDS, content_terms, fold, lower_case_terms

_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w\u2019'-]*|\d[\d,.:]*\d|\d")
_NEGATIONS = frozenset({"not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "cannot"})
# Days said relative to the story's day, and the spans a quotation may give a time by.
_TIME_WORDS = MONTHS_AND_WEEKDAYS | frozenset(
    "today yesterday tomorrow tonight morning afternoon evening night week month year".split()
)
_SENTENCE_END = frozenset(".!?:;\"'\u201c\u2018(")


def changes_meaning(quote_a: str, quote_b: str) -> bool:
    """The two wordings differ in a denial, or each gives a number, a time or a name the
    other does not."""
    words_a, words_b = _WORD.findall(quote_a), _WORD.findall(quote_b)
    if _denials(words_a) != _denials(words_b) or _one_word_misread(words_a, words_b):
        return True
    return any(
        (kind_a - kind_b) and (kind_b - kind_a)
        for kind_a, kind_b in (
            (_numbers(words_a), _numbers(words_b)),
            (_times(words_a), _times(words_b)),
            (_names(quote_a), _names(quote_b)),
        )
    )


def _one_word_misread(words_a: list[str], words_b: list[str]) -> bool:
    """A lower-case word only one wording has is a letter or two from one only the other
    has, and not a form of it: "not abetted and approved" / "not vetted and approved" (a
    word misheard or mistyped into another)."""
    lower_a, lower_b = {w for w in words_a if w.islower()}, {w for w in words_b if w.islower()}
    only_a, only_b = lower_a - lower_b - _NOT_MISREAD, lower_b - lower_a - _NOT_MISREAD
    return any(
        min(len(word_a), len(word_b)) >= 5
        and word_a[:4] != word_b[:4]
        and word_a not in word_b
        and word_b not in word_a  # "conciliation" / "reconciliation"
        and word_a.replace("-", "") != word_b.replace("-", "")  # "online" / "on-line"
        and Levenshtein.distance(word_a, word_b, score_cutoff=2) <= 2
        for word_a in only_a
        for word_b in only_b
    )


# Small words, and speech written as said ("gonna" / "going"), which no misreading makes.
_NOT_MISREAD = STOPWORDS | frozenset("gonna wanna gotta kinda sorta".split())


def _denials(words: list[str]) -> int:
    return sum(1 for word in words if word.lower() in _NEGATIONS or word.lower().endswith(("n't", "n\u2019t")))


def _numbers(words: list[str]) -> set[str]:
    return {word.replace(",", "") for word in words if word[0].isdigit() or word.lower() in SPELLING_WORDS}


def _times(words: list[str]) -> set[str]:
    return {word.lower() for word in words if word.lower() in _TIME_WORDS}


def _names(quote: str) -> set[str]:
    """Capitalised words that do not open the quotation or a sentence in it ("I" is none)."""
    found = set()
    for match in _WORD.finditer(quote):
        word, before = match.group(), quote[: match.start()].rstrip()
        if word[0].isupper() and not _first_person(word) and before and before[-1] not in _SENTENCE_END:
            found.add(word.lower())
    return found


def _first_person(word: str) -> bool:
    """ "I", "I've", "I’m": a capital that names no one."""
    return re.split(r"['’]", word, maxsplit=1)[0] == "I"


_WEB_SUFFIXES = frozenset({"com", "org", "net"})  # "MySpace.com" / "MySpace"
_NOT_LETTERS = re.compile(r"[\W_]+")


def reworded(quote_a: str, quote_b: str) -> bool:
    """The same quotation in other words: not one cut from the other, not the same but for
    punctuation or small words, and either close in spelling or sharing half the content
    words of the longer one ("We will rebuild every house" / "We are going to rebuild all
    the houses"; not "around 50 people injured when the walls collapsed" / "a child died
    when a wall collapsed"), an abbreviation spelled out in one ("IE" / "Internet
    Explorer") read as written in both."""
    if quote_a == quote_b or not lower_case_terms(quote_a) & lower_case_terms(quote_b):
        return False  # most pairs of two passages' quotations; abbreviating below adds no such word
    quote_a, quote_b = as_abbreviated(quote_a, quote_b)
    folded_a, folded_b = fold(on_one_clock(quote_a)), fold(on_one_clock(quote_b))  # "6:41pm" / "18:41"
    if not folded_a or not folded_b or folded_a in folded_b or folded_b in folded_a:
        return False
    # Only spaces or punctuation between the same letters: "data center" / "datacenter",
    # "HP ’ s" as scrapers print "HP's".
    letters_a, letters_b = _NOT_LETTERS.sub("", folded_a), _NOT_LETTERS.sub("", folded_b)
    if letters_a in letters_b or letters_b in letters_a:
        return False
    terms_a = set(content_terms(folded_a)) - _WEB_SUFFIXES
    terms_b = set(content_terms(folded_b)) - _WEB_SUFFIXES
    if not (terms_a - terms_b and terms_b - terms_a):  # only punctuation, small words or words cut: one quotation
        return False
    if _only_slips(terms_a - terms_b, terms_b - terms_a):  # "Fsical" / "Fiscal": a name check's find
        return False
    if min(len(terms_a), len(terms_b)) < QUOTE_MIN_WORDS:
        return False
    if not lower_case_terms(quote_a) & lower_case_terms(quote_b):  # asked again: abbreviating drops some
        return False  # only names shared: "I stood against Richard Nixon" / "I marched against Richard Nixon"
    shared = len(terms_a & terms_b) / max(len(terms_a), len(terms_b))
    return fuzz.token_sort_ratio(folded_a, folded_b) >= 60 or shared >= 0.5


def _only_slips(words_a: set[str], words_b: set[str]) -> bool:
    """Each word of one quotation the other lacks is a slip of one it has instead."""
    return len(words_a) == len(words_b) and all(
        any(respelled(word, other) or swapped(word, other) for other in words_b) for word in words_a
    )


QUOTE_MIN_WORDS = 3  # content words: fewer cannot tell one quotation from another
