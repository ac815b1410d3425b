"""One reader per structured wire format, each giving a `WireItem` that `render_text` turns
into the plain text the text engine reads. `stories.ingest.parse` decides which one applies.
"""

from stories.ingest.formats.html import HTML_ELEMENTS, looks_like_html, read_html
from stories.ingest.formats.newsml import NAR, is_newsml, read_newsml
from stories.ingest.formats.ninjs import is_ninjs, read_ninjs
from stories.ingest.formats.nitf import read_nitf
from stories.ingest.formats.render import WireItem, render_text
from stories.ingest.formats.xmltree import MalformedXml, local_name, namespace, parse_xml

__all__ = [
    "HTML_ELEMENTS",
    "MalformedXml",
    "NAR",
    "WireItem",
    "is_newsml",
    "is_ninjs",
    "local_name",
    "looks_like_html",
    "namespace",
    "parse_xml",
    "read_html",
    "read_newsml",
    "read_ninjs",
    "read_nitf",
    "render_text",
]
