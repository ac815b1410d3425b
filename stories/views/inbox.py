from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from stories.access import may_regroup, require_reviewer
from stories.decorators import desk_login_required
from stories.forms import InboxFilterForm
from stories.http import AuthenticatedHttpRequest
from stories.models import Provider
from stories.queries import inbox_rows, inbox_stories, open_merge_offers

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
    context = {"page": page, "rows": rows, "form": form, "providers": Provider.objects.only("name").order_by("name")}
    if not request.htmx and may_regroup(request.user):
        context["offers"], context["offers_total"] = open_merge_offers()
    return render(request, template, context)
