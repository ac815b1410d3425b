"""A line in the log for every request, and the request's id on every line it causes.

The id is the proxy's `X-Request-ID` when it sends one (nginx: `proxy_set_header
X-Request-ID $request_id;`), else a new one; it goes back in the response's `X-Request-ID`
so that a user's report and the log can be matched.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

_request_id: ContextVar[str] = ContextVar("request_id", default="-")
_user: ContextVar[str] = ContextVar("user", default="-")
_GOOD_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
log = logging.getLogger("newsroom.requests")


class RequestLog:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = given if _GOOD_ID.fullmatch(given) else uuid.uuid4().hex[:16]
        id_token, user_token = _request_id.set(request_id), _user.set("-")
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                _user.set(user.get_username())
            response["X-Request-ID"] = request_id
            duration = (time.perf_counter() - started) * 1000
            log.info("%s %s %s %.0fms", request.method, _printable(request.path), response.status_code, duration)
            return response
        finally:
            _request_id.reset(id_token)
            _user.reset(user_token)


class RequestContext(logging.Filter):
    """Adds the request's id and user to every record logged while it is served."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _request_id.get()
        record.user = _user.get()
        return True


def _printable(path: str) -> str:
    """A path fit for one log line: no line breaks or control characters from the visitor."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in path)[:300]
