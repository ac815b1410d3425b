"""A real HTTP server on loopback for the pulled-feed tests: Python's http.server in a
thread on 127.0.0.1, a free port, serving the routes a test gives it. No mocked HTTP."""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from stories.models import Feed, FeedKind, Provider


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "application/octet-stream"
    etag: str = ""  # sent, and a request that sends it back (If-None-Match) gets 304
    location: str = ""  # a redirect's target
    delay: float = 0.0  # seconds to wait before answering
    endless: bool = False  # the body goes on (1 MB a write) until the client stops reading


@dataclass
class FeedServer:
    routes: dict[str, Route] = field(default_factory=dict)
    hits: Counter = field(default_factory=Counter)
    conditional_hits: Counter = field(default_factory=Counter)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def start(server: FeedServer) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            server.hits[self.path] += 1
            route = server.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            if route.delay:
                time.sleep(route.delay)
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                server.conditional_hits[self.path] += 1
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(route.status)
            if route.location:
                self.send_header("Location", route.location)
            if route.etag:
                self.send_header("ETag", route.etag)
            self.send_header("Content-Type", route.content_type)
            if route.endless:
                self.end_headers()
                self._send_endlessly()
                return
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)

        def _send_endlessly(self) -> None:
            chunk = b"<p>and on</p>\n" * (1024 * 1024 // 14)
            try:
                for _ in range(64):  # 64 MB at most, should the client read on
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    server.port = httpd.server_address[1]
    threading.Thread(target=httpd.serve_forever, name="feed-server", daemon=True).start()
    return httpd


WIRE = Path(__file__).parents[1] / "ingest" / "wire"  # the project's own invented copy
ATOM = "application/atom+xml"

LIGHTHOUSE = """<p>The keepers' cottage at Rudha Beag lighthouse will open as a bunkhouse for walkers in May,
the island trust said on Monday.</p><p>Eleven bunks, a drying room and a kitchen fill the two cottages,
empty since the light was automated in 1988.</p><p>“Walkers have slept in the lee of the tower for years,”
said the trust's warden, Ishbel Darroch. “Now they can sleep inside.”</p>"""
GOATS = """Feral goats that strayed onto the runway at Sgeir airstrip delayed the morning flight by two hours.

The island council said a new fence along the eastern boundary would be finished before the summer timetable.

No one was hurt, and the goats were led back to the hill by a crofter's collie."""


def entry(entry_id: str, title: str, *, content: str = "", kind: str = "html", link: str = "", src: str = "") -> str:
    """An Atom entry carrying `content`, its copy out of line at `src` (of type `kind`, left
    out when ""), or a teaser beside `link`."""
    body = f'<content type="{kind}"><![CDATA[{content}]]></content>' if content else "<summary>Read on.</summary>"
    if src:
        body = f'<content src="{src}"/>' if not kind else f'<content type="{kind}" src="{src}"/>'
    href = f'<link rel="alternate" href="{link}"/>' if link else ""
    return (
        f"<entry><id>{entry_id}</id><title>{title}</title><updated>2025-03-11T07:00:00Z</updated>{href}{body}</entry>"
    )


def atom(*entries: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<id>urn:test:islands</id><title>Island wire</title><updated>2025-03-11T08:00:00Z</updated>"
        + "".join(entries)
        + "</feed>"
    ).encode()


RSS = "application/rss+xml"


def rss_item(guid: str, title: str, *, enclosures=(), link: str = "", teaser: str = "", copy: str = "") -> str:
    """An RSS item: `enclosures` are (address, declared type); `copy` its content:encoded."""
    parts = [f'<title>{title}</title><guid isPermaLink="false">{guid}</guid>']
    parts += [f"<link>{link}</link>"] if link else []
    parts += [f"<description>{teaser}</description>"] if teaser else []
    parts += [f"<content:encoded><![CDATA[{copy}]]></content:encoded>"] if copy else []
    parts += [f'<enclosure url="{href}" type="{kind}" length="2048"/>' for href, kind in enclosures]
    return f"<item>{''.join(parts)}<pubDate>Tue, 11 Mar 2025 07:00:00 GMT</pubDate></item>"


def rss(*items: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<title>Harbour wire</title><link>https://harbour.example/</link><description>Harbour news</description>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


LINKED = {
    "/items/ferry.html": "ferry-strike.html",
    "/items/ferry.ninjs.json": "ferry-strike.ninjs.json",
    "/items/ferry.nitf.xml": "ferry-strike.nitf.xml",
    "/items/ferry.newsml.xml": "ferry-strike.newsml.xml",
}


def pulled_feed(server, path: str, name: str = "Island wire", interval: int = 300) -> Feed:
    provider = Provider.objects.get_or_create(name="Island Press")[0]
    return Feed.objects.create(
        kind=FeedKind.PULL_HTTP, name=name, provider=provider, address=server.url(path), interval=interval
    )
