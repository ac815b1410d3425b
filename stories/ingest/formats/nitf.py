"""NITF (News Industry Text Format), with or without the NITF 3.x namespace.

The parts read: head/docdata (doc-id/@id-string, doc.copyright/@holder) and body/body.head
(hedline/hl1 the headline, hedline/hl2 the dek, byline, distributor, dateline); the
paragraphs come from body/body.content (p, also inside block and bq; hl2 subheads).
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from stories.ingest.formats.render import WireItem, as_byline, first
from stories.ingest.formats.xmltree import attribute, child, paragraphs_of, text_of

# Photos with their captions, notes to editors: not the story's prose.
SKIPPED_TAGS = frozenset(["media", "note", "ed-msg"])


def read_nitf(root: Element) -> WireItem:
    docdata = child(root, "head", "docdata")
    body_head = child(root, "body", "body.head")
    hedline = child(body_head, "hedline")
    return WireItem(
        headline=first([text_of(child(hedline, "hl1")), text_of(child(root, "head", "title"))]),
        dek=text_of(child(hedline, "hl2")),
        byline=as_byline(text_of(child(body_head, "byline"))),
        dateline=text_of(child(body_head, "dateline")),
        paragraphs=tuple(paragraphs_of(child(root, "body", "body.content"), SKIPPED_TAGS)),
        item_id=attribute(child(docdata, "doc-id"), "id-string"),
        provider=first(
            [
                attribute(child(docdata, "doc.copyright"), "holder"),
                text_of(child(body_head, "distributor")),
            ]
        ),
    )
