from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from stories.access import get_story_for_user
from stories.decorators import desk_login_required
from stories.http import AuthenticatedHttpRequest
from stories.models import AuditEvent, SourceVersion

HISTORY_SHOWN = 200


@desk_login_required
@require_GET
def story_detail(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    """A story's sources, each with the copy received for it, and the story's history."""
    story = get_story_for_user(request.user, story_id)
    versions = SourceVersion.objects.defer("original").order_by("-number")
    sources = story.sources.select_related("provider").prefetch_related(
        Prefetch("versions", queryset=versions, to_attr="newest_first")
    )
    history = AuditEvent.objects.filter(story=story).order_by("-created_at", "-pk")[:HISTORY_SHOWN]
    return render(request, "stories/story.html", {"story": story, "sources": sources, "history": history})
