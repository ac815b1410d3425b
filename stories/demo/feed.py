"""A demo feed the desk serves itself, so `make run` shows copy arriving with nobody
uploading it: an Atom feed at /demo/feed.atom that `manage.py load_demo --feed-port PORT`
subscribes a pulled feed to, and `manage.py run_feeds` (started by `make run`) polls.

Its items are the project's own demo copy (`demo/copy/feed/`, fictional), released one
every NEWSROOM_DEMO_FEED_STEP_SECONDS from the server's first answer: a story, another
story, then the first one filed again with changed figures, under the same entry id (the
source's version 2, with its conflicts to settle). Served only when NEWSROOM_DEMO_FEED is
on (the default with DEBUG); 404 otherwise.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.feedgenerator import Atom1Feed

FEED_COPY = Path(__file__).resolve().parent / "copy" / "feed"
# (entry id, file): released in this order; a later file of the same id replaces the earlier.
RELEASES = [
    ("tarnby-pass", "1-pass-closed.txt"),
    ("kvist-library", "2-library.txt"),
    ("tarnby-pass", "3-pass-closed-update.txt"),
]
_first_answer: float | None = None  # when this process first served the feed


@dataclass(frozen=True)
class DemoItem:
    entry_id: str
    headline: str
    body: str  # paragraphs, a blank line between
    released_at: datetime


def released_items(elapsed: float, step: float, started: float) -> list[DemoItem]:
    """The feed's items `elapsed` seconds after its first answer: one more every `step`
    seconds, the newest release of each entry id, in the order the ids first came."""
    items: dict[str, DemoItem] = {}
    for number, (entry_id, name) in enumerate(RELEASES):
        if number * step > elapsed:
            break
        lines = [line.strip() for line in (FEED_COPY / name).read_text(encoding="utf-8").splitlines() if line.strip()]
        released_at = datetime.fromtimestamp(started + number * step, tz=UTC)
        items[entry_id] = DemoItem(entry_id, lines[0], "\n\n".join(lines[1:]), released_at)
    return list(items.values())


class _AtomWithContent(Atom1Feed):
    """Django's Atom writer, each entry carrying its copy as plain-text `content`."""

    def add_item_elements(self, handler, item) -> None:  # type: ignore[no-untyped-def]
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content"], {"type": "text"})


def demo_feed(request: HttpRequest) -> HttpResponse:
    if not settings.NEWSROOM_DEMO_FEED:
        raise Http404("No demo feed here.")
    global _first_answer
    now = time.time()
    _first_answer = _first_answer or now
    items = released_items(now - _first_answer, settings.NEWSROOM_DEMO_FEED_STEP_SECONDS, _first_answer)
    feed = _AtomWithContent(
        title="Demo Wire",
        link=request.build_absolute_uri("/demo/feed.atom"),
        description="The desk's own demo copy, a little at a time.",
        feed_guid="tag:newsroom-review.invalid,2026:demo-wire",
    )
    for item in items:
        feed.add_item(
            title=item.headline,
            link=request.build_absolute_uri(f"/demo/feed.atom#{item.entry_id}"),
            description="",
            unique_id=f"tag:newsroom-review.invalid,2026:demo-wire/{item.entry_id}",
            updateddate=item.released_at,
            pubdate=item.released_at,
            content=item.body,
        )
    return HttpResponse(feed.writeString("utf-8"), content_type="application/atom+xml; charset=utf-8")
