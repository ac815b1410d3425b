"""NewsML-G2: a newsItem, or the first newsItem with text in a newsMessage.

The parts read, all in the NewsML-G2 namespace: newsItem/@guid, itemMeta/provider (or
rightsInfo/copyrightHolder), contentMeta (headline, by, dateline or located) and the first
inlineXML or inlineData of contentSet that has text. The body is XHTML or NITF inside
inlineXML, or inlineData: plain text (paragraphs split at blank lines) or, when its
contenttype says so, escaped HTML.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from stories.ingest.formats.html import SKIPPED_TAGS as HTML_SKIPPED_TAGS
from stories.ingest.formats.html import html_paragraphs
from stories.ingest.formats.nitf import read_nitf
from stories.ingest.formats.render import WireItem, as_byline, first, plain_paragraphs
from stories.ingest.formats.xmltree import attribute, child, local_name, namespace, paragraphs_of, text_of

NAR = "http://iptc.org/std/nar/2006-10-01/"


def is_newsml(root: Element) -> bool:
    return namespace(root.tag) == NAR and local_name(root.tag) in ("newsItem", "newsMessage")


def read_newsml(name: str, root: Element) -> WireItem:
    if local_name(root.tag) == "newsItem":
        return _read_item(name, root)
    items = (_read_item(name, element) for element in root.iter(f"{{{NAR}}}newsItem"))
    return next((item for item in items if item.paragraphs), WireItem())


def _read_item(name: str, item: Element) -> WireItem:
    meta = _find(item, "contentMeta")
    headlines = [] if meta is None else meta.findall(f"{{{NAR}}}headline")
    return WireItem(
        headline=first(text_of(h) for h in headlines if not _is_subheadline(h)),
        dek=first(text_of(h) for h in headlines if _is_subheadline(h)),
        byline=as_byline(text_of(_find(meta, "by"))),
        dateline=first([text_of(_find(meta, "dateline")), text_of(_find(meta, "located", "name"))]),
        paragraphs=tuple(_body(name, _find(item, "contentSet"))),
        item_id=attribute(item, "guid"),
        provider=first(
            [_party(_find(item, "itemMeta", "provider")), _party(_find(item, "rightsInfo", "copyrightHolder"))]
        ),
    )


def _find(element: Element | None, *path: str) -> Element | None:
    """The first element down this path, every step in the NewsML-G2 namespace."""
    return None if element is None else element.find("/".join(f"{{{NAR}}}{step}" for step in path))


def _is_subheadline(headline: Element) -> bool:
    return "sub" in (headline.get("role") or "").lower()


def _party(element: Element | None) -> str:
    """A provider or copyright holder: its name, else its literal, else the code of its qcode."""
    qcode = attribute(element, "qcode")
    return first([text_of(_find(element, "name")), attribute(element, "literal"), qcode.partition(":")[2] or qcode])


def _body(name: str, content_set: Element | None) -> list[str]:
    for content in [] if content_set is None else list(content_set):
        if content.tag == f"{{{NAR}}}inlineXML":
            paragraphs = _inline_xml(content)
        elif content.tag == f"{{{NAR}}}inlineData":
            paragraphs = _inline_data(name, content)
        else:
            continue
        if paragraphs:
            return paragraphs
    return []


def _inline_xml(content: Element) -> list[str]:
    for root in content:
        tag = local_name(root.tag)
        if tag == "nitf":
            paragraphs = list(read_nitf(root).paragraphs)
        else:  # XHTML: <html><body>, or a fragment such as a lone <div>
            paragraphs = paragraphs_of(child(root, "body") if tag == "html" else root, HTML_SKIPPED_TAGS)
        if paragraphs:
            return paragraphs
    return []


def _inline_data(name: str, content: Element) -> list[str]:
    text = content.text or ""
    if "html" in (content.get("contenttype") or "").lower():
        return html_paragraphs(name, text)
    return plain_paragraphs(text)
