"""Request bodies bounded before anything reads them, by who sends them and where.

Django bounds the fields of a form it parses (DATA_UPLOAD_MAX_MEMORY_SIZE) but streams
uploaded files to disk whatever their size, before any view checks who is sending them.
This middleware answers 413 from the declared Content-Length alone, before the CSRF check
or a view reads a byte: a small body for anyone not logged in (the login page), an
ordinary form for the desk (a long article's compose form included), the upload limit
only on the upload page and only for someone allowed to upload, and on the push endpoint
(`/api/ingest/`, whose sender has no session but a token the view checks before it reads a
byte) the limit of one zip archive, answered as JSON.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse

UPLOAD_PERMISSION = "stories.ingest_copy"


class RequestBodyLimit:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._upload_paths: frozenset[str] | None = None
        self._push_path: str | None = None

    def __call__(self, request: HttpRequest) -> HttpResponse:
        declared = _declared_length(request)
        if declared is None:
            return HttpResponse("The request's Content-Length is not a number.", status=400, content_type="text/plain")
        limit = self.limit_for(request)
        if declared > limit:
            message = (f"The request is too large: {_size(declared)} where this page takes at most {_size(limit)}."
                       " Nothing was read or stored.")
            if request.path == self.push_path():
                return JsonResponse({"error": message}, status=413)
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

    def limit_for(self, request: HttpRequest) -> int:
        if request.path == self.push_path():
            return max(settings.NEWSROOM_MAX_ARCHIVE_BYTES, settings.NEWSROOM_MAX_COPY_BYTES)
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return settings.NEWSROOM_MAX_ANONYMOUS_BODY_BYTES
        if request.path in self.upload_paths() and user.has_perm(UPLOAD_PERMISSION):
            return settings.NEWSROOM_MAX_UPLOAD_BODY_BYTES
        return settings.NEWSROOM_MAX_FORM_BODY_BYTES

    def upload_paths(self) -> frozenset[str]:
        if self._upload_paths is None:
            self._upload_paths = frozenset({reverse("admin:stories_story_upload")})
        return self._upload_paths


    def push_path(self) -> str:
        if self._push_path is None:
            self._push_path = reverse("stories:push")
        return self._push_path


def _declared_length(request: HttpRequest) -> int | None:
    raw = request.META.get("CONTENT_LENGTH") or "0"
    try:
        return max(0, int(raw))
    except ValueError:
        return None


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MB"
    return f"{max(1, round(count / 1024))} KB"
