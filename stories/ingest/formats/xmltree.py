"""Parsing untrusted XML safely, and the few ways of reading it the wire formats share.

defusedxml refuses entity declarations (billion laughs, external entities) before anything
is expanded or fetched; an external DTD named in a DOCTYPE is never loaded either. Elements
are matched by local name plus, where a format fixes one, their namespace.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_tree
from defusedxml import DefusedXmlException

from stories.ingest.decode import CopyRefused
from stories.ingest.formats.render import Paragraphs, collapse

# The XML declaration of text that has already been decoded: its encoding="..." no longer
# describes anything, so it is blanked out (keeping every line and column where it was).
_DECLARATION = re.compile(r"\s*<\?xml\s[^>]*\?>")


class MalformedXml(CopyRefused):
    """The copy is not well-formed XML."""


def parse_xml(name: str, text: str) -> Element:
    """The root element, or CopyRefused for entities and for malformed XML."""
    declaration = _DECLARATION.match(text)
    if declaration:
        text = _blank(declaration.group()) + text[declaration.end() :]
    try:
        return safe_tree.fromstring(text)
    except DefusedXmlException:
        raise CopyRefused(
            f"{name}: the XML declares entities, which wire copy never needs, so it was refused."
        ) from None
    except ParseError as error:
        line, column = error.position
        reason = str(error).partition(": line ")[0]  # "mismatched tag: line 2, column 6"
        raise MalformedXml(f"{name}: malformed XML at line {line}, column {column + 1} ({reason}).") from None
    except (UnicodeError, ValueError) as error:  # lone surrogates and the like
        raise MalformedXml(f"{name}: malformed XML ({error.__class__.__name__}).") from None


def _blank(declaration: str) -> str:
    return "".join(ch if ch == "\n" else " " for ch in declaration)


def local_name(tag: object) -> str:
    """The name without its namespace ("p" for "{http://www.w3.org/1999/xhtml}p"); "" for comments."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def namespace(tag: str) -> str:
    return tag[1:].partition("}")[0] if tag.startswith("{") else ""


def children(element: Element | None, name: str) -> Iterator[Element]:
    """Child elements with this local name, in any namespace."""
    if element is not None:
        yield from (child for child in element if local_name(child.tag) == name)


def child(element: Element | None, *path: str) -> Element | None:
    """The first element down this path of local names, or None."""
    for name in path:
        element = next(children(element, name), None)
    return element


def attribute(element: Element | None, name: str) -> str:
    return collapse(element.get(name) or "") if element is not None else ""


def text_of(element: Element | None) -> str:
    """All the text inside an element, white space collapsed."""
    return collapse("".join(element.itertext())) if element is not None else ""


def paragraphs_of(element: Element | None, skip: frozenset[str]) -> list[str]:
    """Paragraphs inside an element, its sub-elements named in `skip` left out."""
    sink = Paragraphs()
    if element is not None:
        walk(element, sink, skip)
    return sink.result()


def walk(root: Element, sink: Paragraphs, skip: frozenset[str]) -> None:
    """Feed start/data/end events for everything inside `root` to `sink`.

    With a stack, not recursion: hostile copy may nest elements deeper than Python recurses.
    """
    stack: list[tuple[Element, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        tag = local_name(element.tag)
        if closing:
            sink.end(tag)
        elif tag and tag not in skip:
            sink.start(tag)
            sink.data(element.text or "")
            stack.append((element, True))
            stack.extend((sub, False) for sub in reversed(element))
            continue
        if element is not root:
            sink.data(element.tail or "")
