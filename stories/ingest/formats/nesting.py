"""Markup made safe to give an HTML5 parser: bounded in the work it makes the parser do.

An HTML5 parser does work in proportion to the elements open at each tag (is there a <p>
to close?) and rebuilds every formatting element left open after each block that closed
it, so hostile markup within the size limit can cost it minutes or gigabytes: a few hundred
thousand nested <div>s, or thousands of <b>s left open (lexbor issue 340, servo/html5ever
issue 788; html5lib is no different). One linear pass over the tags first renames the
formatting elements and <select> (whose options lexbor builds in quadratic time) to <span>,
which carry the same text, and stops nesting at the depth where Chromium and WebKit stop: a
deeper element's start tag is renamed to one that holds nothing, even inside <svg> or
<math> (which it closes), so its text joins its parent's, after an <hr> (a paragraph's end)
where it was a block, else a <br> (a space).

The pass follows the parser's rules only as far as tag names tell (`_Nesting`): the
parser may add the table rows and cells it implies on top of the limit, and a document
written against this very estimate may still get deeper. Every shape of nesting in
tests/ingest/test_html_pages.py, at the size limit, is read in seconds.
"""

from __future__ import annotations

import re

from stories.ingest.decode import CopyRefused
from stories.ingest.formats.render import BLOCK_TAGS

_MAX_DEPTH = 512
_NEARBY = 8  # how far down the open elements an end tag looks for its start
_FLATTENED = frozenset("b big code em font i nobr s small strike strong tt u select".split())
_VOID = frozenset("area base basefont bgsound br col embed frame hr image img input keygen link meta param source "
                  "track wbr".split())  # fmt: skip
_RAW_TEXT = {
    tag: re.compile(rf"</{tag}[\t\n\f\r />]", re.IGNORECASE)
    for tag in "script style textarea title xmp iframe noembed noframes noscript".split()
}
# What the parser's rules treat apart: "special" elements stop an end tag of another kind
# from closing what is open below them; scope boundaries stop any end tag.
_SPECIAL = frozenset(
    """address applet area article aside base basefont bgsound blockquote body br button caption center col
    colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4
    h5 h6 head header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav
    noembed noframes noscript object ol p param plaintext pre script search section select source style
    summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp""".split()
)
_SCOPE = frozenset("applet caption html table td th marquee object template".split())
# End tags that close their element wherever it is open in scope; any other stops at a
# special element (an </em> or a </title> is ignored where a <div> is open inside it).
_ENDS_IN_SCOPE = frozenset(
    """address applet article aside blockquote button caption center colgroup dd details dialog dir div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup li listing main marquee menu nav
    object ol p pre search section summary table tbody td template tfoot th thead tr ul""".split()
)
_SCOPE_OF = {"li": _SCOPE | {"ol", "ul"}, "p": _SCOPE | {"button"}}
# Table parts, which the parser ignores where no <table> is open.
_TABLE_PARTS = frozenset("caption col colgroup tbody td tfoot th thead tr".split())
# Start tags that close a <p> open below them (in "button scope").
_CLOSES_P = frozenset(
    """address article aside blockquote center dd details dialog dir div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hgroup hr li listing main menu nav ol p plaintext pre search
    section summary table ul xmp""".split()
)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
# Start tags that close an element of their kind open below them, found before a stop.
_LIST_ITEM_STOPS = _SPECIAL - {"address", "div", "p"}
_TABLE_STOPS = frozenset(["html", "table", "template"])
_CLOSES_ITS_KIND = {
    "li": (frozenset(["li"]), _LIST_ITEM_STOPS),
    "dd": (frozenset(["dd", "dt"]), _LIST_ITEM_STOPS),
    "dt": (frozenset(["dd", "dt"]), _LIST_ITEM_STOPS),
    "td": (frozenset(["td", "th"]), _TABLE_STOPS),
    "th": (frozenset(["td", "th"]), _TABLE_STOPS),
    "tr": (frozenset(["tr"]), _TABLE_STOPS),
}
# A tag, a comment, or another declaration (<!DOCTYPE, <?, <![CDATA[ ...) that ends at ">".
_MARKUP = re.compile(r"<(?:(/?)([A-Za-z][^\t\n\f\r />]*)|(!--)|[!?]|/(?![A-Za-z]))")
# A tag's attributes as the HTML5 tokenizer reads them: a quote opens a value only after "=".
_ATTRIBUTES = re.compile(
    r"""(?:
        [\t\n\f\r\x20/]+                          # space and slashes between attributes
      | [^\t\n\f\r\x20/>][^\t\n\f\r\x20/=>]*       # a name (which may start with "=")
        (?:[\t\n\f\r\x20]*=[\t\n\f\r\x20]*          # and its value
           (?:"[^"]*"|'[^']*'|[^\t\n\f\r\x20>]*))?
    )*""",
    re.VERBOSE,
)
_COMMENT_END = re.compile(r"--!?>")
# Start tags that end SVG and MathML content (<font> too, with some attributes), and the
# elements inside it where HTML's rules apply again.
_BREAKOUT = frozenset(
    """b big blockquote body br center code dd div dl dt em embed font h1 h2 h3 h4 h5 h6 head hr i img li
    listing menu meta nobr ol p pre ruby s small span strike strong sub sup table tt u ul var""".split()
)
_INTEGRATION_POINTS = {
    "svg": frozenset(["foreignobject", "desc", "title"]),
    "math": frozenset("mi mo mn ms mtext annotation-xml".split()),
}
# lexbor also takes these names for integration points in the other namespace: breaking out
# stops at any of them, which errs on the deep side.
_ANY_INTEGRATION_POINT = _INTEGRATION_POINTS["svg"] | _INTEGRATION_POINTS["math"]


def bounded_markup(name: str, text: str, *, textless: frozenset[str]) -> str:
    """The markup with formatting elements and <select> renamed <span>, and nesting stopped
    at 512 elements. Elements the reader takes no text from (`textless`: navigation, an
    <svg>...) are never renamed, which would make their content text: they nest on up to
    twice the limit, and past that the copy is refused."""
    nesting = _Nesting(name, never_text=textless - _RAW_TEXT.keys())
    pieces: list[str] = []
    done = position = 0
    while position >= 0 and (found := _MARKUP.search(text, position)) is not None:
        closing, tag, _comment = found.groups()
        if tag is None:
            position = _after_declaration(text, found, cdata=nesting.in_foreign_content())
            continue
        attributes = _ATTRIBUTES.match(text, found.end())
        position = attributes.end() if attributes else found.end()
        tag = tag.lower()
        self_closing = text.startswith("/>", position - 1)
        given = nesting.end(tag) if closing else nesting.start(tag, self_closing=self_closing)
        if given != tag:
            pieces += [text[done : found.start(2)], given]
            done = found.end(2)
        if not closing and given in _RAW_TEXT and nesting.opened_html(given):
            end = _RAW_TEXT[given].search(text, position)
            position = end.start() if end else -1
        elif not closing and given == "plaintext":  # the rest is text
            break
    return "".join(pieces) + text[done:] if pieces else text


def _after_declaration(text: str, found: re.Match[str], *, cdata: bool) -> int:
    """Where a comment or declaration ends; -1 when it runs to the end of the copy. In SVG
    and MathML, "<![CDATA[" opens a CDATA section, which ends at "]]>"."""
    start = found.end()
    if cdata and text.startswith("<![CDATA[", found.start()):
        end_of_cdata = text.find("]]>", start)
        return end_of_cdata + 3 if end_of_cdata >= 0 else -1
    if found.group(3):  # "<!-->" and "<!--->" are whole comments
        if text.startswith((">", "->"), start):
            return text.index(">", start) + 1
        end_of_comment = _COMMENT_END.search(text, start)
        return end_of_comment.end() if end_of_comment else -1
    end_of_tag = text.find(">", start)
    return end_of_tag + 1 if end_of_tag >= 0 else -1


class _Nesting:
    """The elements an HTML5 parser holds open, told from tag names alone. An estimate: the
    parser's own rules (foster parenting, the adoption of misnested formatting, implied
    table rows) are not all followed, and where they differ this mostly keeps more elements
    open, not fewer."""

    def __init__(self, name: str, *, never_text: frozenset[str]) -> None:
        self.name = name
        self.never_text = never_text
        self.open: list[str] = []
        self.spaces: list[str] = []  # each open element's namespace: "html", "svg" or "math"
        self.tables = 0  # <table>s open
        self.uncounted = 0  # elements closed past the limit that still count

    def in_foreign_content(self) -> bool:
        """Whether a start tag now makes an SVG or MathML element."""
        if not self.open or self.spaces[-1] == "html":
            return False
        return self.open[-1] not in _INTEGRATION_POINTS[self.spaces[-1]]

    def opened_html(self, tag: str) -> bool:
        """Whether the start tag just given opened an HTML element (a <title> in an <svg> is
        SVG's, and holds markup, not raw text)."""
        return bool(self.open) and self.open[-1] == tag and self.spaces[-1] == "html"

    def start(self, tag: str, *, self_closing: bool = False) -> str:
        """The name the parser is given for this start tag."""
        tag = "span" if tag in _FLATTENED else tag
        deep = self.depth() >= _MAX_DEPTH and tag not in _VOID and tag not in _RAW_TEXT
        if deep and tag not in self.never_text:
            self._leave_foreign_content()  # as <hr> and <br> do; the <p> an <hr> closes stays counted
            return "hr" if tag in BLOCK_TAGS else "br"
        if deep and self.depth() >= 2 * _MAX_DEPTH:  # kept so far, so that their content stays hidden
            raise CopyRefused(
                f"{self.name}: the HTML nests elements more than {2 * _MAX_DEPTH:,} deep, far deeper than "
                "a browser builds, so it was refused."
            )
        if tag in _BREAKOUT:  # closes the <svg> or <math> it appears in
            self._leave_foreign_content()
        foreign = self.in_foreign_content()
        if not foreign:
            self._close_implied(tag)
        if tag in _VOID or (tag in _TABLE_PARTS and not self.tables and not foreign):
            return tag
        space = tag if tag in ("svg", "math") else self.spaces[-1] if foreign and tag not in _BREAKOUT else "html"
        if self_closing and space != "html":  # <path ... /> in an <svg> opens nothing
            return tag
        self.spaces.append(space)
        self.open.append(tag)
        self.tables += tag == "table"
        return tag

    def end(self, tag: str) -> str:
        """The name the parser is given for this end tag."""
        tag = "span" if tag in _FLATTENED else tag
        if tag in ("p", "br"):
            self._leave_foreign_content()
        scope = _SCOPE_OF.get(tag, _SCOPE)
        block = -1  # the lowest HTML special element above the one closed: "</a>" adopts it
        for index in range(len(self.open) - 1, max(len(self.open) - _NEARBY, 0) - 1, -1):
            entry, html = self.open[index], self.spaces[index] == "html"
            if entry == tag and tag == "a" and block >= 0 and html:
                self._adopt(index, block)
                break
            if entry == tag:
                self._close(index)
                break
            if self._is_integration_point(index) or (html and entry in scope):
                break
            if html and entry in _SPECIAL and tag not in _ENDS_IN_SCOPE:  # a <span>'s end tag stops at a <div>
                if tag != "a":
                    break
                block = index
        return tag

    def _adopt(self, index: int, block: int) -> None:
        """An </a> with blocks opened inside the <a>: the parser's adoption agency closes what
        is open inside the lowest of them, takes the <a> out, and opens a new one there."""
        self._close(block + 1)
        del self.open[index], self.spaces[index]
        self.open.append("a")
        self.spaces.append("html")

    def _close_implied(self, tag: str) -> None:
        """Close what the start tag closes: a list item another, a block a paragraph..."""
        if tag in _CLOSES_ITS_KIND:
            self._close_open(*_CLOSES_ITS_KIND[tag])
        if tag in _CLOSES_P:
            self._close_open(frozenset(["p"]), _SCOPE_OF["p"])
        top = self.open[-1] if self.open else ""
        if (tag in _HEADINGS and top in _HEADINGS) or (tag in ("option", "optgroup") and top == "option"):
            self._close(len(self.open) - 1)

    def _close_open(self, names: frozenset[str], stops: frozenset[str]) -> None:
        for index in range(len(self.open) - 1, max(len(self.open) - _NEARBY, 0) - 1, -1):
            if self.spaces[index] != "html":
                if self.open[index] in _ANY_INTEGRATION_POINT:
                    return
            elif self.open[index] in names:
                self._close(index)
                return
            elif self.open[index] in stops:
                return

    def _is_integration_point(self, index: int) -> bool:
        """SVG's and MathML's elements that hold HTML stop what an HTML tag closes."""
        return self.spaces[index] != "html" and self.open[index] in _ANY_INTEGRATION_POINT

    def _leave_foreign_content(self) -> None:
        if not self.spaces or self.spaces[-1] == "html":
            return
        index = len(self.open)
        while index and self.spaces[index - 1] != "html" and self.open[index - 1] not in _ANY_INTEGRATION_POINT:
            index -= 1
        if self.depth() >= _MAX_DEPTH:
            # Where this estimate and the parser disagree on what is SVG or MathML, leaving
            # it could empty the estimate while the parser's elements stay open: at the
            # limit, what it closes still counts.
            self.uncounted += len(self.open) - index
        self._close(index)

    def depth(self) -> int:
        return len(self.open) + self.uncounted

    def _close(self, index: int) -> None:
        self.tables -= self.open[index:].count("table")
        del self.open[index:], self.spaces[index:]
