"""The article of a web page, found by trafilatura among the page's furniture: navigation,
related links, share buttons, comments, cookie banners, advertising and footers.

trafilatura only chooses. The paragraphs themselves come from our own reader
(stories.ingest.formats.html), so a page keeps the paragraph boundaries, the character
handling and the skipping of scripts and templates that every other format has, whatever
trafilatura's own text would have been. A paragraph is kept when trafilatura's text of the
article holds it whole (as one of its lines, or inside a line from its start or after the
end of a sentence: trafilatura may join two of our paragraphs, or split one at a <br>) and
in the page's order. trafilatura sets bylines apart as metadata: the paragraph above the
article that names its author is kept as the byline.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import trafilatura

from stories.ingest.formats.render import collapse

_BYLINE_MAX_CHARS = 120
# Looking for each paragraph inside the article's text costs paragraphs x characters; past
# this, on huge or hostile pages, only whole lines are matched.
_SEARCH_BUDGET = 50_000_000
_SENTENCE_ENDS = frozenset('.!?:;"”’)')


def article_paragraphs(html: str, paragraphs: Sequence[str]) -> list[str] | None:
    """Those of a page's paragraphs that trafilatura takes for its article, in their order;
    None when it finds no article (too little text, or not a page it can read)."""
    found = trafilatura.bare_extraction(
        html,
        with_metadata=True,  # for the author's name: trafilatura leaves bylines out of the text
        date_extraction_params={"extensive_search": False},
        include_comments=False,
        include_tables=True,
        deduplicate=False,
    )
    text = getattr(found, "text", None)
    if not text:
        return None
    article = _Article(text, search=len(paragraphs) * len(text) <= _SEARCH_BUDGET)
    kept = _in_order([article.find(paragraph) for paragraph in paragraphs])
    if not kept:
        return None
    byline = _byline(paragraphs[: kept[0]], getattr(found, "author", None) or "")
    return ([byline] if byline else []) + [paragraphs[index] for index in kept]


class _Article:
    """trafilatura's text of the article, one line a block, without its Markdown-like marks
    for list items ("- ") and table cells ("| ")."""

    def __init__(self, text: str, *, search: bool) -> None:
        lines = [collapse(_unmarked(line)) for line in text.split("\n")]
        lines = [line for line in lines if line.strip("|-: ")]
        self.flat = " ".join(lines)
        self.lines: dict[str, list[int]] = {}  # each line and where it begins in flat
        offset = 0
        for line in lines:
            self.lines.setdefault(line, []).append(offset)
            offset += len(line) + 1
        self.starts = frozenset(start for starts in self.lines.values() for start in starts)
        self.search = search
        self._taken: dict[str, int] = {}  # a paragraph the page repeats is found further on each time

    def find(self, paragraph: str) -> int:
        """Where the article holds the paragraph whole, after where it was found last; or -1."""
        after = self._taken.get(paragraph, -1)
        starts = self.lines.get(paragraph, [])
        at = starts[bisect_right(starts, after)] if starts and starts[-1] > after else -1
        if at < 0 and self.search:
            at = self._search(paragraph, after + 1)
        if at >= 0:
            self._taken[paragraph] = at
        return at

    def _search(self, paragraph: str, start: int) -> int:
        at = self.flat.find(paragraph, start)
        while at >= 0:
            end = at + len(paragraph)
            begins = at in self.starts or (at > 1 and self.flat[at - 1] == " " and self.flat[at - 2] in _SENTENCE_ENDS)
            if begins and (end == len(self.flat) or self.flat[end] == " "):
                return at
            at = self.flat.find(paragraph, at + 1)
        return -1


def _in_order(positions: Sequence[int]) -> list[int]:
    """The indexes of the longest run of found paragraphs whose places in the article rise
    with their places on the page: a menu entry "News" found inside a sentence about
    "Yahoo! News" halfway down the article is out of order, and left out."""
    tails: list[int] = []  # patience sorting: the smallest last position of a run of each length
    ends: list[int] = []  # the index ending that run
    previous: dict[int, int] = {}
    for index, position in enumerate(positions):
        if position < 0:
            continue
        length = bisect_left(tails, position)
        if length < len(tails):
            tails[length], ends[length] = position, index
        else:
            tails.append(position)
            ends.append(index)
        previous[index] = ends[length - 1] if length else -1
    run, index = [], ends[-1] if ends else -1
    while index >= 0:
        run.append(index)
        index = previous[index]
    return run[::-1]


def _unmarked(line: str) -> str:
    if line.startswith("- "):
        return line[2:]
    return line.replace("|", " ") if line.startswith("|") else line


def _byline(above: Sequence[str], authors: str) -> str:
    """The last short paragraph above the article that names one of its authors."""
    names = [name.strip() for name in authors.split(";") if name.strip()]
    lines = [line for line in above if len(line) <= _BYLINE_MAX_CHARS and any(name in line for name in names)]
    return lines[-1] if lines else ""
