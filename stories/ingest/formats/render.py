"""What every wire format comes down to, and how it is written out as plain text.

A structured item (NITF, NewsML-G2, ninjs, an HTML page) is read into a `WireItem`; the
text engine (stories.analysis) reads the text that `render_text` makes of it: the headline
on the first line, then dek, byline, dateline and each body paragraph, one a line, with a
blank line between them. That is the one-paragraph-a-line shape the engine splits into
blocks, so the headline comes out as a headline block and each paragraph as a body block.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_BY = re.compile(r"(?:by|from)\s", re.IGNORECASE)

# Elements that begin and end a paragraph, in HTML and in NITF's body.content
# (hl2: a subhead inside the copy; bq: a block quote; block: a group of paragraphs).
BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption dd div dl dt figcaption h1 h2 h3 h4 h5 h6 "
    "header hr li main ol p pre section table tr ul "
    "block bq hl2".split()
)
# Elements that separate words without ending the paragraph: a line break, a table cell.
# Every other element (em, a, span, NITF's person, location, chron...) sits inside a word
# run and adds nothing, so "said <person>Ann</person>," stays "said Ann,".
SPACE_TAGS = frozenset(["br", "img", "td", "th"])


@dataclass(frozen=True)
class WireItem:
    headline: str = ""
    dek: str = ""
    byline: str = ""
    dateline: str = ""
    paragraphs: tuple[str, ...] = ()
    item_id: str = ""
    provider: str = ""


def collapse(text: str) -> str:
    """White space (line breaks and no-break spaces included) made single spaces."""
    return " ".join(text.split())


def as_byline(text: str) -> str:
    """The byline as the engine recognises one ("By ..."); feeds often send the bare name."""
    text = collapse(text)
    return text if not text or _BY.match(text) else f"By {text}"


def plain_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain body text: separated by blank lines, wrapped lines joined."""
    paragraphs = (collapse(chunk) for chunk in _BLANK_LINE.split(text.replace("\r\n", "\n")))
    return [paragraph for paragraph in paragraphs if paragraph]


def render_text(item: WireItem) -> str:
    """The item as plain text: headline, blank line, then the rest, one paragraph a line."""
    parts = [item.headline, item.dek, item.byline, item.dateline, *item.paragraphs]
    return "\n\n".join(part for part in parts if part) + "\n"


class Paragraphs:
    """Collects paragraphs from a stream of start/end/data events.

    HTML (through html.parser) and XML (through `walk`) feed the same events, so an HTML
    page, XHTML inside NewsML-G2 and NITF's body.content all come out the same way: text
    between two block boundaries is one paragraph, white space collapsed, so text loose in
    a <div> around a <p> becomes its own paragraph.
    """

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self._parts: list[str] = []

    def start(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.flush()
        elif tag in SPACE_TAGS:
            self._parts.append(" ")

    def end(self, tag: str) -> None:
        self.start(tag)  # the end of an element is the same boundary as its start

    def data(self, text: str) -> None:
        self._parts.append(text)

    def flush(self) -> None:
        text = collapse("".join(self._parts))
        self._parts = []
        if text:
            self.paragraphs.append(text)

    def result(self) -> list[str]:
        self.flush()
        return self.paragraphs


def first(values: Iterable[str]) -> str:
    """The first non-empty value, or ""."""
    return next((value for value in values if value), "")
