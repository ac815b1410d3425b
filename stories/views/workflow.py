"""The article's workflow steps and its versions: history, diff, restore."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from stories.access import get_article_for_reviewer, get_article_version, get_story_for_composer
from stories.analysis import SourceText, compare_sources, to_json
from stories.compare_page import build_compare_page, version_head
from stories.decorators import desk_login_required
from stories.forms import ReasonForm, VersionPairForm
from stories.http import AuthenticatedHttpRequest
from stories.services import review
from stories.services.compose import ComposeError, article_for, restore_version

STEPS = {
    "submit": lambda article, by, reason: review.submit_for_review(article=article, by=by),
    "approve": lambda article, by, reason: review.approve(article=article, by=by),
    "reject": lambda article, by, reason: review.reject(article=article, by=by, comment=reason),
    "publish": lambda article, by, reason: review.publish(article=article, by=by),
    "withdraw": lambda article, by, reason: review.withdraw(article=article, by=by, reason=reason),
}
DONE = {
    "submit": "Submitted for review.",
    "approve": "Approved.",
    "reject": "Sent back to draft.",
    "publish": "Published.",
    "withdraw": "Withdrawn.",
}


@desk_login_required
@require_POST
def workflow_step(request: AuthenticatedHttpRequest, story_id: int, step: str) -> HttpResponse:
    """Submit, approve, reject, publish or withdraw the story's article."""
    if step not in STEPS:
        raise Http404("No such step.")
    article = get_article_for_reviewer(request.user, story_id)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        STEPS[step](article, request.user, reason)
    except review.WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, DONE[step])
    return redirect("stories:compose", story_id)


@desk_login_required
@require_GET
def versions(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    article = get_article_for_reviewer(request.user, story_id)
    history = article.versions.select_related("created_by").order_by("-number")
    return render(request, "stories/versions.html", {"story": article.story, "article": article, "versions": history})


@desk_login_required
@require_GET
def version_diff(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    """Two versions of the article side by side, in the same view as sources."""
    article = get_article_for_reviewer(request.user, story_id)
    form = VersionPairForm(request.GET)
    if not form.is_valid():
        messages.error(request, "Choose two versions to compare.")
        return redirect("stories:versions", story_id)
    pair = [get_article_version(article, form.cleaned_data[side]) for side in ("a", "b")]
    texts = [SourceText(f"Version {v.number}", v.headline + "\n\n" + v.body) for v in pair]
    page = build_compare_page(to_json(compare_sources(texts)), [version_head(v) for v in pair])
    context = {"story": article.story, "article": article, "page": page, "pair": pair, "show_repeats": True}
    return render(request, "stories/version_diff.html", context)


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
