"""Reading a pulled feed, and the items it links to, over HTTP, bounded: http and https
addresses only, one deadline for the whole answer (redirects and a slow trickle of bytes
included), a size past which reading stops, a few redirects and each to http(s) again, and
the feed's validators sent back (ETag, Last-Modified) so an unchanged feed answers 304.

No Django here: the caller passes the limits (`stories.services.pull_feeds` reads them
from the settings)."""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3

from stories.ingest.decode import readable_size
from stories.ingest.names import shown_name

USER_AGENT = "NewsroomReview-feed-reader/1"
REDIRECTS = frozenset([301, 302, 303, 307, 308])
CHUNK = 64 * 1024

# One pool for the process: connections to a feed's host are kept for its linked items.
# urllib3 retries nothing and follows no redirect itself: `fetch` checks each hop.
_POOL = urllib3.PoolManager(retries=False, headers={"User-Agent": USER_AGENT})


@dataclass(frozen=True)
class FetchLimits:
    timeout: float  # seconds for the whole answer, redirects included
    max_bytes: int  # reading stops past this many (decoded) bytes
    max_redirects: int
    # Whether an address the feed's copy names (a linked item, a redirect) may be on this
    # machine or a private network. The feed's own address, which an admin typed, always may.
    private_addresses: bool = False


@dataclass(frozen=True)
class Fetched:
    url: str  # where the answer came from, after any redirects
    status: int  # 200 (or another 2xx), or 304: not modified since the validators sent
    body: bytes = b""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchFailed(Exception):
    """The address could not be read; the message names it and says why."""


def fetch(url: str, limits: FetchLimits, *, etag: str = "", last_modified: str = "", trusted: bool = False) -> Fetched:
    """GET `url` within `limits`, following at most `limits.max_redirects` redirects to
    http(s) addresses. Raises `FetchFailed` for anything but a whole 2xx answer or a 304.
    `trusted`: `url` is one an admin gave (a feed's address), so it may be private."""
    deadline = time.monotonic() + limits.timeout
    headers = {"Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    address = url
    for hop in range(limits.max_redirects + 1):
        _check_scheme(url, address)
        if not limits.private_addresses and not (hop == 0 and trusted):
            _check_public(url, address)
        response = _request(address, headers, deadline, limits)
        if response.status not in REDIRECTS:
            return _answer(address, response, deadline, limits)
        response.close()
        location = response.headers.get("Location", "")
        if not location:
            raise FetchFailed(f"{_shown(address)}: a redirect ({response.status}) that says nowhere to go.")
        address = urljoin(address, location.strip())
    raise FetchFailed(f"{_shown(url)}: more than {limits.max_redirects} redirects (a loop?); not followed further.")


def _check_scheme(url: str, address: str) -> None:
    parts = urlsplit(address)
    if parts.scheme in ("http", "https") and parts.hostname:
        return
    if address == url:
        raise FetchFailed(f"{_shown(url)}: only http:// and https:// addresses are read.")
    raise FetchFailed(f"{_shown(url)}: redirected to {_shown(address)}; only http:// and https:// addresses are read.")


def _check_public(url: str, address: str) -> None:
    """Refuse an address that resolves to this machine, a private network, link-local
    (cloud metadata services) or any other non-public address: a feed's copy must not make
    the desk fetch from inside its own network. (The name is resolved again to connect; a
    DNS answer that changes in between is not caught here.)"""
    host = urlsplit(address).hostname or ""
    try:
        found = {str(info[4][0]) for info in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)}
    except (OSError, UnicodeError):
        raise FetchFailed(f"{_shown(address)}: the host name could not be resolved.") from None
    private = sorted(ip for ip in found if not ipaddress.ip_address(ip.split("%")[0]).is_global)
    if private:
        via = "" if address == url else f"redirected to {_shown(address)}, which "
        raise FetchFailed(
            f"{_shown(url)}: {via}resolves to {private[0]}, an address on this machine or a private network; "
            "the desk fetches feeds' links only from public addresses (NEWSROOM_FEED_ALLOW_PRIVATE_ADDRESSES)."
        )


def _request(address: str, headers: dict[str, str], deadline: float, limits: FetchLimits) -> urllib3.BaseHTTPResponse:
    remaining = _remaining(address, deadline, limits)
    try:
        return _POOL.request(
            "GET",
            address,
            headers=headers,
            redirect=False,
            preload_content=False,
            timeout=urllib3.Timeout(connect=remaining, read=remaining),
        )
    except urllib3.exceptions.TimeoutError:
        raise _timed_out(address, limits) from None
    except urllib3.exceptions.HTTPError as error:
        raise FetchFailed(f"{_shown(address)}: could not be read ({_reason(error)}).") from None


def _answer(address: str, response: urllib3.BaseHTTPResponse, deadline: float, limits: FetchLimits) -> Fetched:
    if response.status == 304:
        response.close()
        return Fetched(address, 304)
    if not 200 <= response.status < 300 or response.status == 204:
        response.close()
        raise FetchFailed(f"{_shown(address)}: the server answered {response.status} {response.reason or ''}".rstrip())
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        response.close()
        raise _too_large(address, limits, f"it says it has {readable_size(int(declared))}")
    body = _read_body(address, response, deadline, limits)
    return Fetched(
        address,
        response.status,
        body,
        content_type=response.headers.get("Content-Type", ""),
        etag=response.headers.get("ETag", "")[:500],
        last_modified=response.headers.get("Last-Modified", "")[:100],
    )


def _read_body(address: str, response: urllib3.BaseHTTPResponse, deadline: float, limits: FetchLimits) -> bytes:
    """The body, one socket read at a time (`read1`), so neither a trickle of bytes nor a
    body that goes on for ever holds the reader past the deadline or the size limit."""
    chunks: list[bytes] = []
    size = 0
    try:
        while chunk := response.read1(CHUNK):
            size += len(chunk)
            if size > limits.max_bytes:
                raise _too_large(address, limits, "reading stopped there")
            chunks.append(chunk)
            _remaining(address, deadline, limits)
    except urllib3.exceptions.TimeoutError:
        raise _timed_out(address, limits) from None
    except urllib3.exceptions.HTTPError as error:
        raise FetchFailed(f"{_shown(address)}: the answer broke off ({_reason(error)}).") from None
    finally:
        response.close()
    return b"".join(chunks)


def _remaining(address: str, deadline: float, limits: FetchLimits) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise _timed_out(address, limits)
    return remaining


def _timed_out(address: str, limits: FetchLimits) -> FetchFailed:
    return FetchFailed(f"{_shown(address)}: no whole answer within {limits.timeout:g} seconds.")


def _too_large(address: str, limits: FetchLimits, detail: str) -> FetchFailed:
    return FetchFailed(f"{_shown(address)}: the answer is over the {readable_size(limits.max_bytes)} limit ({detail}).")


def _reason(error: Exception) -> str:
    reason = getattr(error, "reason", None) or error
    return str(reason)[:200]


def _shown(address: str) -> str:
    return shown_name(address)
