"""Login for pages and for the fragments htmx asks for."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django_htmx.http import HttpResponseClientRedirect

from stories.access import may_review


def desk_login_required(view):
    """Like login_required, but an htmx request from a logged-out browser gets a client
    redirect to the login page instead of the login page swapped into a fragment."""
    page_view = login_required(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if getattr(request, "htmx", False) and not request.user.is_authenticated:
            login = redirect_to_login(request.htmx.current_url or request.get_full_path())
            return HttpResponseClientRedirect(login.url)
        return page_view(request, *args, **kwargs)

    return wrapper


def follow_merged_story(view):
    """A merged story's pages lead to the story it was merged into: a GET is redirected to
    the same page there; an action is not carried out, and the editor is sent to the
    story that holds the copy now, with a message. Users who may not review get the view
    itself, which refuses them, so a merge is not revealed to them."""

    @wraps(view)
    def wrapper(request, *args, story_id: int, **kwargs):
        if not may_review(request.user):
            return view(request, *args, story_id=story_id, **kwargs)
        into = _story_merged_into(story_id)
        if into is None:
            return view(request, *args, story_id=story_id, **kwargs)
        if request.method in ("GET", "HEAD"):
            page = reverse(request.resolver_match.view_name, kwargs={**kwargs, "story_id": into.pk})
            query = request.META.get("QUERY_STRING", "")
            return _redirect(request, f"{page}?{query}" if query else page)
        messages.error(request, f"This story was merged into “{into.headline}”; nothing was changed.")
        return _redirect(request, into.get_absolute_url())

    return wrapper


def _story_merged_into(story_id: int):
    """The open story a merged story's copy ended up in (merges can chain), or None."""
    from stories.models import Story

    story = Story.objects.filter(pk=story_id).select_related("merged_into").first()
    seen = set()
    while story is not None and story.merged_into_id is not None and story.pk not in seen:
        seen.add(story.pk)
        story = Story.objects.select_related("merged_into").get(pk=story.merged_into_id)
        if story.merged_into_id is None:
            return story
    return None


def _redirect(request, url: str):
    return HttpResponseClientRedirect(url) if getattr(request, "htmx", False) else redirect(url)
