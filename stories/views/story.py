from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from stories.access import get_story_for_user
from stories.decorators import desk_login_required
from stories.forms import MergeStoryForm, MoveSourceForm
from stories.http import AuthenticatedHttpRequest
from stories.models import AuditEvent, SourceVersion, Story

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
    history = (
        AuditEvent.objects.filter(story__in=_story_and_merged(story))
        .select_related("story")
        .order_by("-created_at", "-pk")[:HISTORY_SHOWN]
    )
    context: dict[str, object] = {"story": story, "sources": sources, "history": history}
    if request.user.has_perm("stories.regroup_story"):
        context |= {"move_form": MoveSourceForm(story=story), "merge_form": MergeStoryForm(story=story)}
    return render(request, "stories/story.html", context)


def _story_and_merged(story: Story) -> list[int]:
    """The story's id and those of the stories merged into it, however many merges back:
    their history is this story's history now."""
    ids, new = {story.pk}, [story.pk]
    while new:
        new = list(Story.objects.filter(merged_into__in=new).exclude(pk__in=ids).values_list("pk", flat=True))
        ids.update(new)
    return sorted(ids)
