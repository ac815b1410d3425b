"""HTML to paragraphs: web pages, and the HTML fragments that ninjs (body_html) and
NewsML-G2 (inlineData of type text/html) carry.

The markup is parsed by lexbor (through selectolax), an HTML5 parser: broken markup is
recovered the way a browser recovers it, so an <svg> left open, a <style> inside <math>
or a stray "<![CDATA[" hides no more of the page than it hides in a browser. Scripts do
not run (lexbor has no script engine); only text comes out: tags and attributes
(onerror=...) are dropped, the content of scripts, styles, templates, navigation and the
like is skipped, and character references are decoded, so "&lt;script&gt;" in a paragraph
becomes the copy's own words "<script>", shown as text.

The parser is given the markup with its nesting bounded (stories.ingest.formats.nesting),
so hostile markup within the size limit costs it linear time. On a whole web page,
trafilatura (stories.ingest.formats.page) decides which of the paragraphs read are the
article and which are the page's furniture around it.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from stories.ingest.formats.nesting import bounded_markup
from stories.ingest.formats.page import article_paragraphs
from stories.ingest.formats.render import BLOCK_TAGS, SPACE_TAGS, Paragraphs, WireItem, collapse

SKIPPED_TAGS = frozenset("script style noscript template iframe svg head nav footer aside form figure".split())
# What the reader never takes text from. <head> holds nothing but the <title> once parsed
# (text there opens the body), and the title is read apart from the body.
_TEXTLESS = SKIPPED_TAGS - {"head"} | {"title"}

_TAG = re.compile(
    r"</?(?:a|article|b|blockquote|body|br|div|em|figure|h[1-6]|head|header|html|i|img|li|link|main|meta"
    r"|ol|p|section|span|strong|table|td|title|tr|ul)\b[^<>]*>",
    re.IGNORECASE,
)
_PAGE = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
# trafilatura takes about a second for this many tags; a bigger page is read as a whole.
_MAX_PAGE_TAGS = 40_000
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
    """A web page: headline from the first <h1>, else the <title>; the article's paragraphs
    as trafilatura finds them on a whole page, else our own reading of the body."""
    document = _parse(name, text)
    reader = _Reader(page=True)
    _walk(document.root, reader)
    article = _article(document, reader.body.result()) if _PAGE.search(text) else None
    return WireItem(headline=reader.headline or reader.title, paragraphs=tuple(article or reader.story()))


def _article(document: LexborHTMLParser, paragraphs: list[str]) -> list[str] | None:
    """trafilatura reads the tree lexbor built (so it sees the page as a browser does, not
    as its own parser would recover it), up to a size it reads in about a second."""
    html = document.html or ""
    return article_paragraphs(html, paragraphs) if html.count("<") <= _MAX_PAGE_TAGS else None


def html_paragraphs(name: str, fragment: str) -> list[str]:
    """The paragraphs of an HTML fragment, where an <h1> is one more paragraph."""
    reader = _Reader(page=False)
    _walk(_parse(name, fragment).root, reader)
    return reader.body.result()


def _parse(name: str, text: str) -> LexborHTMLParser:
    # scripting=True: <noscript> is read as a browser that runs scripts reads it, as one
    # run of text, which the reader skips.
    return LexborHTMLParser(bounded_markup(name, text, textless=_TEXTLESS), scripting=True)


def _walk(root: LexborNode | None, reader: _Reader) -> None:
    """Feed the reader the tree in document order, without recursion (pages nest deeply)."""
    node, depth = root, 0
    while node is not None:
        if reader.enter(node):
            if node.child is not None:
                node, depth = node.child, depth + 1
                continue
            reader.leave(node.tag or "")
        while depth and node.next is None:
            node, depth = _parent(node), depth - 1
            reader.leave(node.tag or "")
        node = node.next if depth else None


def _parent(node: LexborNode) -> LexborNode:
    parent = node.parent
    assert parent is not None  # below the root every node has one
    return parent


class _Reader:
    """Paragraphs from the tree: text between two block boundaries is one paragraph."""

    def __init__(self, *, page: bool) -> None:
        self.page = page
        self.body = Paragraphs()
        self.headline = ""
        self.title = ""
        self.lead = 0  # paragraphs before the page's first <h1>: masthead, breadcrumbs, ads
        self._in_headline = False
        self._captured: list[str] = []

    def enter(self, node: LexborNode) -> bool:
        """Whether the node is an element whose inside is read (and left, later)."""
        if node.is_text_node:
            if self._in_headline:
                self._captured.append(node.text_content or "")
            else:
                self.body.data(node.text_content or "")
            return False
        tag = node.tag or ""
        if not node.is_element_node or tag in _TEXTLESS:
            if tag == "title" and not self.title:
                self.title = collapse(node.text())
            return False
        if self._in_headline:
            self._inside_headline(tag)
        elif tag == "h1" and self.page and not self.headline:
            self.body.flush()
            self.lead = len(self.body.paragraphs)
            self._in_headline, self._captured = True, []
        else:
            self.body.start(tag)
        return True

    def leave(self, tag: str) -> None:
        if self._in_headline and tag == "h1":
            self.headline = collapse("".join(self._captured))
            self._in_headline = False
        elif self._in_headline:
            self._inside_headline(tag)
        else:
            self.body.end(tag)

    def story(self) -> list[str]:
        """The paragraphs after the page's headline; all of them when the headline comes last
        (an <h1> in a footer is the site's name, not the story's headline)."""
        paragraphs = self.body.result()
        return paragraphs[self.lead :] if len(paragraphs) > self.lead else paragraphs

    def _inside_headline(self, tag: str) -> None:
        if tag in SPACE_TAGS:
            self._captured.append(" ")
        elif tag in BLOCK_TAGS:  # an <h1> left open runs into the body
            self.leave("h1")
            self.body.start(tag)
