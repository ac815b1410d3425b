"""Conflicting facts settled before approval: the draft lists those it touches, an editor
says which value stands, the draft follows, and approval waits until nothing is open."""

import re

import pytest
from django.urls import reverse

from stories.models import Article, ArticleStatus, AuditAction, AuditEvent, ConflictSettlement
from stories.services.compose import article_for, draft_for, save_draft
from stories.services.conflicts import approval_blockers, settle_conflict, story_conflicts
from tests import desk
from tests.views.compose_form import DraftForm
from tests.views.copy import harbour_story

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}
PEOPLE = 2  # the draft's paragraph saying "injuring 12 people" (Northwire's, the draft's lead); Meridian says 14
KRONER = 4  # the draft's paragraph saying "38 million kroner" (Northwire's); Meridian says 43
GAZETTE = "Summary.\nHarbour Fire\n\nCrews fought the flames for 6 hours.\n"  # "six" in the draft: house style


def url(name: str, story, *args) -> str:
    return reverse(f"stories:{name}", args=[story.pk, *args])


def conflict_on_page(html: str, a_text: str, b_text: str) -> str:
    """The markup of one conflict of the compose page's "Conflicting facts" list."""
    rows = html.split('<li class="draft-conflict"')[1:]
    return next(row for row in rows if f"<q>{a_text}</q>" in row and f"<q>{b_text}</q>" in row)


def key_on_page(html: str, a_text: str, b_text: str) -> str:
    return re.search(r'name="(\w+)-stands"', conflict_on_page(html, a_text, b_text))[1]


def settle(client, story, a_text: str, b_text: str, stands: str, note: str = "", **kwargs):
    """Press "… stands" (or "Not a real conflict") on the compose page, with a note."""
    html = client.get(url("compose", story)).content.decode()
    form, key = DraftForm(html), key_on_page(html, a_text, b_text)
    data = form.data(**{f"{key}-stands": stands, f"{key}-note": note})
    return client.post(url("settle_conflict", story, key), data, **kwargs)


def settle_all_but(story, kept: str, by) -> None:
    """The story's other conflicts, which a test is not about, settled as not real ones."""
    for conflict in story_conflicts(story):
        if kept not in (conflict.a_text, conflict.b_text):
            settle_conflict(story=story, key=conflict.key, stands="", note="", by=by)


def texts(user, story) -> list[str]:
    return [paragraph["text"] for paragraph in draft_for(article=article_for(story), editor=user).paragraphs]


def step(client, article, name: str, *, seen: int = 1, **data):
    """Press a workflow button as the compose page draws it: naming the version shown."""
    return client.post(url("workflow_step", article.story, name), {"version": seen, **data}, follow=True)


def status_of(article) -> str:
    return Article.objects.get(pk=article.pk).status


@pytest.fixture
def in_review(story, colin_copy_editor) -> Article:
    """Version 1, the copy editor's automatic draft (Northwire's: 12 people, 38 million kroner), in review."""
    article = article_for(story)
    save_draft(draft=draft_for(article=article, editor=colin_copy_editor), reason="first draft")
    return desk.submit(article, colin_copy_editor)


class TestConflictsTheDraftTouches:
    def test_it_lists_the_conflicting_facts_the_draft_states_and_not_house_style(self, editor):
        story = harbour_story(extra=[("gazette.txt", GAZETTE)])
        html = editor.get(url("compose", story)).content.decode()
        listed = html[html.index('class="draft-conflicts"') : html.index('class="headline-form"')]
        for a_text, b_text in [("12 people", "14 people"), ("38 million kroner", "43 million kroner")]:
            assert 'data-open="true"' in conflict_on_page(listed, a_text, b_text)
        assert "<q>Søren Holmgaard</q>" in listed and "<q>Wednesday</q>" in listed
        assert "<q>6</q>" not in listed, "six / 6 is house style, not a conflicting fact"

    def test_it_says_when_the_draft_states_both_values(self, editor, story):
        form = DraftForm.of(editor, story)
        both = form.text(PEOPLE) + " Police counted 14 people."
        editor.post(url("edit_draft", story), form.type(PEOPLE, both).data())
        html = editor.get(url("compose", story)).content.decode()
        assert "Your draft states both." in conflict_on_page(html, "12 people", "14 people")
        assert "Your draft states both." not in conflict_on_page(html, "38 million kroner", "43 million kroner")


class TestSettling:
    def test_the_value_that_stands_is_recorded_audited_and_stated_by_the_draft(self, editor, edith_editor, story):
        response = settle(editor, story, "12 people", "14 people", "b", "police figure", follow=True)
        assert "Settled: “14 people” stands." in response.content.decode()
        settlement = ConflictSettlement.objects.get()
        assert (settlement.stands, settlement.note) == ("14 people", "police figure")
        assert settlement.settled_by == edith_editor
        assert texts(edith_editor, story)[PEOPLE - 1].endswith("late on Tuesday, injuring 14 people.")
        event = AuditEvent.objects.get(action=AuditAction.SETTLE_CONFLICT)
        assert event.actor == edith_editor and event.story == story
        history = editor.get(url("story", story)).content.decode()
        assert "Settled “12 people” / “14 people”: “14 people” stands (police figure)" in history

    def test_not_a_real_conflict_leaves_the_text_alone_and_stops_holding_approval(self, editor, edith_editor, story):
        before = texts(edith_editor, story)
        settle(editor, story, "Søren Holmgaard", "Soren Holmgaard", "none")
        assert texts(edith_editor, story) == before
        row = conflict_on_page(editor.get(url("compose", story)).content.decode(), "Søren Holmgaard", "Soren Holmgaard")
        assert 'data-open="false"' in row and "Settled: not a real conflict · edith" in row
        assert not approval_blockers(story, "Fire chief Soren Holmgaard, or Søren Holmgaard, said so.")

    def test_the_compare_page_shows_the_settlement_beside_the_conflict(self, editor, story):
        settle(editor, story, "38 million kroner", "43 million kroner", "b", "harbour authority corrected")
        html = editor.get(url("compare", story)).content.decode()
        conflict = next(li for li in html.split('<li class="conflict') if "<q>38 million kroner</q>" in li)
        assert "Settled: “43 million kroner” stands · edith · harbour authority corrected" in conflict

    def test_a_conflict_no_longer_between_the_sources_is_refused_with_a_message(self, editor, story):
        data = DraftForm.of(editor, story).data(**{"0000000000-stands": "a"})
        response = editor.post(url("settle_conflict", story, "0000000000"), data, follow=True)
        assert "That conflict is no longer between the story&#x27;s sources" in response.content.decode()
        assert not ConflictSettlement.objects.exists()

    def test_no_choice_is_refused_with_a_message(self, editor, story):
        key = key_on_page(editor.get(url("compose", story)).content.decode(), "12 people", "14 people")
        response = editor.post(url("settle_conflict", story, key), DraftForm.of(editor, story).data(), follow=True)
        assert "Choose which value stands, or that it is not a real conflict." in response.content.decode()
        assert not ConflictSettlement.objects.exists()

    def test_it_refuses_a_user_without_the_compose_permission(self, client, nora_no_role, story):
        client.force_login(nora_no_role)
        key = story_conflicts(story)[0].key
        assert client.post(url("settle_conflict", story, key), {f"{key}-stands": "a"}).status_code == 403
        assert not ConflictSettlement.objects.exists()

    def test_a_get_is_not_allowed(self, editor, story):
        assert editor.get(url("settle_conflict", story, story_conflicts(story)[0].key)).status_code == 405

    def test_an_htmx_request_gets_the_composer(self, editor, story):
        response = settle(editor, story, "12 people", "14 people", "a", headers=HTMX)
        html = response.content.decode()
        assert html.lstrip().startswith('<div id="composer"') and "Settled: “12 people” stands" in html
        assert "HX-Request" in response["Vary"]


class TestApproval:
    def test_a_version_touching_an_open_conflict_is_refused_naming_it(self, editor, in_review):
        html = step(editor, in_review, "approve").content.decode()
        assert "Not approved: settle the conflicting facts version 1 touches first" in html
        assert "“38 million kroner” / “43 million kroner” (number): not settled" in html
        assert status_of(in_review) == ArticleStatus.IN_REVIEW

    def test_once_settled_a_version_that_follows_the_settlement_is_approved(
        self, editor, edith_editor, story, in_review, settings
    ):
        settings.NEWSROOM_ALLOW_SELF_APPROVAL = True  # the editor approves the version her settling made
        settle_all_but(story, "38 million kroner", by=edith_editor)
        settle(editor, story, "38 million kroner", "43 million kroner", "b")
        editor.post(url("save_draft", story), DraftForm.of(editor, story).data(reason="the authority's figure"))
        assert "43 million kroner" in in_review.versions.get(number=2).body
        step(editor, in_review, "submit", seen=2)
        assert "Approved." in step(editor, in_review, "approve", seen=2).content.decode()
        assert status_of(in_review) == ArticleStatus.APPROVED

    def test_a_version_stating_the_value_that_gave_way_is_still_refused(self, editor, edith_editor, story, in_review):
        settle_all_but(story, "38 million kroner", by=edith_editor)
        settle(editor, story, "38 million kroner", "43 million kroner", "b")
        html = step(editor, in_review, "approve").content.decode()
        assert "“43 million kroner” was settled, but the text still says “38 million kroner”" in html
        assert status_of(in_review) == ArticleStatus.IN_REVIEW

    def test_approval_does_not_wait_when_the_desk_approves_with_open_conflicts(self, editor, in_review, settings):
        settings.NEWSROOM_APPROVE_WITH_OPEN_CONFLICTS = True
        assert "Approved." in step(editor, in_review, "approve").content.decode()
        assert status_of(in_review) == ArticleStatus.APPROVED

    def test_a_conflict_of_the_version_under_review_not_in_the_reviewers_draft_is_settled_there(
        self, editor, edith_editor, story, in_review
    ):
        settle_all_but(story, "38 million kroner", by=edith_editor)
        form = DraftForm.of(editor, story)
        unsaid = form.text(KRONER).replace("38 million kroner", "millions of kroner")
        editor.post(url("edit_draft", story), form.type(KRONER, unsaid).data())
        response = editor.get(url("compose", story))
        [row] = [row for row in response.context["conflict_rows"] if row.touch.conflict.a_text == "38 million kroner"]
        assert not row.in_draft
        html = response.content.decode()
        assert "In version 1 under review, not in your draft." in conflict_on_page(
            html, "38 million kroner", "43 million kroner"
        )
        settle(editor, story, "38 million kroner", "43 million kroner", "a")
        assert ConflictSettlement.objects.get(a_text="38 million kroner").stands == "38 million kroner"
        assert texts(edith_editor, story)[KRONER - 1] == unsaid
        assert "Approved." in step(editor, in_review, "approve").content.decode()
