"""A pulled feed's document read into its entries: an Atom or RSS feed (read by feedparser,
in all their dialects) whose entries carry the copy or link to it, or a JSON API listing
IPTC ninjs items (a JSON list, or an object with "items").

An entry that carries its copy becomes the bytes ingest reads: the entry's headline and
body as a small HTML document (feedparser has already made its markup safe), or the ninjs
item written out as JSON; the same entry read twice gives the same bytes, so ingest finds
it a duplicate. An entry whose copy is elsewhere names where, and the caller fetches it:
Atom content out of line (`<content src>`), else an enclosure (RSS `<enclosure>`, Atom
`rel="enclosure"`) of a type the desk reads, else the entry's page. An entry whose only
attachments are of types the desk does not read (a photo, a recording) is refused, unfetched."""

from __future__ import annotations

import html
import io
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from stories.ingest.names import shown_name

# A feed has no business declaring entities (billion laughs, external entities): refused
# before feedparser's XML parser sees it, as ingest refuses such XML copy.
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")
# What an attachment may say it is for the desk to fetch it: the readers then decide by
# content (HTML, NITF, NewsML-G2, ninjs, plain text), as for an upload. Also any
# application/...+xml or +json (application/nitf+xml, application/vnd.iptc.g2.newsitem+xml).
# A zip is not fetched: its files would not be recognised as this entry's at the next run.
_READABLE_TYPES = frozenset(
    ["text/html", "text/plain", "text/xml", "text/markdown", "application/xml", "application/json"]
)


@dataclass(frozen=True)
class FeedEntry:
    name: str  # the entry's id or link: what the item is called in messages and the audit
    item_id: str = ""  # the source it is a version of, when the entry carries its copy
    data: bytes = b""  # the copy, when the entry carries it
    link: str = ""  # where the copy is, when the entry only links to it
    updated: datetime | None = None
    linked_as: str = "linked item"  # what `link` is, in messages: "enclosure", "content src"
    refusal: str = ""  # why nothing of the entry is taken in, when that is known unfetched

    @property
    def is_linked(self) -> bool:
        return not self.data and bool(self.link)


@dataclass(frozen=True)
class _Attachment:
    """Copy the entry names rather than carries: Atom `<content src>` or an enclosure."""

    address: str
    media_type: str  # as the feed declares it, without parameters; "" when it does not say
    what: str  # "content src" or "enclosure"

    @property
    def readable(self) -> bool:
        if not self.media_type:
            return True  # not said: fetched, and read by content
        kind, _, subtype = self.media_type.partition("/")
        return self.media_type in _READABLE_TYPES or (kind == "application" and subtype.endswith(("+xml", "+json")))


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
    link = _page_link(entry)
    name = entry.get("id") or link or f"{url}#entry-{number}"
    # dict.get: feedparser's own get() answers a missing `updated_parsed` with
    # `published_parsed` and a DeprecationWarning, at every RSS item.
    updated = _when(dict.get(entry, "updated_parsed") or dict.get(entry, "published_parsed"))
    content = next((part for part in entry.get("content", []) if part.get("value", "").strip()), None)
    if content is None:
        # Copy elsewhere: what the entry names as its copy comes before its page (a summary
        # beside either is the teaser).
        attachments = _attachments(entry, url)
        found = next((attachment for attachment in attachments if attachment.readable), None)
        if found is not None:
            return FeedEntry(name=found.address, link=found.address, updated=updated, linked_as=found.what)
        if link:
            return FeedEntry(name=link, link=link, updated=updated)
        if attachments and not entry.get("summary", "").strip():
            return FeedEntry(name=name, updated=updated, refusal=_not_read(name, attachments))
    content = content or entry.get("summary_detail") or {}
    data = _as_html(entry.get("title", ""), content.get("value", ""), content.get("type", ""))
    return FeedEntry(name=name, item_id=name, data=data, updated=updated)


def _page_link(entry: Any) -> str:
    link = entry.get("link", "")
    # feedparser stands an entry's id in for a link it lacks (an RSS guid is a permalink
    # unless it says otherwise); an id that is no web address (urn:...) is no page.
    if entry.get("guidislink") and link == entry.get("id") and urlsplit(link).scheme not in ("http", "https"):
        return ""
    return link


def _attachments(entry: Any, url: str) -> list[_Attachment]:
    """Where the entry says its copy is, in the feed's order: Atom content out of line, then
    its enclosures. feedparser leaves `src`, and an RSS enclosure's url, unresolved."""
    found = [
        _Attachment(urljoin(part.get("base") or url, part["src"]), _media_type(part.get("type")), "content src")
        for part in entry.get("content", [])
        if part.get("src")
    ]
    found += [
        _Attachment(urljoin(url, enclosure["href"]), _media_type(enclosure.get("type")), "enclosure")
        for enclosure in entry.get("enclosures", [])
        if enclosure.get("href")
    ]
    return found


def _media_type(declared: Any) -> str:
    return str(declared or "").split(";")[0].strip().lower()


def _not_read(name: str, attachments: list[_Attachment]) -> str:
    readers = "not copy the desk reads (HTML, NITF, NewsML-G2, ninjs or plain text)"
    if len(attachments) == 1:
        (only,) = attachments
        return f"{name}: its {only.what} {shown_name(only.address)} is {only.media_type}, {readers}; not fetched."
    kinds = ", ".join(sorted({attachment.media_type for attachment in attachments}))
    return f"{name}: its {len(attachments)} attachments ({kinds}) are {readers}; none fetched."


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
