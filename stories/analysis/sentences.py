"""Sentence splitting that knows wire-copy abbreviations ("U.S. Geological Survey", "Mr.",
"No. 10", initials), so one abbreviation does not shift every aligned row after it."""

from __future__ import annotations

import re

from .model import Sentence
from .text import TWINS

# group 1: the space after. "[.!?\u2026]" is written once alone, before its repeats (as
# "+" is): a pattern that begins with a set of characters is searched for at C speed, two
# times faster than one that begins with a repeat, tried at every place.
_CANDIDATE = re.compile(r"[.!?\u2026][.!?\u2026]*['\"\u201d\u2019)\]]*(?=(\s+)\S)")
# Of ASCII text: its sets of ASCII characters alone (a set that holds none but those is tried
# faster), white space as `\s` reads it there. Held to the pattern by tests/analysis/test_ascii_twins.py.
_CANDIDATE_ASCII = re.compile(r"[.!?][.!?]*['\")\]]*(?=([\t\n\x0b\x0c\r\x1c-\x1f ]+)[^\t\n\x0b\x0c\r\x1c-\x1f ])")
TWINS.append((_CANDIDATE, _CANDIDATE_ASCII))
_TITLES = frozenset(
    """
mr mrs ms mx dr prof gen sen rep gov lt col capt cpt sgt maj adm cmdr st mt ft fr rev hon
pres supt insp det jr sr messrs mme mlle vs v cf approx dept est ave blvd rd no nos art vol
ch fig pp op
""".split()
)
_BEFORE_NUMBERS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_STARTERS = frozenset(
    """
the a an he she it they we i in on at but and this that there his her its their our
officials however meanwhile after before when while if as some many most police
""".split()
)
_COMPANY_ENDS = frozenset("inc corp co ltd plc llc cos".split())
# A ticker or instrument code after a company's name: "NXTP.O", "<MSFT.O>", "US10YT=RR".
_TICKER = re.compile(r"<?[A-Z0-9]{1,8}(?:\.[A-Z]{1,2}|=[A-Z0-9]*)>?(?=[\s,;:)]|$)")
_DOTTED = re.compile(r"^(?:[^\W\d_]\.){2,}$")
_INITIAL = re.compile(r"^[^\W\d_]\.$")
_MINUTES_OF_A_TIME = re.compile(r"[0-5]\d\s?(?:[ap]\.\s?m\.|[AaPp][Mm]\b)")
# Where a clause ends: what a number counts, or a date dates, stands in its own clause
# ("Comeaux, 49, is serving" counts nothing). A mark, " - " or a full stop before white space
# or the end: written as one set of every first character, then what each needs after it
# (read by a look behind at that character), so that the search skips to them at C speed.
CLAUSE_END = re.compile(
    r"[,;:()\[\]\u201c\u201d\"\u2014\s.](?:(?<=[,;:()\[\]\u201c\u201d\"\u2014])|(?<=\s)[-\u2013]\s|(?<=\.)(?:\s|$))"
)


def split_sentences(text: str, limit: int = 2000) -> tuple[Sentence, ...]:
    """Sentences of `text` with their offsets. At most `limit` sentences (the rest is
    folded into the last one), so adversarial input cannot blow up later stages."""
    candidates = (_CANDIDATE_ASCII if text.isascii() else _CANDIDATE).finditer(text)
    cuts = [m.end() for m in candidates if _is_boundary(text, m)]
    spans, start = [], 0
    for cut in cuts[: max(0, limit - 1)]:
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    sentences = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        if a < b:
            sentences.append(Sentence(a, b, text[a:b]))
    return tuple(sentences)


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    # Look only near the match: slicing the rest of the passage for every candidate made
    # a 19,000-character paragraph quadratic.
    following = text[match.end(1) : match.end(1) + 40]
    first = following.lstrip("'\"\u201c\u2018([")[:1]
    if not first or not (first.isupper() or first.isdigit() or not first.isalpha()):
        return False
    if not match.group().startswith(".") or match.group().startswith(".."):
        return True
    token = _word_before(text, match.start() + 1).lstrip("'\"\u201c\u2018([")
    return not _is_abbreviation(token, following)


def _word_before(text: str, end: int) -> str:
    """The run of non-space characters that ends at `end`."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _is_abbreviation(token: str, following: str) -> bool:
    bare = token.rstrip(".").lower()
    next_word = following.split(None, 1)[0].strip("'\"\u201c\u2018(").lower() if following else ""
    if bare in _TITLES:
        return bare != "no" or next_word[:1].isdigit()
    if bare.isdigit() and next_word[:1].isdigit() and not next_word[1:2].isdigit():
        return True  # "4. 4 quake": a decimal point as some scrapers print it, as `quantities` reads it
    if bare.isdigit() and len(bare) <= 2 and _MINUTES_OF_A_TIME.match(following):
        return True  # "at 8. 40am", "11. 30 p. m.": a time of day written with a point, as `dates` reads it
    if bare in _BEFORE_NUMBERS:
        return next_word[:1].isdigit()
    if bare in _COMPANY_ENDS and _TICKER.match(following):
        return True  # "Nextel Partners Inc. NXTP.O , which ...": the company's ticker, as the wires give it
    if _INITIAL.match(token):
        return True
    if _DOTTED.match(token):
        return next_word.rstrip(",") not in _STARTERS
    return False
