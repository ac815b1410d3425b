"""The article's workflow: who may do what, in which state, and what happens when two race."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from stories.models import Article, ArticleStatus, AuditAction, AuditEvent
from stories.services import review
from stories.services.compose import ComposeError, article_for, draft_for, save_draft
from tests import desk
from tests.views.copy import harbour_story

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def conflicts_do_not_hold_approval(settings):
    """These tests are about other things than the conflicts a version touches (their own tests are in
    test_conflict_settlement.py): approval does not wait for them here."""
    settings.NEWSROOM_APPROVE_WITH_OPEN_CONFLICTS = True


@pytest.fixture
def story():
    return harbour_story()


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
