"""Decoded text to parsed copy: which format it is, its headline, and its text.

Plain text and the Markdown-ish text agencies and scrapers produce (bold markers, # headings)
are kept as written. HTML pages, NITF and NewsML-G2 XML and IPTC ninjs JSON are recognised
from their content, read by `stories.ingest.formats`, and rendered to the plain text the
text engine reads: headline, blank line, then dek, byline, dateline and body paragraphs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from stories.ingest.decode import CopyRefused
from stories.ingest.formats import (
    HTML_ELEMENTS,
    NAR,
    MalformedXml,
    WireItem,
    is_newsml,
    is_ninjs,
    local_name,
    looks_like_html,
    namespace,
    parse_xml,
    read_html,
    read_newsml,
    read_ninjs,
    read_nitf,
    render_text,
)

_MARKDOWN = re.compile(r"\*\*[^*\n]+\*\*|^#{1,6} \S|^__[^_\n]+__", re.MULTILINE)
_MARKERS = re.compile(r"^#{1,6}\s+|\*\*|__")
_HEADLINE_MAX = 200

# What may come before the first element: white space, the XML declaration, comments and
# processing instructions. Sniffing looks at the start of the text only.
_SNIFF_CHARS = 4096
_PROLOG = re.compile(r"\s*(<\?xml\s[^>]*\?>)?(?:\s|<!--.*?-->|<\?.*?\?>)*", re.DOTALL)
_HTML_START = re.compile(r"<!doctype\s+html\b|<html[\s>]", re.IGNORECASE)
_XML_START = re.compile(r"<!DOCTYPE\s|<(?:[\w.-]+:)?(?:nitf|newsItem|newsMessage)[\s>/]")
_OTHER_ROOT = re.compile(r"<([A-Za-z_][\w.-]*(?::[\w.-]+)?)[\s>/]")
_LABELS = {"html": "HTML", "nitf": "NITF", "newsml": "NewsML-G2", "ninjs": "ninjs"}


@dataclass(frozen=True)
class ParsedCopy:
    """`copy_format` is one of the values of stories.models.CopyFormat: "text", "markdown",
    "html", "nitf", "newsml" or "ninjs". `item_id` and `provider` are what the document says
    about itself (its own identifier, the agency it names), "" when it says nothing."""

    copy_format: str
    headline: str
    text: str
    item_id: str = ""
    provider: str = ""


def parse_copy(name: str, text: str) -> ParsedCopy:
    """Recognise the format of decoded copy; render structured formats to plain text."""
    structured = _read_structured(name, text)
    if structured is None:
        copy_format = "markdown" if _MARKDOWN.search(text) else "text"
        return ParsedCopy(copy_format=copy_format, headline=find_headline(text), text=text)
    copy_format, item = structured
    if not item.paragraphs:
        raise CopyRefused(f"{name}: the {_LABELS[copy_format]} item has no body text.")
    rendered = render_text(item)
    return ParsedCopy(
        copy_format=copy_format,
        headline=item.headline or find_headline(rendered),
        text=rendered,
        item_id=item.item_id,
        provider=item.provider,
    )


def _read_structured(name: str, text: str) -> tuple[str, WireItem] | None:
    """The format and the item, for JSON and markup; None for prose."""
    start = text.lstrip()
    if start.startswith(("{", "[")):
        data = _json(name, text)
        if data is not None:
            if not is_ninjs(data):
                raise CopyRefused(
                    f"{name}: this is JSON that is not an IPTC ninjs item (it has no uri, headline or "
                    "body), so it cannot be read as wire copy."
                )
            return "ninjs", read_ninjs(name, data)
    prolog = _PROLOG.match(start[:_SNIFF_CHARS])
    declared = prolog is not None and prolog.group(1) is not None
    markup = start[prolog.end() :] if prolog else start
    if _HTML_START.match(markup):
        return "html", read_html(name, text)
    if declared or _XML_START.match(markup):
        return _read_xml(name, text)
    if looks_like_html(markup):
        return "html", read_html(name, text)
    root = _OTHER_ROOT.match(markup)
    if root and root.group(1).lower() not in HTML_ELEMENTS and markup.rstrip().endswith(">"):
        return _read_other_markup(name, text)
    return None


def _json(name: str, text: str) -> object | None:
    """The JSON value, or None for text that is not JSON (prose may start with a bracket)."""
    try:
        return json.loads(text, strict=False)  # strict=False: raw line breaks inside strings
    except ValueError:
        return None
    except RecursionError:
        raise CopyRefused(f"{name}: the JSON is nested too deeply to be wire copy.") from None


def _read_xml(name: str, text: str) -> tuple[str, WireItem]:
    root = parse_xml(name, text)
    tag = local_name(root.tag)
    if tag == "nitf":
        return "nitf", read_nitf(root)
    if is_newsml(root):
        return "newsml", read_newsml(name, root)
    if tag == "html":  # XHTML
        return "html", read_html(name, text)
    where = f" in the namespace {namespace(root.tag)}" if namespace(root.tag) else " in no namespace"
    raise CopyRefused(
        f"{name}: this is XML with root <{tag}>, which is neither NITF nor NewsML-G2"
        + (f" (its root is{where}, not in NewsML-G2's {NAR})" if tag in ("newsItem", "newsMessage") else "")
        + ", so it cannot be read as wire copy."
    )


def _read_other_markup(name: str, text: str) -> tuple[str, WireItem] | None:
    """Copy that starts and ends with a tag but has no XML declaration: XML if it parses
    as XML (so an RSS feed is refused by name), else prose that happens to start with "<"."""
    try:
        return _read_xml(name, text)
    except MalformedXml:
        return None


def find_headline(text: str) -> str:
    """The first short line that does not read as a sentence; else the first line, cut."""
    lines = [_MARKERS.sub("", line).strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    for line in lines[:6]:
        if len(line) <= _HEADLINE_MAX and not line.endswith((".", "!", "?", ":")):
            return line
    first = lines[0] if lines else ""
    return first if len(first) <= _HEADLINE_MAX else first[: _HEADLINE_MAX - 1].rstrip() + "…"
