"""Who else is here: the compose page polls for other editors' unsaved drafts of the article
and for the versions saved since it was drawn."""

import pytest
from django.urls import reverse

from stories.services.compose import article_for, draft_for, save_draft
from tests.views.compose_form import DraftForm
from tests.views.copy import harbour_story

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def url(name: str, story) -> str:
    return reverse(f"stories:{name}", args=[story.pk])


def presence(client, story, seen: int = 1, **kwargs) -> str:
    return client.get(url("presence", story), {"seen": seen}, **kwargs).content.decode()


def type_in_draft(client, user, story) -> None:
    """`user` types in their draft's first paragraph; nothing is saved."""
    client.force_login(user)
    form = DraftForm.of(client, story)
    client.post(url("edit_draft", story), form.type(1, form.text(1) + " Typed, not saved.").data())
    assert draft_for(article=article_for(story), editor=user).changed_since is not None


@pytest.fixture
def story(edith_editor):
    """An article with version 1, saved by the editor."""
    story = harbour_story()
    save_draft(draft=draft_for(article=article_for(story), editor=edith_editor), reason="first")
    return story


class TestOthersAtWork:
    def test_it_names_another_editor_with_unsaved_changes_and_the_version_their_draft_is_from(
        self, client, edith_editor, colin_copy_editor, story
    ):
        type_in_draft(client, colin_copy_editor, story)
        client.force_login(edith_editor)
        html = presence(client, story)
        assert "<strong>colin</strong> has changes not yet saved in a draft of this article" in html
        assert "(from version 1)" in html

    def test_it_leaves_out_the_asking_editors_own_draft(self, client, edith_editor, story):
        type_in_draft(client, edith_editor, story)
        assert "has changes not yet saved" not in presence(client, story)

    def test_it_leaves_out_a_draft_with_nothing_unsaved(self, client, edith_editor, colin_copy_editor, story):
        type_in_draft(client, colin_copy_editor, story)
        client.post(url("save_draft", story), DraftForm.of(client, story).data(reason="colin's lede"))
        assert article_for(story).versions.count() == 2
        client.force_login(edith_editor)
        assert "has changes not yet saved" not in presence(client, story, seen=2)

    def test_it_lists_the_versions_saved_since_the_page_was_drawn_with_what_changed(
        self, client, edith_editor, colin_copy_editor, story
    ):
        type_in_draft(client, colin_copy_editor, story)
        client.post(url("save_draft", story), DraftForm.of(client, story).data(reason="colin's lede"))
        client.force_login(edith_editor)
        html = presence(client, story, seen=1)
        assert "<strong>colin</strong> saved version 2" in html
        assert f'<a href="{url("version_diff", story)}?a=1&amp;b=2">What changed</a>' in html
        assert "saved version" not in presence(client, story, seen=2)


class TestPolling:
    def test_an_htmx_request_gets_only_the_presence_partial(self, client, edith_editor, story):
        client.force_login(edith_editor)
        response = client.get(url("presence", story), {"seen": 1}, headers=HTMX)
        html = response.content.decode()
        assert html.lstrip().startswith('<div id="presence"') and "site-header" not in html
        assert "HX-Request" in response["Vary"]

    def test_the_compose_page_polls_at_the_configured_interval(self, client, edith_editor, story, settings):
        settings.NEWSROOM_PRESENCE_POLL_SECONDS = 7
        client.force_login(edith_editor)
        html = client.get(url("compose", story)).content.decode()
        assert f'hx-get="{url("presence", story)}?seen=1" hx-trigger="every 7s"' in html

    def test_it_refuses_a_user_without_the_compose_permission(self, client, nora_no_role, story):
        client.force_login(nora_no_role)
        assert client.get(url("presence", story), {"seen": 1}).status_code == 403
