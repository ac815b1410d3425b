from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from stories.access import get_story_for_user, may_regroup
from stories.decorators import desk_login_required, follow_merged_story
from stories.forms import MergeStoryForm, MoveSourceForm, VersionPairForm, offered_stories
from stories.http import AuthenticatedHttpRequest
from stories.models import AuditEvent, SourceVersion, Story
from stories.services.analysis import analyse_versions, source_label
from stories.views.compare_page import ColumnHead, build_compare_page
from stories.views.workflow import pair_template

HISTORY_SHOWN = 200


@follow_merged_story
@desk_login_required
@require_GET
def story_detail(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    """A story's sources, each with the copy received for it, and the story's history."""
    story = get_story_for_user(request.user, story_id)
    versions = SourceVersion.objects.defer("original").order_by("-number")
    sources = list(
        story.sources.select_related("provider").prefetch_related(
            Prefetch("versions", queryset=versions, to_attr="newest_first")
        )
    )
    history = (
        AuditEvent.objects.filter(story__in=_story_and_merged(story))
        .select_related("story")
        .order_by("-created_at", "-pk")[:HISTORY_SHOWN]
    )
    regrouper = may_regroup(request.user)
    offered = offered_stories(story) if regrouper and len(sources) > 1 else None
    move_forms = [  # a source is moved only out of a story of two or more
        MoveSourceForm(story=story, offered=offered, auto_id=f"move-{source.pk}-%s") if offered is not None else None
        for source in sources
    ]
    context: dict[str, object] = {"story": story, "sources": list(zip(sources, move_forms)), "history": history}
    if regrouper:
        context["merge_form"] = MergeStoryForm(story=story)
    return render(request, "stories/story.html", context)


@follow_merged_story
@desk_login_required
@require_GET
@vary_on_headers("HX-Request")
def source_versions_diff(request: AuthenticatedHttpRequest, story_id: int, source_id: int) -> HttpResponse:
    """Two versions of one source side by side (a re-filed item: what the agency changed),
    in the grid the compare page uses."""
    story = get_story_for_user(request.user, story_id)
    source = get_object_or_404(story.sources.select_related("provider"), pk=source_id)
    form = VersionPairForm(request.GET)
    if not form.is_valid():
        messages.error(request, "Choose two versions of the source to compare.")
        return redirect("stories:story", story.pk)
    pair = [get_object_or_404(source.versions.defer("original"), number=form.cleaned_data[side]) for side in "ab"]
    labels = [f"{source_label(source)} v{version.number}" for version in pair]
    result = analyse_versions(story=story, versions=pair, labels=labels).comparison
    heads = [ColumnHead(f"{source.provider} · version {v.number}", source.item_id, v.received_at) for v in pair]
    context = {
        "story": story,
        "page": build_compare_page(result, heads, chosen_conflict=form.cleaned_data["conflict"]),
        "show_repeats": True,
        "heading": f"{source}: version {pair[0].number} and version {pair[1].number}",
        "back": (reverse("stories:story", args=[story.pk]), "Sources and versions"),
    }
    return render(request, pair_template(request), context)


def _story_and_merged(story: Story) -> list[int]:
    """The story's id and those of the stories merged into it, however many merges back:
    their history is this story's history now."""
    ids, new = {story.pk}, [story.pk]
    while new:
        new = list(Story.objects.filter(merged_into__in=new).exclude(pk__in=ids).values_list("pk", flat=True))
        ids.update(new)
    return sorted(ids)
