"""The compose page: the editor's working draft, its paragraphs' provenance, a live preview."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from stories.access import get_story_for_composer
from stories.compare_page import inline_diff
from stories.decorators import desk_login_required
from stories.forms import HeadlineForm, ParagraphEditForm, SaveDraftForm
from stories.http import AuthenticatedHttpRequest
from stories.models import ArticleDraft, Story
from stories.services import draft_edits
from stories.services.compose import (
    ComposeError,
    StaleDraft,
    article_for,
    current_analysis,
    draft_for,
    restart_draft,
    save_draft,
)


@desk_login_required
@require_GET
def compose(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    story = get_story_for_composer(request.user, story_id)
    return render(request, "stories/compose.html", composer_context(request, story))


@desk_login_required
@require_POST
@vary_on_headers("HX-Request")
def edit_headline(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    story = get_story_for_composer(request.user, story_id)
    form = HeadlineForm(request.POST)
    draft = _draft(request, story)
    if form.is_valid():
        _apply(request, draft_edits.set_headline, draft, form.cleaned_data["headline"])
    else:
        messages.error(request, str(form.errors["headline"][0]))
    return _composer_response(request, story, draft, partial="preview")


@desk_login_required
@require_POST
@vary_on_headers("HX-Request")
def edit_paragraph(request: AuthenticatedHttpRequest, story_id: int, index: int, action: str) -> HttpResponse:
    """Edit, drop, move or replace one paragraph of the editor's draft."""
    story = get_story_for_composer(request.user, story_id)
    draft = _draft(request, story)
    form = ParagraphEditForm(request.POST)
    if not form.is_valid():
        messages.error(request, "That change was not understood; the page may be out of date.")
    elif action == "edit":
        _apply(request, draft_edits.edit_paragraph, draft, index, form.cleaned_data["text"])
        return _composer_response(request, story, draft, partial="preview", edited=index)
    elif action == "drop":
        _apply(request, draft_edits.drop_paragraph, draft, index)
    elif action == "move":
        _apply(request, draft_edits.move_paragraph, draft, index, form.cleaned_data["step"] or 1)
    elif action == "take":
        _take(request, story, draft, index, form.cleaned_data["choice"])
    return _composer_response(request, story, draft)


@desk_login_required
@require_POST
def restart(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    story = get_story_for_composer(request.user, story_id)
    restart_draft(draft=_draft(request, story))
    messages.success(request, "Your draft starts again from the newest version.")
    return redirect("stories:compose", story.pk)


@desk_login_required
@require_POST
def save(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    """Save the draft as a new version, or say why not and keep it."""
    story = get_story_for_composer(request.user, story_id)
    draft = _draft(request, story)
    form = SaveDraftForm(request.POST)
    if not form.is_valid():
        messages.error(request, "; ".join(str(error) for errors in form.errors.values() for error in errors))
        return redirect("stories:compose", story.pk)
    try:
        version = save_draft(draft=draft, **form.cleaned_data)
    except StaleDraft as stale:
        context = composer_context(request, story, stale=stale)
        return render(request, "stories/compose.html", context, status=409)
    except ComposeError as error:
        messages.error(request, str(error))
        return redirect("stories:compose", story.pk)
    messages.success(request, f"Saved as version {version.number}.")
    return redirect("stories:compose", story.pk)


def composer_context(
    request: AuthenticatedHttpRequest,
    story: Story,
    *,
    draft: ArticleDraft | None = None,
    stale: StaleDraft | None = None,
    with_alternatives: bool = True,
) -> dict:
    """What the compose page shows. The preview alone (refreshed as the editor types) needs
    no analysis, so `with_alternatives=False` leaves the other sources' passages out."""
    article = draft.article if draft is not None else article_for(story)
    draft = draft or draft_for(article=article, editor=request.user)
    result, info = current_analysis(story) if with_alternatives else ({}, {})
    paragraphs = [
        {"data": paragraph, "alternatives": draft_edits.alternatives(paragraph, result, info) if result else []}
        for paragraph in draft.paragraphs
    ]
    context = {
        "story": story,
        "article": article,
        "draft": draft,
        "paragraphs": paragraphs,
        "latest": article.latest_version(),
        "stale": stale,
    }
    if stale is not None:
        base_body = draft.based_on.body if draft.based_on else ""
        context["changed_since"] = inline_diff(base_body, stale.since[-1].body)
    return context


def _draft(request: AuthenticatedHttpRequest, story: Story) -> ArticleDraft:
    return draft_for(article=article_for(story), editor=request.user)


def _apply(request: AuthenticatedHttpRequest, change, *args) -> None:
    try:
        change(*args)
    except draft_edits.DraftEditError as error:
        messages.error(request, str(error))


def _take(request: AuthenticatedHttpRequest, story: Story, draft, index: int, choice: int | None) -> None:
    result, info = current_analysis(story)
    paragraph = draft.paragraphs[index] if 0 <= index < len(draft.paragraphs) else {}
    choices = draft_edits.alternatives(paragraph, result, info)
    if choice is None or not 0 <= choice < len(choices):
        messages.error(request, "That passage is no longer on offer; the page was out of date.")
        return
    blocks = {block["id"]: block for source in result["sources"] for block in source["blocks"]}
    _apply(request, draft_edits.replace_paragraph, draft, index, choices[choice], info, blocks)


def _composer_response(
    request: AuthenticatedHttpRequest,
    story: Story,
    draft: ArticleDraft,
    *,
    partial: str = "composer",
    edited: int | None = None,
) -> HttpResponse:
    """For htmx, the part of the page that changed; an edited paragraph's provenance line
    ("edited") comes along out of band. Without htmx, back to the page."""
    if not request.htmx:
        return redirect("stories:compose", story.pk)
    context = composer_context(request, story, draft=draft, with_alternatives=partial == "composer")
    if edited is not None and 0 <= edited < len(context["draft"].paragraphs):
        context["oob_provenance"] = {"number": edited + 1, "data": context["draft"].paragraphs[edited]}
    return render(request, f"stories/compose.html#{partial}", context)
