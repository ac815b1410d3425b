"""Composing the article: the automatic draft, paragraph edits, saves, stale saves, restores."""

import re

import pytest
from django.urls import reverse

from stories.models import ArticleDraft, ArticleVersion, AuditAction, AuditEvent, Provider
from stories.services.compose import article_for, draft_for, save_draft
from stories.services.ingest import IncomingCopy, ingest_files
from tests.views.copy import HARBOUR_A, HARBOUR_B, harbour_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return harbour_story()


def url(name: str, story, *args) -> str:
    return reverse(f"stories:{name}", args=[story.pk, *args])


def draft_of(user, story) -> ArticleDraft:
    return draft_for(article=article_for(story), editor=user)


class TestAutomaticDraft:
    def test_it_leaves_repeats_out_and_remembers_where_each_paragraph_came_from(self, edith_editor, story):
        draft = draft_of(edith_editor, story)
        texts = [paragraph["text"] for paragraph in draft.paragraphs]
        assert len(texts) == len(set(texts)), "a repeated paragraph made it into the draft"
        assert all(paragraph["sources"] for paragraph in draft.paragraphs)
        assert {entry["provider"] for p in draft.paragraphs for entry in p["sources"]} == {"Unattributed"}
        assert draft.headline in ("Harbour Blaze Injures 12", "Fire Guts Port Alder Warehouse")

    def test_it_has_no_markdown_markers(self, edith_editor, story):
        draft = draft_of(edith_editor, story)
        assert "**" not in draft.headline and not any("**" in p["text"] for p in draft.paragraphs)

    def test_it_takes_the_preferred_providers_passages(self, edith_editor):
        northwire = Provider.objects.create(name="Northwire")
        meridian = Provider.objects.create(name="Meridian Press", preferred=True)
        story = ingest_files(files=[IncomingCopy("nw.txt", HARBOUR_A.encode())], user=None, provider=northwire).story
        ingest_files(files=[IncomingCopy("mp.txt", HARBOUR_B.encode())], user=None, provider=meridian, story=story)
        draft = draft_of(edith_editor, story)
        assert "14 people" in " ".join(p["text"] for p in draft.paragraphs)
        assert "12 people" not in " ".join(p["text"] for p in draft.paragraphs)


class TestComposePage:
    def test_it_shows_the_draft_with_its_provenance_and_a_preview(self, client, colin_copy_editor, story):
        client.force_login(colin_copy_editor)
        html = client.get(url("compose", story)).content.decode()
        assert 'id="preview"' in html and "Paragraph 1" in html
        assert re.search(r"From <a href=\"[^\"]+#passage-\w+\">Unattributed ¶\d+</a>", html)

    def test_it_refuses_a_user_without_the_compose_permission(self, client, nora_no_role, story):
        client.force_login(nora_no_role)
        assert client.get(url("compose", story)).status_code == 403

    def test_it_sends_an_anonymous_htmx_request_to_log_in_without_a_fragment(self, client, story):
        response = client.post(url("edit_paragraph", story, 0, "drop"), headers={"HX-Request": "true"})
        assert response.status_code == 200 and response["HX-Redirect"].startswith(reverse("login"))


class TestEditingParagraphs:
    def test_an_edit_changes_the_text_marks_it_edited_and_updates_the_preview(self, client, edith_editor, story):
        client.force_login(edith_editor)
        response = client.post(
            url("edit_paragraph", story, 0, "edit"), {"text": "A new lede."}, headers={"HX-Request": "true"}
        )
        assert response.content.decode().lstrip().startswith('<section id="preview"')
        assert "A new lede." in response.content.decode()
        paragraph = draft_of(edith_editor, story).paragraphs[0]
        assert paragraph["text"] == "A new lede." and paragraph["edited"] and paragraph["sources"]

    def test_an_empty_edit_is_refused_with_a_message(self, client, edith_editor, story):
        client.force_login(edith_editor)
        before = draft_of(edith_editor, story).paragraphs[0]["text"]
        response = client.post(url("edit_paragraph", story, 0, "edit"), {"text": "  "}, follow=True)
        assert "A paragraph cannot be empty; drop it instead." in response.content.decode()
        assert draft_of(edith_editor, story).paragraphs[0]["text"] == before

    def test_drop_and_move(self, client, edith_editor, story):
        client.force_login(edith_editor)
        first, second, third = (p["text"] for p in draft_of(edith_editor, story).paragraphs[:3])
        client.post(url("edit_paragraph", story, 0, "move"), {"step": "1"})
        assert [p["text"] for p in draft_of(edith_editor, story).paragraphs[:3]] == [second, first, third]
        client.post(url("edit_paragraph", story, 0, "drop"))
        assert draft_of(edith_editor, story).paragraphs[0]["text"] == first

    def test_it_takes_another_sources_passage_or_both(self, client, edith_editor, story):
        client.force_login(edith_editor)
        draft = draft_of(edith_editor, story)
        index = next(n for n, p in enumerate(draft.paragraphs) if "Holmgaard" in p["text"])
        taken = draft.paragraphs[index]["sources"][0]["source"]
        page = client.get(url("compose", story)).context["paragraphs"][index]
        other = next(
            n
            for n, alt in enumerate(page["alternatives"])
            if alt.cells and len(alt.cells) == 1 and alt.text != draft.paragraphs[index]["text"]
        )
        client.post(url("edit_paragraph", story, index, "take"), {"choice": other})
        assert draft_of(edith_editor, story).paragraphs[index]["sources"][0]["source"] != taken
        both = len(page["alternatives"]) - 1
        client.post(url("edit_paragraph", story, index, "take"), {"choice": both})
        assert len({entry["source"] for entry in draft_of(edith_editor, story).paragraphs[index]["sources"]}) == 2

    def test_a_stale_index_is_refused_with_a_message(self, client, edith_editor, story):
        client.force_login(edith_editor)
        response = client.post(url("edit_paragraph", story, 99, "drop"), follow=True)
        assert "no longer in your draft" in response.content.decode()


class TestSaving:
    def test_a_save_makes_an_immutable_version_with_provenance_and_an_audit_event(self, client, edith_editor, story):
        client.force_login(edith_editor)
        response = client.post(url("save_draft", story), {"reason": "first draft"}, follow=True)
        assert "Saved as version 1." in response.content.decode()
        version = ArticleVersion.objects.get()
        assert version.created_by == edith_editor and version.reason == "first draft"
        assert version.paragraphs and all(p["sources"] for p in version.paragraphs)
        assert AuditEvent.objects.filter(action=AuditAction.SAVE, actor=edith_editor).count() == 1

    def test_a_save_needs_a_reason(self, client, edith_editor, story):
        client.force_login(edith_editor)
        response = client.post(url("save_draft", story), {"reason": ""}, follow=True)
        assert "Say briefly why you save this version." in response.content.decode()
        assert not ArticleVersion.objects.exists()

    def test_a_save_based_on_an_older_version_is_refused_and_nothing_typed_is_lost(
        self, client, edith_editor, colin_copy_editor, story
    ):
        article = article_for(story)
        colins = draft_for(article=article, editor=colin_copy_editor)
        edits = draft_for(article=article, editor=edith_editor)
        save_draft(draft=edits, reason="Edith's draft")
        client.force_login(colin_copy_editor)
        client.post(url("edit_paragraph", story, 0, "edit"), {"text": "Colin's careful lede."})
        response = client.post(url("save_draft", story), {"reason": "Colin's draft"})
        assert response.status_code == 409
        html = response.content.decode()
        assert "Not saved: a version was saved since you started (the newest, version 1, by edith)" in html
        assert "Save mine on top of version 1" in html
        assert ArticleVersion.objects.count() == 1
        colins.refresh_from_db()
        assert colins.paragraphs[0]["text"] == "Colin's careful lede."
        client.post(url("save_draft", story), {"reason": "Colin's draft", "over_newer": "on"})
        assert ArticleVersion.objects.latest("number").body.startswith("Colin's careful lede.")

    def test_restoring_an_old_version_makes_a_new_one(self, client, edith_editor, story):
        draft = draft_of(edith_editor, story)
        first = save_draft(draft=draft, reason="one")
        draft.paragraphs = draft.paragraphs[1:]
        draft.save()
        save_draft(draft=draft, reason="two")
        client.force_login(edith_editor)
        client.post(url("restore_version", story, 1))
        newest = ArticleVersion.objects.latest("number")
        assert newest.number == 3 and newest.body == first.body and newest.reason == "Restored version 1"
        assert AuditEvent.objects.filter(action=AuditAction.RESTORE).count() == 1

    def test_any_two_versions_open_side_by_side(self, client, edith_editor, story):
        draft = draft_of(edith_editor, story)
        save_draft(draft=draft, reason="one")
        draft.paragraphs[0]["text"] = "An entirely rewritten opening paragraph."
        draft.save()
        save_draft(draft=draft, reason="two")
        client.force_login(edith_editor)
        response = client.get(url("version_diff", story), {"a": 1, "b": 2})
        html = response.content.decode()
        assert response.status_code == 200 and "Version 1" in html and "Version 2" in html
        assert 'data-status="changed"' in html and "<ins>" in html


def test_an_article_without_paragraphs_is_not_saved(client, edith_editor, story):
    draft = draft_of(edith_editor, story)
    draft.paragraphs = []
    draft.save()
    client.force_login(edith_editor)
    response = client.post(url("save_draft", story), {"reason": "empty"}, follow=True)
    assert "the article has no paragraph" in response.content.decode()
    assert not ArticleVersion.objects.exists()


def test_an_empty_headline_is_refused_in_words(client, edith_editor, story):
    client.force_login(edith_editor)
    response = client.post(url("edit_headline", story), {"headline": " "}, follow=True)
    assert "The headline cannot be empty." in response.content.decode()
