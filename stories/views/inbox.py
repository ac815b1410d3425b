from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from stories.access import require_reviewer
from stories.models import Story

STORIES_PER_PAGE = 25


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    """The desk's stories, the most recently received first."""
    require_reviewer(request.user)
    stories = Story.objects.annotate(source_count=Count("sources")).order_by("-last_received_at", "-pk")
    page = Paginator(stories, STORIES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "stories/inbox.html", {"page": page})
