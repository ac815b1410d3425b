"""A pulled feed's document read into its entries: an Atom or RSS feed (read by feedparser,
in all their dialects) whose entries carry the copy or link to it, or a JSON API listing
IPTC ninjs items (a JSON list, or an object with "items").

An entry that carries its copy becomes the bytes ingest reads: the entry's headline and
body as a small HTML document (feedparser has already made its markup safe), or the ninjs
item written out as JSON; the same entry read twice gives the same bytes, so ingest finds
it a duplicate. An entry that only links to its copy is fetched by the caller."""

from __future__ import annotations

import html
import io
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser

from stories.ingest.names import shown_name

# A feed has no business declaring entities (billion laughs, external entities): refused
# before feedparser's XML parser sees it, as ingest refuses such XML copy.
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


@dataclass(frozen=True)
class FeedEntry:
    name: str  # the entry's id or link: what the item is called in messages and the audit
    item_id: str = ""  # the source it is a version of, when the entry carries its copy
    data: bytes = b""  # the copy, when the entry carries it
    link: str = ""  # where the copy is, when the entry only links to it
    updated: datetime | None = None

    @property
    def is_linked(self) -> bool:
        return not self.data and bool(self.link)


class FeedUnreadable(Exception):
    """The feed's document is neither Atom, RSS nor a JSON listing of ninjs items."""


def read_feed(body: bytes, *, url: str) -> list[FeedEntry]:
    """The entries of the document at `url`, in the feed's order."""
    if body.lstrip()[:1] in (b"[", b"{"):
        return _ninjs_listing(body, url)
    return _syndication_entries(body, url)


def _ninjs_listing(body: bytes, url: str) -> list[FeedEntry]:
    try:
        listing = json.loads(body)
    except (ValueError, RecursionError) as error:
        raise FeedUnreadable(f"{shown_name(url)}: not a JSON listing of ninjs items ({error}).") from None
    items = listing.get("items") if isinstance(listing, dict) else listing
    if not isinstance(items, list):
        raise FeedUnreadable(f'{shown_name(url)}: JSON, but neither a list of ninjs items nor {{"items": [...]}}.')
    return [_ninjs_entry(item, url, number) for number, item in enumerate(items, 1)]


def _ninjs_entry(item: Any, url: str, number: int) -> FeedEntry:
    name = ""
    if isinstance(item, dict):
        name = next((item[key] for key in ("uri", "guid") if isinstance(item.get(key), str) and item[key]), "")
    # Written out the same way each time: the same item twice is the same bytes, a duplicate.
    data = json.dumps(item, ensure_ascii=False, sort_keys=True, indent=1).encode()
    return FeedEntry(name=name or f"{url}#item-{number}", data=data)


def _syndication_entries(body: bytes, url: str) -> list[FeedEntry]:
    if _ENTITY_DECLARATION.search(body):
        raise FeedUnreadable(f"{shown_name(url)}: the feed declares XML entities, which a feed never needs.")
    # A stream, never a string: feedparser would fetch a string that looks like an address.
    parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-location": url})
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception") or "no feed in it"
        what = "not an Atom or RSS feed, nor a JSON listing of ninjs items"
        raise FeedUnreadable(f"{shown_name(url)}: {what} ({problem}).")
    return [_syndication_entry(entry, url, number) for number, entry in enumerate(parsed.entries, 1)]


def _syndication_entry(entry: Any, url: str, number: int) -> FeedEntry:
    link = entry.get("link", "")
    name = entry.get("id") or link or f"{url}#entry-{number}"
    updated = _when(entry.get("updated_parsed") or entry.get("published_parsed"))
    content = next((part for part in entry.get("content", []) if part.get("value", "").strip()), None)
    if content is None and link:  # a summary beside a link is the teaser; the link is the copy
        return FeedEntry(name=link, link=link, updated=updated)
    content = content or entry.get("summary_detail") or {}
    data = _as_html(entry.get("title", ""), content.get("value", ""), content.get("type", ""))
    return FeedEntry(name=name, item_id=name, data=data, updated=updated)


def _as_html(title: str, body: str, kind: str) -> bytes:
    """An entry's copy as the HTML fragment the HTML reader takes in: the headline, then the
    body (feedparser's sanitised markup, or plain text escaped, a paragraph a blank line)."""
    if kind not in _HTML_TYPES:
        body = "\n".join(f"<p>{html.escape(part.strip())}</p>" for part in re.split(r"\n\s*\n", body) if part.strip())
    headline = f"<h1>{html.escape(title)}</h1>\n" if title.strip() else ""
    return f"<article>\n{headline}{body.strip()}\n</article>\n".encode()


def _when(parsed: Any) -> datetime | None:
    if not parsed:
        return None
    try:
        year, month, day, hour, minute, second = parsed[:6]
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except (TypeError, ValueError):
        return None
