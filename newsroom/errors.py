"""Error pages that say what went wrong in the desk's words."""

from django.conf import settings
from django.core.exceptions import TooManyFilesSent
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """400. An upload of more files than the limit is refused by Django while it reads the
    request, before any form can speak: this page says the limit and what to do instead."""
    context = {}
    if isinstance(exception, TooManyFilesSent):
        context = {
            "most_files": settings.NEWSROOM_MAX_FILES_PER_UPLOAD,
            "most_in_archive": settings.NEWSROOM_MAX_FILES_PER_ARCHIVE,
        }
    return render(request, "400.html", context, status=400)
