"""Works: the year a named film, book or album came out, compared wherever each source gives it.

Copy dates a work in passing, the year set before the kind of work and its title after:
"was celebrated in the 2006 HBO movie, The Notorious Bettie Page" / "inspired the 2005
film The Notorious Bettie Page"; or tells when it came out, the year first and the title
quoted after the release: "In 2005, HBO Films released "The Notorious Bettie Page," a
film". A work of one title came out once; where each source gives it one year, and the two
differ, the sources disagree on when.
"""

from __future__ import annotations

import functools
import re

from .found import Found
from .model import Block
from .text import ascii_twin, fold, has_digit

Works = dict[str, list[tuple[Block, str, str]]]  # folded title -> (where, year and kind as written, year)

_KINDS = (
    "film|movie|biopic|documentary|book|novel|memoir|biography|album|song|single|play|musical|opera"
    "|series|sitcom|show"
)
# A title in capitals, with the small words titles keep: "The Notorious Bettie Page", "Local Hero".
_TITLE = r"(?P<title>[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|of|the|and|in|a|on|to|for|with))*)"
# "the 2006 HBO movie, The Notorious Bettie Page", "his 1983 film Local Hero": a year, up to
# two names (a network, a studio), the kind of work, then its title.
_DATED_WORK = re.compile(
    rf"\b(?:the|his|her|their|its|a)\s+(?P<dated>(?P<year>(?:1[89]|20)\d\d)\s+(?:[A-Z][\w'-]*\s+){{0,2}}(?:{_KINDS}))"
    rf",?\s+[\"\u201c\u2018']?\s?{_TITLE}"
)
# "In 2005, Time Warner Inc. and HBO Films released "The Notorious Bettie Page"": a year that
# opens the sentence, who released it (no clause ends between), the title in quotation marks.
_RELEASED_WORK = re.compile(
    r"^(?P<dated>In\s(?P<year>(?:1[89]|20)\d\d)),\s[^;:,\"\u201c]{0,60}?\b(?:released|premiered|published)\s"
    rf"[\"\u201c]\s?{_TITLE}"
)
_TRAILING_SMALL_WORDS = re.compile(r"(?:\s+(?:of|the|and|in|a|on|to|for|with))+$")
_HINT = re.compile(rf"\b(?:{_KINDS})\b")
_HINT_ASCII = ascii_twin(_HINT)
_YEAR = re.compile(r"(?:1[89]|20)\d\d[\s,]")  # in every dated work, and in few sentences: looked for first


def works_of(sentences: list[tuple[Block, str]]) -> Works:
    """A source's dated works, by their folded titles."""
    works: Works = {}
    for block, text in sentences:
        for title, dated, year in _works_in(text):
            works.setdefault(title, []).append((block, dated, year))
    return works


@functools.lru_cache(maxsize=4096)  # the versions of a story repeat most of their sentences
def _works_in(text: str) -> tuple[tuple[str, str, str], ...]:
    """A sentence's dated works: folded title, year and kind as written, year."""
    if not (has_digit(text) and _YEAR.search(text) and (_HINT_ASCII if text.isascii() else _HINT).search(text)):
        return ()  # most date no work; most hold no digit of a year
    matches = [*_DATED_WORK.finditer(text), *_RELEASED_WORK.finditer(text)]
    return tuple(
        (fold(_TRAILING_SMALL_WORDS.sub("", match.group("title"))), match.group("dated"), match.group("year"))
        for match in matches
    )


def check_works(found: Found, works_a: Works, works_b: Works) -> None:
    """One year of a title in each source, and the two differ."""
    for title in sorted(works_a.keys() & works_b.keys()):
        given_a, given_b = works_a[title], works_b[title]
        years_a, years_b = {year for *_, year in given_a}, {year for *_, year in given_b}
        if len(years_a) == 1 and len(years_b) == 1 and years_a != years_b:
            (block_a, dated_a, _), (block_b, dated_b, _) = given_a[0], given_b[0]
            found.add("date", (block_a, dated_a), (block_b, dated_b), "different years of the work")
