"""The article's workflow: who may do what, in which state, and what happens when two race."""

import re
import threading

import pytest
from django.db import connection
from django.urls import reverse

from stories.models import Article, ArticleStatus, AuditAction, AuditEvent
from stories.services import review
from stories.services.compose import ComposeError, article_for, draft_for, save_draft
from tests import desk
from tests.views.copy import harbour_story

# Approval does not wait for conflicting facts here: these tests are about other things
# (test_conflict_settlement.py holds approval to them).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("conflicts_do_not_hold_approval")]


@pytest.fixture
def saved_article(story, colin_copy_editor) -> Article:
    """An article with one version, saved by the copy editor."""
    article = article_for(story)
    save_draft(draft=draft_for(article=article, editor=colin_copy_editor), reason="first draft")
    return article


def step(client, article, name: str, *, seen: int = 1, follow: bool = True, **data):
    """Press a workflow button as the compose page draws it: naming the version shown."""
    url = reverse("stories:workflow_step", args=[article.story_id, name])
    return client.post(url, {"version": seen, **data}, follow=follow)


def edited_draft(article, editor, headline: str):
    """The editor's draft with a new headline, so that saving it makes a new version."""
    draft = draft_for(article=article, editor=editor)
    draft.headline = headline
    draft.save()
    return draft


def status_of(article) -> str:
    return Article.objects.get(pk=article.pk).status


class TestTheDesksDay:
    def test_a_copy_editor_submits_an_editor_approves_and_publishes(
        self, client, saved_article, colin_copy_editor, edith_editor
    ):
        client.force_login(colin_copy_editor)
        assert "Submitted for review." in step(client, saved_article, "submit").content.decode()
        client.force_login(edith_editor)
        step(client, saved_article, "approve")
        step(client, saved_article, "publish")
        article = Article.objects.get(pk=saved_article.pk)
        assert article.status == ArticleStatus.PUBLISHED and article.published_version.number == 1
        actions = list(AuditEvent.objects.filter(story=article.story).values_list("action", flat=True))
        assert {AuditAction.SUBMIT, AuditAction.APPROVE, AuditAction.PUBLISH} <= set(actions)

    def test_a_copy_editor_cannot_approve(self, client, saved_article, colin_copy_editor):
        desk.submit(saved_article, colin_copy_editor)
        client.force_login(colin_copy_editor)
        response = step(client, saved_article, "approve", follow=False)
        assert response.status_code == 403 and status_of(saved_article) == ArticleStatus.IN_REVIEW

    def test_rejection_sends_it_back_to_draft_with_the_comment(
        self, client, saved_article, colin_copy_editor, edith_editor
    ):
        desk.submit(saved_article, colin_copy_editor)
        client.force_login(edith_editor)
        step(client, saved_article, "reject", reason="Check the injury count")
        article = Article.objects.get(pk=saved_article.pk)
        assert article.status == ArticleStatus.DRAFT and article.review_comment == "Check the injury count"
        client.force_login(colin_copy_editor)
        html = client.get(reverse("stories:compose", args=[article.story_id])).content.decode()
        assert "Check the injury count" in html

    def test_a_rejection_needs_a_comment(self, client, saved_article, colin_copy_editor, edith_editor):
        desk.submit(saved_article, colin_copy_editor)
        client.force_login(edith_editor)
        assert "Say why the article goes back to draft." in step(client, saved_article, "reject").content.decode()
        assert status_of(saved_article) == ArticleStatus.IN_REVIEW

    def test_a_step_out_of_order_is_refused_with_a_message(self, client, saved_article, edith_editor):
        client.force_login(edith_editor)
        html = step(client, saved_article, "publish").content.decode()
        assert "Only an article that is approved can be published; this one is draft now." in html

    def test_a_new_save_needs_a_new_approval(self, saved_article, colin_copy_editor, edith_editor):
        desk.submit(saved_article, colin_copy_editor)
        desk.approve(saved_article, edith_editor)
        save_draft(draft=edited_draft(saved_article, colin_copy_editor, "Late Fix"), reason="late fix")
        assert status_of(saved_article) == ArticleStatus.DRAFT
        assert Article.objects.get(pk=saved_article.pk).approved_version is None

    def test_a_setting_forbids_approving_ones_own_version(self, settings, saved_article, edith_editor):
        settings.NEWSROOM_ALLOW_SELF_APPROVAL = False
        save_draft(draft=edited_draft(saved_article, edith_editor, "Edith's Own Headline"), reason="mine")
        desk.submit(saved_article, edith_editor)
        with pytest.raises(review.WorkflowError, match="another editor must approve it"):
            desk.approve(saved_article, edith_editor)

    def test_a_correction_after_publication_needs_a_note_and_keeps_the_published_version_public(
        self, saved_article, colin_copy_editor, edith_editor
    ):
        desk.submit(saved_article, colin_copy_editor)
        desk.approve(saved_article, edith_editor)
        desk.publish(saved_article, edith_editor)
        draft = edited_draft(saved_article, edith_editor, "Harbour Blaze Injures 14")
        with pytest.raises(ComposeError, match="correction note"):
            save_draft(draft=draft, reason="fix")
        save_draft(draft=draft, reason="fix", correction_note="The injury count was 14, not 12.")
        article = Article.objects.get(pk=saved_article.pk)
        assert article.published_version.number == 1 and article.is_public
        assert AuditEvent.objects.filter(action=AuditAction.CORRECT).count() == 1

    def test_withdrawal_needs_a_reason_and_takes_the_article_down(self, saved_article, colin_copy_editor, edith_editor):
        desk.submit(saved_article, colin_copy_editor)
        desk.approve(saved_article, edith_editor)
        desk.publish(saved_article, edith_editor)
        with pytest.raises(review.WorkflowError):
            desk.withdraw(saved_article, edith_editor, " ")
        article = desk.withdraw(saved_article, edith_editor, "Legal advice")
        assert not article.is_public and article.withdrawn_reason == "Legal advice"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("racing", ["approve", "publish"])
def test_two_editors_racing_act_once(racing, django_user_model):
    """Two editors press the same button at the same moment: one acts, the other is told it moved on."""
    from tests.conftest import make_user

    story = harbour_story()
    first, second = (make_user(django_user_model, name, "Editor") for name in ("eva", "emil"))
    article = article_for(story)
    save_draft(draft=draft_for(article=article, editor=first), reason="draft")
    desk.submit(article, first)
    if racing == "publish":
        desk.approve(article, first)
    barrier, outcomes = threading.Barrier(2), []

    def press(user) -> None:
        try:
            barrier.wait()
            getattr(review, racing)(article=article, by=user, seen=1)
            outcomes.append("done")
        except review.WorkflowError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=press, args=(user,)) for user in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["done", "refused"]
    assert AuditEvent.objects.filter(action=getattr(AuditAction, racing.upper())).count() == 1
    if racing == "publish":
        assert Article.objects.get(pk=article.pk).published_version.number == 1


class TestWhatWasSeen:
    """Every step names the version its button showed; a step on a version that moved on is refused."""

    def test_approving_a_version_that_was_replaced_meanwhile_is_refused_with_the_diff(
        self, client, saved_article, colin_copy_editor, edith_editor
    ):
        desk.submit(saved_article, colin_copy_editor)
        save_draft(draft=edited_draft(saved_article, colin_copy_editor, "Harbour Blaze Hurts 14"), reason="fix")
        desk.submit(saved_article, colin_copy_editor)
        client.force_login(edith_editor)
        response = step(client, saved_article, "approve", seen=1, follow=False)
        html = response.content.decode()
        assert response.status_code == 409
        assert "Not approved: you were shown version 1, and the article has moved on to version 2" in html
        assert re.search(r"Harbour Blaze <del>Injures 12\s*</del><ins>Hurts 14\s*</ins>", html)
        article = Article.objects.get(pk=saved_article.pk)
        assert article.status == ArticleStatus.IN_REVIEW and article.approved_version is None
        assert not AuditEvent.objects.filter(action=AuditAction.APPROVE).exists()
        step(client, saved_article, "approve", seen=2)
        assert Article.objects.get(pk=saved_article.pk).approved_version.number == 2

    @pytest.mark.parametrize("name", ["submit", "reject", "publish", "withdraw"])
    def test_every_step_refuses_a_version_it_was_not_shown(self, client, saved_article, edith_editor, name):
        if name != "submit":
            desk.submit(saved_article, edith_editor)
        if name in ("publish", "withdraw"):
            desk.approve(saved_article, edith_editor)
        if name == "withdraw":
            desk.publish(saved_article, edith_editor)
        before = Article.objects.get(pk=saved_article.pk).status
        client.force_login(edith_editor)
        response = step(client, saved_article, name, seen=7, follow=False, reason="why")
        assert response.status_code == 409 and "you were shown version 7" in response.content.decode()
        assert Article.objects.get(pk=saved_article.pk).status == before

    def test_a_step_without_the_version_shown_changes_nothing(self, client, saved_article, edith_editor):
        client.force_login(edith_editor)
        url = reverse("stories:workflow_step", args=[saved_article.story_id, "submit"])
        response = client.post(url, {}, follow=True)
        assert "did not say which version you saw" in response.content.decode()
        assert status_of(saved_article) == ArticleStatus.DRAFT

    def test_an_unknown_step_is_404(self, client, saved_article, edith_editor):
        client.force_login(edith_editor)
        assert step(client, saved_article, "explode", follow=False).status_code == 404


class TestReviewPanel:
    def test_it_shows_the_version_in_review_against_the_published_one_not_anyones_draft(
        self, client, saved_article, colin_copy_editor, edith_editor
    ):
        desk.submit(saved_article, colin_copy_editor)
        desk.approve(saved_article, edith_editor)
        desk.publish(saved_article, edith_editor)
        draft = draft_for(article=saved_article, editor=colin_copy_editor)
        lede = next(p for p in draft.paragraphs if "injuring 1" in p["text"])
        lede["text"] = re.sub(r"injuring 1\d", "injuring 19", lede["text"])
        draft.save()
        save_draft(draft=draft, reason="count", correction_note="Nineteen were hurt.")
        desk.submit(saved_article, colin_copy_editor)
        edited_draft(saved_article, edith_editor, "Edith's Unsaved Headline")
        client.force_login(edith_editor)
        html = client.get(reverse("stories:compose", args=[saved_article.story_id])).content.decode()
        panel = html[html.index('id="review"') : html.index("workflow-actions")]
        assert "Version 2 in review" in panel and "the published version 1" in panel
        assert re.search(r"<del>1[24] </del><ins>19 </ins>", panel)
        assert "Edith's Unsaved Headline" not in panel and "Edith&#x27;s Unsaved Headline" not in panel
        assert 'name="version" value="2"' in html[html.index("workflow-actions") :]

    def test_a_first_version_is_shown_whole(self, client, saved_article, colin_copy_editor, edith_editor):
        desk.submit(saved_article, colin_copy_editor)
        client.force_login(edith_editor)
        html = client.get(reverse("stories:compose", args=[saved_article.story_id])).content.decode()
        assert "Version 1 in review" in html and "The first version: nothing to read it against." in html


class TestAwaitingMyReview:
    def test_the_inbox_lists_what_waits_for_my_approval_and_links_to_its_changes(
        self, client, settings, saved_article, colin_copy_editor, edith_editor
    ):
        desk.submit(saved_article, colin_copy_editor)
        harbour_story(extra=[("ferry.txt", "Ferry Late\n\nThe ferry was late on Monday.\n")])
        client.force_login(edith_editor)
        response = client.get(reverse("stories:inbox"), {"status": "awaiting_me"})
        html = response.content.decode()
        assert html.count("<tr") == 2  # the head and the one story in review
        assert f"/stories/{saved_article.story_id}/compose/#review" in html
        client.force_login(colin_copy_editor)
        assert "<tbody>" not in client.get(reverse("stories:inbox"), {"status": "awaiting_me"}).content.decode()
        settings.NEWSROOM_ALLOW_SELF_APPROVAL = False
        client.force_login(edith_editor)
        mine = client.get(reverse("stories:inbox"), {"status": "awaiting_me"}).content.decode()
        assert f"/stories/{saved_article.story_id}/" in mine  # colin saved the version, not edith
