from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from stories.access import get_story_for_user
from stories.decorators import desk_login_required, follow_merged_story
from stories.forms import CompareForm
from stories.http import AuthenticatedHttpRequest
from stories.services.analysis import MAX_COMPARED, analyse, keep_for_inbox, short_labels, story_sources
from stories.services.reading import mark_read
from stories.views.compare_page import build_compare_page, source_head


@follow_merged_story
@desk_login_required
@require_GET
@vary_on_headers("HX-Request")
def compare(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    """A story's sources side by side; htmx swaps only the comparison when the choice changes."""
    story = get_story_for_user(request.user, story_id)
    sources = story_sources(story)
    form = CompareForm(request.GET, sources=sources)
    selection = form.selection()
    for error in form.errors.get("sources", []):
        messages.warning(request, str(error))
    analysis = analyse(story=story, sources=selection)
    keep_for_inbox(story, analysis, shown=selection, sources=sources)
    labels = short_labels(sources)
    heads = [source_head(source, labels[source.pk]) for source in selection]
    settlements = {settlement.key: settlement for settlement in story.settlements.select_related("settled_by")}
    chosen = form.chosen_conflict()
    page = build_compare_page(analysis.comparison, heads, chosen_conflict=chosen, settlements=settlements)
    mark_read(user=request.user, story=story)
    left_out = [labels[source.pk] for source in sources if source not in selection]
    context = {
        "story": story,
        "form": form,
        "page": page,
        "show_repeats": form.show_repeats(),
        "only_differences": form.only_differences(),
        "shown_rows": page.shown_rows(form.only_differences()),
        "left_out": left_out,
        "most": MAX_COMPARED,
    }
    template = "stories/compare.html#comparison" if request.htmx else "stories/compare.html"
    return render(request, template, context)
