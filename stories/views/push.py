"""`POST /api/ingest/`: an agency pushes one file, or a zip archive of files, with its feed's
token (`Authorization: Bearer TOKEN`), and hears each item's outcome as JSON: one file's at
once, a zip archive's from its batch (`GET /api/ingest/batches/ID/`, the same token), since
its files are queued for the task workers and the answer does not wait for them.

No session and no CSRF token: the bearer token is the credential, and a browser never
sends it by itself. The body is the file's bytes as they are (`curl --data-binary`), named
by `Content-Disposition: attachment; filename="..."` or `X-Filename`. The body is bounded
twice: by its declared length before anything reads it (`newsroom.limits`), and here, read
no further than the limit of what it turns out to be, a zip archive or one file.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import unquote

from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.http import parse_header_parameters
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from stories.access import PushDenied, get_token_for_push
from stories.ingest.archive import is_zip
from stories.ingest.decode import readable_size
from stories.ingest.names import shown_name
from stories.models import FeedToken, UploadBatch
from stories.services.batches import UploadInterrupted
from stories.services.feeds import note_token_used, record_failed_push, take_in_push
from stories.services.ingest import IncomingCopy, IngestResult, read_upload, size_limit


class PushRefused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


@csrf_exempt
@require_POST
def push(request: HttpRequest) -> JsonResponse:
    """Take in the pushed file or zip archive; one entry per item in the answer."""
    token = _token(request)
    if not isinstance(token, FeedToken):
        return token
    feed = token.feed
    try:
        copy = _pushed_copy(request)
        report = take_in_push(feed=feed, copy=copy)
    except PushRefused as refused:
        record_failed_push(feed, refused.message)
        return _refusal(refused.status, refused.message)
    except UploadInterrupted as interrupted:
        return JsonResponse({"error": interrupted.message, "items": _items(interrupted.taken_in)}, status=503)
    if report.batch is not None:
        return JsonResponse(_batch_answer(request, report.batch), status=202)
    answer = {"items": _items(report.results)}
    if report.unreadable:
        return JsonResponse({"error": report.unreadable, **answer}, status=400)
    return JsonResponse(answer)


@require_GET
def pushed_batch(request: HttpRequest, batch_id: int) -> JsonResponse:
    """How far the feed's queued zip archive has got, and each item's outcome so far."""
    token = _token(request)
    if not isinstance(token, FeedToken):
        return token
    batch = UploadBatch.objects.filter(pk=batch_id, feed=token.feed).first()
    if batch is None:
        return _refusal(404, f"The feed “{token.feed.name}” pushed no batch {batch_id}.")
    return JsonResponse(_batch_answer(request, batch))


def _token(request: HttpRequest) -> FeedToken | JsonResponse:
    """The request's live push token (its use noted), or the answer refusing it."""
    try:
        token = get_token_for_push(_bearer_token(request))
    except PushDenied as denied:
        return _refusal(denied.status, denied.message, headers={"WWW-Authenticate": 'Bearer realm="newsroom"'})
    note_token_used(token)
    return token


def _batch_answer(request: HttpRequest, batch: UploadBatch) -> dict:
    link = request.build_absolute_uri(reverse("stories:pushed_batch", args=[batch.pk]))
    return {
        "batch": batch.pk,
        "url": link,
        "status": batch.status,
        "total": batch.total,
        "processed": batch.processed,
        "items": batch.results,
    }


def _pushed_copy(request: HttpRequest) -> IncomingCopy:
    """The body as one named file, or PushRefused saying what is wrong with it."""
    name = _pushed_name(request)
    if not name:
        raise PushRefused(400, 'Name the file: send `Content-Disposition: attachment; filename="…"` or `X-Filename`.')
    if request.content_type == "multipart/form-data":
        message = f"{shown_name(name)}: send the file's bytes as the body (curl --data-binary), not a form."
        raise PushRefused(400, message)
    data = read_upload(request)
    if not data:
        raise PushRefused(400, f"{shown_name(name)}: the body is empty; nothing was stored.")
    limit = size_limit(data)
    if len(data) > limit:
        what = "a zip archive" if is_zip(name, data) else "one file"
        message = f"{shown_name(name)}: more than the {readable_size(limit)} limit for {what}; nothing was stored."
        raise PushRefused(413, message)
    return IncomingCopy(name, data)


def _pushed_name(request: HttpRequest) -> str:
    """The file's name from the request's headers, without any folder it names."""
    name = ""
    if "Content-Disposition" in request.headers:
        name = parse_header_parameters(request.headers["Content-Disposition"])[1].get("filename", "")
    name = name or unquote(request.headers.get("X-Filename", ""))
    return PurePosixPath(name.replace("\\", "/")).name.strip()[:255]


def _bearer_token(request: HttpRequest) -> str:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def _items(results: list[IngestResult]) -> list[dict]:
    return [
        {
            "name": result.name,
            "outcome": result.outcome,
            "message": result.message,
            "story": result.version.source.story_id if result.version is not None else None,
        }
        for result in results
    ]


def _refusal(status: int, message: str, headers: dict[str, str] | None = None) -> JsonResponse:
    return JsonResponse({"error": message}, status=status, headers=headers)
