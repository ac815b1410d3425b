from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from stories.access import get_story_for_user
from stories.models import SourceVersion


@login_required
@require_GET
def story_detail(request: HttpRequest, story_id: int) -> HttpResponse:
    """A story's sources, each with the copy received for it."""
    story = get_story_for_user(request.user, story_id)
    versions = SourceVersion.objects.defer("original").order_by("-number")
    sources = story.sources.select_related("provider").prefetch_related(
        Prefetch("versions", queryset=versions, to_attr="newest_first")
    )
    return render(request, "stories/story.html", {"story": story, "sources": sources})
