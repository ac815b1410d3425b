"""The article's workflow steps and its versions: history, diff, restore."""

from django.contrib import messages
from django.contrib.auth.models import User
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from stories.access import (
    get_article_for_reviewer,
    get_article_version,
    get_story_for_composer,
    require_step_permission,
)
from stories.analysis import SourceText, compare_sources
from stories.decorators import desk_login_required, follow_merged_story
from stories.forms import VersionPairForm, WorkflowForm
from stories.http import AuthenticatedHttpRequest
from stories.models import Article
from stories.services import review
from stories.services.compose import ComposeError, article_for, restore_version
from stories.views.compare_page import build_compare_page, version_head
from stories.views.composer import composer_context

DONE = {
    "submit": "Submitted for review.",
    "approve": "Approved.",
    "reject": "Sent back to draft.",
    "publish": "Published.",
    "withdraw": "Withdrawn.",
}


@follow_merged_story
@desk_login_required
@require_POST
def workflow_step(request: AuthenticatedHttpRequest, story_id: int, step: str) -> HttpResponse:
    """Submit, approve, send back, publish or withdraw the version the person was shown."""
    if step not in DONE:
        raise Http404("No such step.")
    article = get_article_for_reviewer(request.user, story_id)
    require_step_permission(step, request.user)
    form = WorkflowForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, str(errors[0]))
        return redirect("stories:compose", story_id)
    try:
        _carry_out(step, article, request.user, form.cleaned_data["version"], form.cleaned_data["reason"])
    except review.MovedOn as moved:
        context = composer_context(request, article.story, moved_on=moved)
        return render(request, "stories/compose.html", context, status=409)
    except review.WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, DONE[step])
    return redirect("stories:compose", story_id)


def _carry_out(step: str, article: Article, by: User, seen: int, reason: str) -> None:
    if step == "submit":
        review.submit_for_review(article=article, by=by, seen=seen)
    elif step == "approve":
        review.approve(article=article, by=by, seen=seen)
    elif step == "reject":
        review.reject(article=article, by=by, seen=seen, comment=reason)
    elif step == "publish":
        review.publish(article=article, by=by, seen=seen)
    else:
        review.withdraw(article=article, by=by, seen=seen, reason=reason)


@follow_merged_story
@desk_login_required
@require_GET
def versions(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    article = get_article_for_reviewer(request.user, story_id)
    history = article.versions.select_related("created_by", "based_on", "merged_with").order_by("-number")
    return render(request, "stories/versions.html", {"story": article.story, "article": article, "versions": history})


@follow_merged_story
@desk_login_required
@require_GET
@vary_on_headers("HX-Request")
def version_diff(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    """Two versions of the article side by side, in the same view as sources; htmx (a
    conflict chosen) gets the grid alone."""
    article = get_article_for_reviewer(request.user, story_id)
    form = VersionPairForm(request.GET)
    if not form.is_valid():
        messages.error(request, "Choose two versions to compare.")
        return redirect("stories:versions", story_id)
    pair = [get_article_version(article, form.cleaned_data[side]) for side in ("a", "b")]
    texts = [SourceText(f"Version {v.number}", v.headline + "\n\n" + v.body) for v in pair]
    heads = [version_head(version) for version in pair]
    page = build_compare_page(compare_sources(texts), heads, chosen_conflict=form.cleaned_data["conflict"])
    context = {
        "story": article.story,
        "page": page,
        "show_repeats": True,
        "heading": f"Version {pair[0].number} and version {pair[1].number}",
        "back": (reverse("stories:versions", args=[story_id]), "Versions"),
    }
    return render(request, pair_template(request), context)


def pair_template(request: AuthenticatedHttpRequest) -> str:
    return "stories/pair_diff.html#comparison" if request.htmx else "stories/pair_diff.html"


@follow_merged_story
@desk_login_required
@require_POST
def restore(request: AuthenticatedHttpRequest, story_id: int, number: int) -> HttpResponse:
    story = get_story_for_composer(request.user, story_id)
    version = get_article_version(article_for(story), number)
    try:
        restored = restore_version(version=version, by=request.user)
    except ComposeError as error:
        messages.error(request, str(error))
        return redirect("stories:versions", story_id)
    messages.success(request, f"Version {number} restored as version {restored.number}.")
    return redirect("stories:compose", story_id)
