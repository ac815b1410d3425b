"""HTML to paragraphs, with the stdlib's html.parser: web pages, and the HTML fragments
that ninjs (body_html) and NewsML-G2 (inlineData of type text/html) carry.

Only text ever comes out: tags and attributes (onerror=...) are dropped, the content of
scripts, styles, navigation and the like is skipped, and character references are decoded,
so "&lt;script&gt;" in a paragraph becomes the copy's own words "<script>", shown as text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from stories.ingest.decode import CopyRefused
from stories.ingest.formats.render import BLOCK_TAGS, SPACE_TAGS, Paragraphs, WireItem, collapse

SKIPPED_TAGS = frozenset("script style noscript template iframe svg head nav footer aside form figure".split())

_TAG = re.compile(
    r"</?(?:a|article|b|blockquote|body|br|div|em|figure|h[1-6]|head|header|html|i|img|li|link|main|meta"
    r"|ol|p|section|span|strong|table|td|title|tr|ul)\b[^<>]*>",
    re.IGNORECASE,
)
_MOSTLY = 0.5
# Element names of HTML that can start a document or a fragment: copy that starts with one
# of these is never taken for some other XML.
HTML_ELEMENTS = frozenset(
    """a abbr address article aside b blockquote body br caption cite code dd div dl dt em figcaption
    figure footer h1 h2 h3 h4 h5 h6 head header hr html i img li link main meta nav noscript ol p pre q
    s script section small span strong style sub sup table tbody td th thead title tr u ul""".split()
)


def looks_like_html(text: str) -> bool:
    """A document that starts with a tag and has HTML tags on most of its lines."""
    if not _TAG.match(text.lstrip()):
        return False
    lines = [line for line in text.split("\n") if line.strip()]
    tagged = sum(1 for line in lines if _TAG.search(line))
    return len(_TAG.findall(text)) >= 2 and tagged >= _MOSTLY * len(lines)


def read_html(name: str, text: str) -> WireItem:
    """A web page: headline from the first <h1> (the paragraphs after it), else the <title>."""
    reader = _read(name, text, page=True)
    return WireItem(headline=reader.headline or reader.title, paragraphs=tuple(reader.body.result()))


def html_paragraphs(name: str, fragment: str) -> list[str]:
    """The paragraphs of an HTML fragment, where an <h1> is one more paragraph."""
    return _read(name, fragment, page=False).body.result()


def _read(name: str, text: str, *, page: bool) -> _Reader:
    reader = _Reader(page=page)
    try:
        reader.feed(text)
        reader.finish()
    except AssertionError:  # html.parser's verdict on a few malformed declarations ("<![x")
        line = reader.getpos()[0]
        raise CopyRefused(f"{name}: the HTML could not be read (a malformed declaration at line {line}).") from None
    return reader


class _Reader(HTMLParser):
    def __init__(self, *, page: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.body = Paragraphs()
        self.headline = ""
        self.title = ""
        self._skipping: list[str] = []  # the skipped elements open around the current point
        self._capturing = ""  # "h1" or "title" while reading the headline or the title
        self._captured: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body" and "head" in self._skipping:  # </head> is optional in HTML
            del self._skipping[self._skipping.index("head") :]
        if tag == "title" and set(self._skipping) <= {"head"} and not self._capturing:
            self._begin("title")
        elif tag in SKIPPED_TAGS:
            self._skipping.append(tag)
        elif self._skipping:
            pass
        elif self._capturing:
            self._inside_capture(tag)
        elif tag == "h1" and self.page and not self.headline:
            # What a page shows above its headline is its masthead, breadcrumbs, skip links
            # and advertising slots, not the story: dropped.
            self.body = Paragraphs()
            self._begin("h1")
        else:
            self.body.start(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._skipping:
            del self._skipping[len(self._skipping) - 1 - self._skipping[::-1].index(tag) :]
        elif tag == self._capturing:
            self._finish()
        elif self._skipping:
            pass
        elif self._capturing:
            self._inside_capture(tag)
        else:
            self.body.end(tag)

    def handle_data(self, data: str) -> None:
        if self._capturing == "title" or (self._capturing and not self._skipping):
            self._captured.append(data)
        elif not self._skipping:
            self.body.data(data)

    def finish(self) -> None:
        # Copy that ends inside an unclosed tag, comment or script: the rest is markup, not
        # words (a browser shows none of it either). Dropped before close(), which would
        # pass it on as text, and whose handling of it is quadratic in its length.
        if self.rawdata.startswith("<") or getattr(self, "cdata_elem", None):
            self.rawdata = ""
        self.close()
        if self._capturing:
            self._finish()

    def _begin(self, tag: str) -> None:
        self._capturing = tag
        self._captured = []

    def _inside_capture(self, tag: str) -> None:
        if tag in SPACE_TAGS:
            self._captured.append(" ")
        elif tag in BLOCK_TAGS and self._capturing == "h1":  # an <h1> left open runs into the body
            self._finish()
            self.body.start(tag)

    def _finish(self) -> None:
        text = collapse("".join(self._captured))
        if self._capturing == "title":
            self.title = self.title or text
        else:
            self.headline = text
        self._capturing = ""
