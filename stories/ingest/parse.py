"""Decoded text to parsed copy: which format it is, and the headline it carries.

Plain text and the Markdown-ish text agencies and scrapers produce (bold markers, # headings)
are taken in. HTML, XML and JSON feeds are recognised and refused by name until their
parsers exist, rather than being stored as if they were prose.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from stories.ingest.decode import CopyRefused

_MARKDOWN = re.compile(r"\*\*[^*\n]+\*\*|^#{1,6} \S|^__[^_\n]+__", re.MULTILINE)
_MARKERS = re.compile(r"^#{1,6}\s+|\*\*|__")
_UNSUPPORTED = [
    (re.compile(r"<\?xml\b", re.IGNORECASE), "XML (NITF or NewsML)"),
    (re.compile(r"<!doctype\s+html\b|<html[\s>]", re.IGNORECASE), "an HTML page"),
]
_HEADLINE_MAX = 200


@dataclass(frozen=True)
class ParsedCopy:
    copy_format: str  # "text" or "markdown": the values of stories.models.CopyFormat
    headline: str
    text: str


def parse_copy(name: str, text: str) -> ParsedCopy:
    """Recognise the format of decoded copy and find its headline."""
    what = _unsupported_format(text)
    if what:
        raise CopyRefused(
            f"{name}: this looks like {what}; only plain text and Markdown-style text can be taken in so far."
        )
    copy_format = "markdown" if _MARKDOWN.search(text) else "text"
    return ParsedCopy(copy_format=copy_format, headline=find_headline(text), text=text)


def _unsupported_format(text: str) -> str | None:
    start = text.lstrip()[:200]
    for pattern, what in _UNSUPPORTED:
        if pattern.match(start):
            return what
    if start.startswith(("{", "[")):
        try:
            json.loads(text)
        except ValueError:
            return None
        return "JSON (ninjs)"
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
