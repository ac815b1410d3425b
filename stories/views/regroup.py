"""Moving a source to another story (or one of its own) and merging stories: POST only,
back to a story page with a message saying what happened."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from stories.access import get_story_for_user
from stories.decorators import desk_login_required
from stories.forms import MergeStoryForm, MoveSourceForm
from stories.http import AuthenticatedHttpRequest
from stories.models import Source
from stories.services.regroup import RegroupError, merge_stories, move_source


def _require_regrouper(request: AuthenticatedHttpRequest) -> None:
    if not request.user.has_perm("stories.regroup_story"):
        raise PermissionDenied("You may not move sources or merge stories.")


@desk_login_required
@require_POST
def move(request: AuthenticatedHttpRequest, story_id: int, source_id: int) -> HttpResponse:
    story = get_story_for_user(request.user, story_id)
    _require_regrouper(request)
    source = get_object_or_404(Source.objects.select_related("provider"), pk=source_id, story=story)
    form = MoveSourceForm(request.POST, story=story)
    if not form.is_valid():
        messages.error(request, "Choose a story that is still open, or a new story of its own.")
        return redirect("stories:story", story.pk)
    try:
        now_in = move_source(source=source, to_story=form.cleaned_data["to_story"], by=request.user)
    except RegroupError as error:
        messages.error(request, str(error))
        return redirect("stories:story", story.pk)
    messages.success(request, f"Moved {source.provider} · {source.item_id} to “{now_in.headline}”.")
    return redirect("stories:story", story.pk)


@desk_login_required
@require_POST
def merge(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    story = get_story_for_user(request.user, story_id)
    _require_regrouper(request)
    form = MergeStoryForm(request.POST, story=story)
    if not form.is_valid():
        messages.error(request, "Choose the open story to merge this one into.")
        return redirect("stories:story", story.pk)
    try:
        into = merge_stories(story=story, into=form.cleaned_data["into"], by=request.user)
    except RegroupError as error:
        messages.error(request, str(error))
        return redirect("stories:story", story.pk)
    messages.success(request, f"Merged “{story.headline}” into this story.")
    return redirect("stories:story", into.pk)
