"""Moving a source to another story (or one of its own) and merging stories: a move is
asked for (GET, a page to confirm it) and then done (POST); each ends on a story page
with a message that says what happened and links the story it made or changed."""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_http_methods, require_POST

from stories.access import get_story_for_regrouper
from stories.decorators import desk_login_required
from stories.forms import MergeStoryForm, MoveSourceForm
from stories.http import AuthenticatedHttpRequest
from stories.models import Source, Story
from stories.services.regroup import RegroupError, merge_stories, move_source

BAD_MOVE = "Choose where to move the source: a story that is still open, or a new story of its own."


@desk_login_required
@require_http_methods(["GET", "POST"])
def move(request: AuthenticatedHttpRequest, story_id: int, source_id: int) -> HttpResponse:
    """GET: the move chosen on the story page, to confirm; POST: the move done."""
    story = get_story_for_regrouper(request.user, story_id)
    source = get_object_or_404(Source.objects.select_related("provider"), pk=source_id, story=story)
    if request.method == "GET":
        form = MoveSourceForm(request.GET, story=story)
        if not form.is_valid():
            messages.error(request, BAD_MOVE)
            return redirect("stories:story", story.pk)
        context = {"story": story, "source": source, "to_story": form.cleaned_data["to_story"], "form": form}
        return TemplateResponse(request, "stories/confirm_move.html", context)

    def change(chosen: dict) -> tuple[Story, str]:
        now_in = move_source(source=source, to_story=chosen["to_story"], by=request.user)
        where = "a new story of its own" if chosen["to_story"] is None else "the story"
        return story, format_html(
            'Moved {} · {} to {}: <a href="{}">#{} {}</a>.',
            source.provider,
            source.item_id,
            where,
            reverse("stories:story", args=[now_in.pk]),
            now_in.pk,
            now_in.headline,
        )

    form = MoveSourceForm(request.POST, story=story)
    return _regroup(request, story, form, BAD_MOVE, change)


@desk_login_required
@require_POST
def merge(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    story = get_story_for_regrouper(request.user, story_id)

    def change(chosen: dict) -> tuple[Story, str]:
        into = merge_stories(story=story, into=chosen["into"], by=request.user)
        return into, f"Merged #{story.pk} “{story.headline}” into this story."

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
