"""Moving a source to another story (or one of its own) and merging stories: POST only,
back to a story page with a message saying what happened."""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from stories.access import get_story_for_user
from stories.decorators import desk_login_required
from stories.forms import MergeStoryForm, MoveSourceForm
from stories.http import AuthenticatedHttpRequest
from stories.models import Source, Story
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

    def change(chosen: dict) -> tuple[Story, str]:
        now_in = move_source(source=source, to_story=chosen["to_story"], by=request.user)
        return story, f"Moved {source.provider} · {source.item_id} to “{now_in.headline}”."

    form = MoveSourceForm(request.POST, story=story)
    return _regroup(request, story, form, "Choose a story that is still open, or a new story of its own.", change)


@desk_login_required
@require_POST
def merge(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    story = get_story_for_user(request.user, story_id)
    _require_regrouper(request)

    def change(chosen: dict) -> tuple[Story, str]:
        into = merge_stories(story=story, into=chosen["into"], by=request.user)
        return into, f"Merged “{story.headline}” into this story."

    form = MergeStoryForm(request.POST, story=story)
    return _regroup(request, story, form, "Choose the open story to merge this one into.", change)


def _regroup(
    request: AuthenticatedHttpRequest,
    story: Story,
    form: forms.Form,
    bad_choice: str,
    change: Callable[[dict], tuple[Story, str]],
) -> HttpResponse:
    """Carry out the change the form chose; say what happened, or why nothing did, on the
    page of the story to show next."""
    if not form.is_valid():
        messages.error(request, bad_choice)
        return redirect("stories:story", story.pk)
    try:
        shown, done = change(form.cleaned_data)
    except RegroupError as error:
        messages.error(request, str(error))
        return redirect("stories:story", story.pk)
    messages.success(request, done)
    return redirect("stories:story", shown.pk)
