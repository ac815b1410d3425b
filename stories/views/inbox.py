from datetime import datetime

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from stories.access import may_regroup, require_reviewer
from stories.decorators import desk_login_required
from stories.forms import InboxFilterForm
from stories.http import AuthenticatedHttpRequest
from stories.inbox_counts import counts_of, poll_seconds
from stories.models import Provider, Story
from stories.queries import GROUPING_CHANGES_HOURS, grouping_changes, inbox_rows, inbox_stories, open_merge_offers

STORIES_PER_PAGE = 25


@desk_login_required
@require_GET
@vary_on_headers("HX-Request")
def inbox(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The desk's stories, newest copy first, below the merges grouping offers (to those who
    may merge); htmx swaps only the list when a filter changes."""
    require_reviewer(request.user)
    form = InboxFilterForm(request.GET)
    stories = inbox_stories(request.user, **form.filters())
    page = Paginator(stories, STORIES_PER_PAGE).get_page(request.GET.get("page"))
    rows = inbox_rows(list(page.object_list), request.user)
    template = "stories/inbox.html#story-list" if request.htmx else "stories/inbox.html"
    context = {
        "page": page,
        "rows": rows,
        "form": form,
        "providers": Provider.objects.only("name").order_by("name"),
        "poll": _poll([row.story for row in rows if row.counts.waiting]),
    }
    if not request.htmx and may_regroup(request.user):
        context["offers"], context["offers_total"] = open_merge_offers()
        context["grouping_changes"], context["grouping_hours"] = grouping_changes(), GROUPING_CHANGES_HOURS
    return render(request, template, context)


@desk_login_required
@require_GET
def inbox_counts(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The counts of the inbox's stories whose analysis was waiting (`?story=ID&story=ID`, a
    page's at most), each swapped into its row (htmx, out of band), and the next ask while any
    still waits. One query; nothing is analysed here."""
    require_reviewer(request.user)
    ids = [int(value) for value in request.GET.getlist("story")[:STORIES_PER_PAGE] if value.isdigit()]
    stories = list(
        Story.objects.filter(pk__in=ids)
        .select_related("analysis")
        .only("analysis_due_at", "analysis__repeat_count", "analysis__conflict_count")
    )
    now = timezone.now()
    updates = [counts_of(story, now) for story in stories]
    waiting = [story for story, counts in zip(stories, updates, strict=True) if counts.waiting]
    return render(request, "stories/inbox.html#counts-update", {"updates": updates, "poll": _poll(waiting, now)})


def _poll(waiting: list[Story], now: datetime | None = None) -> dict | None:
    """The page's next ask for its waiting stories' counts: its address and when, or None."""
    seconds = poll_seconds(waiting, now or timezone.now())
    if seconds is None:
        return None
    query = urlencode([("story", story.pk) for story in waiting])
    return {"url": f"{reverse('stories:inbox_counts')}?{query}", "seconds": seconds}
