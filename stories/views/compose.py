"""The compose page: the editor's working draft, its paragraphs' provenance, a live preview.

Every request from the page carries the text of its boxes (the draft form holds them all),
and the text is stored before the action runs: words typed just before a click are never
lost, whatever the timing of the box's own timed save.
"""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from stories.access import get_story_for_composer
from stories.decorators import desk_login_required, follow_merged_story
from stories.forms import (
    DraftActionForm,
    DraftTextsForm,
    ParagraphActionForm,
    PresenceForm,
    SaveDraftForm,
    SettleConflictForm,
)
from stories.http import AuthenticatedHttpRequest
from stories.models import ArticleDraft, Story
from stories.queries import others_at_work
from stories.services.compose import ComposeError, MergeNeeded, article_for, draft_for, restart_draft, save_draft
from stories.services.compose_actions import (
    DONE,
    DRAFT_ACTIONS,
    PARAGRAPH_ACTIONS,
    draft_change,
    paragraph_change,
    take_all_new_wording,
)
from stories.services.conflicts import SettleError, follow_settlement, settle_conflict
from stories.services.draft_edits import Change, DraftChange, change_draft
from stories.views.composer import composer_context


@follow_merged_story
@desk_login_required
@require_GET
def compose(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    story = get_story_for_composer(request.user, story_id)
    return render(request, "stories/compose.html", composer_context(request, story))


@follow_merged_story
@desk_login_required
@require_POST
@vary_on_headers("HX-Request")
def edit_draft(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    """Store what was typed in the headline and paragraph boxes; htmx gets the preview."""
    story = get_story_for_composer(request.user, story_id)
    outcome = _change(request, story)
    return _composer_response(request, story, outcome, partial="preview")


@follow_merged_story
@desk_login_required
@require_POST
@vary_on_headers("HX-Request")
def paragraph_action(request: AuthenticatedHttpRequest, story_id: int, pid: str, action: str) -> HttpResponse:
    """Move, drop or replace one paragraph, or take its source's re-filed wording."""
    if action not in PARAGRAPH_ACTIONS:
        raise Http404("No such change to a paragraph.")
    story = get_story_for_composer(request.user, story_id)
    form = ParagraphActionForm(request.POST)
    form.is_valid()
    step, choice = form.cleaned_data.get("step") or 1, form.cleaned_data.get("choice")
    outcome = _change(request, story, paragraph_change(story, pid, action, step=step, choice=choice), what=DONE[action])
    return _composer_response(request, story, outcome)


@follow_merged_story
@desk_login_required
@require_POST
@vary_on_headers("HX-Request")
def draft_action(request: AuthenticatedHttpRequest, story_id: int, action: str) -> HttpResponse:
    """Undo or redo the draft's last change, add a paragraph of one's own, or bring back a
    passage the draft leaves out."""
    if action not in DRAFT_ACTIONS:
        raise Http404("No such change to a draft.")
    story = get_story_for_composer(request.user, story_id)
    form = DraftActionForm(request.POST)
    form.is_valid()
    values = form.cleaned_data
    row, block = form.left_out_passage()
    text, after = values.get("new_text") or "", values.get("after") or ""
    change = draft_change(story, action, text=text, after=after, row=row, block=block)
    remember_it = action not in ("undo", "redo")
    outcome = _change(request, story, change, what=DONE.get(action, ""), remember_it=remember_it)
    return _composer_response(request, story, outcome)


@follow_merged_story
@desk_login_required
@require_POST
@vary_on_headers("HX-Request")
def take_all_refiled(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    story = get_story_for_composer(request.user, story_id)
    outcome = _change(request, story, take_all_new_wording(story), what=DONE["refile_all"])
    return _composer_response(request, story, outcome)


@follow_merged_story
@desk_login_required
@require_POST
@vary_on_headers("HX-Request")
def settle(request: AuthenticatedHttpRequest, story_id: int, key: str) -> HttpResponse:
    """Settle a conflicting fact the draft touches; the draft then says what was settled."""
    story = get_story_for_composer(request.user, story_id)
    outcome = _change(request, story)
    form = SettleConflictForm(request.POST, prefix=key)
    if not form.is_valid():
        outcome.errors.extend(str(error) for errors in form.errors.values() for error in errors)
        return _composer_response(request, story, outcome)
    stands = form.cleaned_data["stands"]
    try:
        settlement = settle_conflict(
            story=story,
            key=key,
            stands="" if stands == "none" else stands,
            note=form.cleaned_data["note"],
            by=request.user,
        )
    except SettleError as error:
        outcome.errors.append(str(error))
        return _composer_response(request, story, outcome)
    messages.success(request, f"Settled: {settlement.outcome}.")
    return _composer_response(request, story, follow_settlement(outcome.draft, settlement))


@follow_merged_story
@desk_login_required
@require_POST
def restart(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    story = get_story_for_composer(request.user, story_id)
    restart_draft(draft=_draft(request, story))
    messages.success(request, "Your draft starts again from the newest version.")
    return redirect("stories:compose", story.pk)


@follow_merged_story
@desk_login_required
@require_POST
def save(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    """Store what was typed, then save the draft as a new version (merged with any saved
    meanwhile), or say why not and keep it."""
    story = get_story_for_composer(request.user, story_id)
    outcome = _change(request, story)
    form = SaveDraftForm(request.POST)
    if outcome.errors or not form.is_valid():
        _tell(request, [*outcome.errors, *(str(e) for errors in form.errors.values() for e in errors)])
        context = composer_context(request, story, draft=outcome.draft, save_form=form)
        return render(request, "stories/compose.html", context, status=400)
    data = form.cleaned_data
    try:
        saved = save_draft(
            draft=outcome.draft,
            reason=data["reason"],
            correction_note=data["correction_note"],
            token=data["token"] or None,
            page_base=data["base"],
            choices=form.merge_choices(),
            theirs_seen=data["theirs"],
        )
    except MergeNeeded as needed:
        context = composer_context(request, story, draft=outcome.draft, save_form=form, merge=needed)
        return render(request, "stories/compose.html", context, status=409)
    except ComposeError as error:
        messages.error(request, str(error))
        return render(request, "stories/compose.html", composer_context(request, story, save_form=form), status=400)
    messages.success(request, saved.message)
    return redirect("stories:compose", story.pk)


@follow_merged_story
@desk_login_required
@require_GET
@vary_on_headers("HX-Request")
def presence(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    """Who else has unsaved changes in a draft of the article, and what was saved since the
    page was drawn: the compose page polls it."""
    story = get_story_for_composer(request.user, story_id)
    form = PresenceForm(request.GET)
    seen = form.cleaned_data.get("seen") if form.is_valid() else None
    context = {
        "story": story,
        "seen": seen,
        "others": others_at_work(article_for(story), request.user, seen=seen),
        "poll_seconds": settings.NEWSROOM_PRESENCE_POLL_SECONDS,
    }
    return render(request, "stories/compose.html#presence", context)


def _draft(request: AuthenticatedHttpRequest, story: Story) -> ArticleDraft:
    return draft_for(article=article_for(story), editor=request.user)


def _change(request: AuthenticatedHttpRequest, story: Story, change: Change | None = None, **how: Any) -> DraftChange:
    """Store the text the page carried, then make the change, under the draft's lock."""
    return change_draft(_draft(request, story), DraftTextsForm(request.POST).texts(), change, **how)


def _tell(request: AuthenticatedHttpRequest, errors: list[str]) -> None:
    for error in errors:
        messages.error(request, error)


def _composer_response(
    request: AuthenticatedHttpRequest, story: Story, outcome: DraftChange, *, partial: str = "composer"
) -> HttpResponse:
    """For htmx, the part of the page that changed (the typed paragraphs' provenance lines
    come along out of band); without htmx, back to the page."""
    _tell(request, outcome.errors)
    if not request.htmx:
        return redirect("stories:compose", story.pk)
    context = composer_context(request, story, draft=outcome.draft, with_sources=partial == "composer")
    if partial == "preview":
        context["preview_alone"] = True
        context["oob_paragraphs"] = [p for p in context["paragraphs"] if p.id in outcome.typed]
    return render(request, f"stories/compose.html#{partial}", context)
