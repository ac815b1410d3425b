"""IPTC ninjs (News in JSON): 2.x (`headlines[]`, `bodies[]`) and 1.x (`headline`,
`body_text`, `body_html`).

The fields the copy is made of (uri, headlines, bodies and their 1.x forms) must have the
types the standard gives them, or the item is refused naming the field. Metadata that only
labels the copy (by, located, copyrightholder, infosources) is read when it is text and
otherwise left out: a feed's own variant of those is no reason to refuse the story.
"""

from __future__ import annotations

import re
from typing import Any, TypeGuard

from stories.ingest.decode import CopyRefused
from stories.ingest.formats.html import html_paragraphs
from stories.ingest.formats.render import WireItem, as_byline, collapse, first, plain_paragraphs

NINJS_FIELDS = frozenset(["uri", "headlines", "headline", "bodies", "body_text", "body_html"])
_LOOKS_LIKE_HTML = re.compile(r"<(?:p|div|br|h[1-6]|ul|ol|li|blockquote)\b", re.IGNORECASE)


def is_ninjs(data: object) -> TypeGuard[dict[str, Any]]:
    return isinstance(data, dict) and not NINJS_FIELDS.isdisjoint(data)


def read_ninjs(name: str, data: dict[str, Any]) -> WireItem:
    headlines = _objects(name, data, "headlines")
    return WireItem(
        headline=first([*(_value(h) for h in headlines if not _is_sub(h)), collapse(_text(name, data, "headline"))]),
        dek=first(_value(h) for h in headlines if _is_sub(h)),
        byline=as_byline(first([_label(data, "by"), _label(data, "byline")])),
        dateline=_label(data, "located"),
        paragraphs=tuple(_paragraphs(name, data)),
        item_id=_text(name, data, "uri"),
        provider=first([_label(data, "copyrightholder"), *_infosource_names(data)]),
    )


def _paragraphs(name: str, data: dict[str, Any]) -> list[str]:
    """From the first body that has any text: bodies (2.x), then body_html, then body_text."""
    for body in _objects(name, data, "bodies"):
        html = "html" in str(body.get("contenttype") or "").lower() or (
            not body.get("contenttype") and _LOOKS_LIKE_HTML.search(body["value"])
        )
        paragraphs = html_paragraphs(name, body["value"]) if html else plain_paragraphs(body["value"])
        if paragraphs:
            return paragraphs
    return html_paragraphs(name, _text(name, data, "body_html")) or plain_paragraphs(_text(name, data, "body_text"))


def _text(name: str, data: dict[str, Any], field: str) -> str:
    value = data.get(field)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise CopyRefused(f"{name}: the ninjs field “{field}” should be text, but it is {_json_type(value)}.")
    return value


def _objects(name: str, data: dict[str, Any], field: str) -> list[dict[str, Any]]:
    """A list of objects that each carry a text "value", as headlines[] and bodies[] are."""
    value = data.get(field)
    if value is None:
        return []
    if not isinstance(value, list):
        raise CopyRefused(f"{name}: the ninjs field “{field}” should be a list, but it is {_json_type(value)}.")
    for number, entry in enumerate(value, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("value"), str):
            what = "an object without one" if isinstance(entry, dict) else _json_type(entry)
            raise CopyRefused(
                f"{name}: the ninjs field “{field}” should hold objects with a text “value”, "
                f"but its entry {number} is {what}."
            )
    return value


def _value(entry: dict[str, Any]) -> str:
    return collapse(entry["value"])


def _is_sub(headline: dict[str, Any]) -> bool:
    return "sub" in str(headline.get("role") or "").lower()


def _label(data: dict[str, Any], field: str) -> str:
    value = data.get(field)
    return collapse(value) if isinstance(value, str) else ""


def _infosource_names(data: dict[str, Any]) -> list[str]:
    sources = data.get("infosources")
    if not isinstance(sources, list):
        return []
    return [_label(source, "name") for source in sources if isinstance(source, dict)]


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object"
