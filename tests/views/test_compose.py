"""Composing the article: the automatic draft, paragraph edits, saves, merges, restores."""

import re

import pytest
from django.urls import reverse

from stories.models import ArticleDraft, ArticleVersion, AuditAction, AuditEvent, Provider
from stories.services.compose import article_for, draft_for, save_draft
from stories.services.ingest import IncomingCopy, ingest_files
from tests.views.compose_form import DraftForm
from tests.views.copy import HARBOUR_A, HARBOUR_B

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def url(name: str, story, *args) -> str:
    return reverse(f"stories:{name}", args=[story.pk, *args])


def draft_of(user, story) -> ArticleDraft:
    return draft_for(article=article_for(story), editor=user)


def rewrite(user, story, index: int, text: str) -> ArticleDraft:
    """Change one paragraph of the user's stored draft, as their page would."""
    draft = draft_of(user, story)
    draft.paragraphs[index]["text"] = text
    draft.save()
    return draft


def texts(user, story) -> list[str]:
    return [paragraph["text"] for paragraph in draft_of(user, story).paragraphs]


class TestAutomaticDraft:
    def test_it_leaves_repeats_out_and_remembers_where_each_paragraph_came_from(self, edith_editor, story):
        draft = draft_of(edith_editor, story)
        assert len(texts(edith_editor, story)) == len(set(texts(edith_editor, story))), "a repeat made it in"
        assert all(paragraph["sources"] for paragraph in draft.paragraphs)
        assert {entry["provider"] for p in draft.paragraphs for entry in p["sources"]} == {"Unattributed"}
        assert draft.headline in ("Harbour Blaze Injures 12", "Fire Guts Port Alder Warehouse")

    def test_two_editors_drafts_name_the_same_paragraphs_alike(self, edith_editor, colin_copy_editor, story):
        ids = [[p["id"] for p in draft_of(user, story).paragraphs] for user in (edith_editor, colin_copy_editor)]
        assert ids[0] == ids[1] and len(set(ids[0])) == len(ids[0])

    def test_it_has_no_markdown_markers(self, edith_editor, story):
        draft = draft_of(edith_editor, story)
        assert "**" not in draft.headline and not any("**" in p["text"] for p in draft.paragraphs)

    def test_it_takes_the_preferred_providers_passages(self, edith_editor):
        northwire = Provider.objects.create(name="Northwire")
        meridian = Provider.objects.create(name="Meridian Press", preferred=True)
        story = ingest_files(files=[IncomingCopy("nw.txt", HARBOUR_A.encode())], user=None, provider=northwire).story
        ingest_files(files=[IncomingCopy("mp.txt", HARBOUR_B.encode())], user=None, provider=meridian, story=story)
        body = " ".join(texts(edith_editor, story))
        assert "14 people" in body and "12 people" not in body


class TestComposePage:
    def test_it_shows_the_draft_with_its_provenance_and_a_preview(self, client, colin_copy_editor, story):
        client.force_login(colin_copy_editor)
        html = client.get(url("compose", story)).content.decode()
        assert 'id="preview"' in html and "Paragraph 1" in html
        # Both sources are Unattributed: each is named with its item too, as on every page.
        assert re.search(r"From <a href=\"[^\"]+#passage-\w+\">Unattributed · [\w-]+ ¶\d+</a>", html)

    def test_every_box_and_button_is_in_one_form_so_each_action_carries_the_text(self, editor, story):
        form = DraftForm.of(editor, story)
        assert len(form.ids) >= 4 and all(f"seen-{pid}" in form.fields for pid in form.ids)
        assert {"headline", "reason", "token", "base"} <= set(form.fields)

    def test_it_refuses_a_user_without_the_compose_permission(self, client, nora_no_role, story):
        client.force_login(nora_no_role)
        assert client.get(url("compose", story)).status_code == 403

    def test_it_sends_an_anonymous_htmx_request_to_log_in_without_a_fragment(self, client, story):
        response = client.post(url("paragraph_action", story, "r4", "drop"), headers=HTMX)
        assert response.status_code == 200 and response["HX-Redirect"].startswith(reverse("login"))

    def test_an_unknown_paragraph_action_is_404(self, editor, story):
        assert editor.post(url("paragraph_action", story, "r4", "explode")).status_code == 404


class TestTyping:
    def test_typed_text_is_stored_marked_edited_and_the_preview_follows(self, editor, edith_editor, story):
        form = DraftForm.of(editor, story).type(1, "A new lede.")
        response = editor.post(url("edit_draft", story), form.data(), headers=HTMX)
        html = response.content.decode()
        assert html.lstrip().startswith('<section id="preview"') and "A new lede." in html
        assert 'id="provenance-1" hx-swap-oob="true"' in html and "edited" in html
        paragraph = draft_of(edith_editor, story).paragraphs[0]
        assert paragraph["text"] == "A new lede." and paragraph["edited"] and paragraph["sources"]
        assert "HX-Request" in response["Vary"]

    def test_a_box_not_typed_in_leaves_the_paragraph_as_another_tab_changed_it(self, editor, edith_editor, story):
        stale = DraftForm.of(editor, story)
        editor.post(url("edit_draft", story), DraftForm.of(editor, story).type(2, "Changed in tab two.").data())
        editor.post(url("edit_draft", story), stale.type(1, "Changed in tab one.").data())
        assert texts(edith_editor, story)[:2] == ["Changed in tab one.", "Changed in tab two."]

    def test_an_empty_box_is_refused_with_a_message(self, editor, edith_editor, story):
        before = texts(edith_editor, story)[0]
        response = editor.post(url("edit_draft", story), DraftForm.of(editor, story).type(1, "  ").data(), follow=True)
        assert "Paragraph 1: A paragraph cannot be empty; drop it instead." in response.content.decode()
        assert texts(edith_editor, story)[0] == before

    def test_an_over_long_box_answers_htmx_with_the_preview_and_keeps_the_other_boxes(
        self, editor, edith_editor, story
    ):
        form = DraftForm.of(editor, story).type(1, "x" * 20_001).type(2, "Kept while its neighbour was refused.")
        response = editor.post(url("edit_draft", story), form.data(), headers=HTMX)
        html = response.content.decode()
        assert html.lstrip().startswith('<section id="preview"') and 'id="composer"' not in html
        assert "Paragraph 1: A paragraph can be at most 20,000 characters long" in html
        assert texts(edith_editor, story)[1] == "Kept while its neighbour was refused."

    def test_an_empty_headline_is_refused_in_words(self, editor, story):
        response = editor.post(url("edit_draft", story), DraftForm.of(editor, story).data(headline=" "), follow=True)
        assert "The headline cannot be empty." in response.content.decode()


class TestParagraphActions:
    def test_move_and_drop_carry_what_was_typed_first(self, editor, edith_editor, story):
        form = DraftForm.of(editor, story)
        first, second, third = (form.text(n) for n in (1, 2, 3))
        form.type(1, first + " Typed just before the click.")
        editor.post(url("paragraph_action", story, form.pid(1), "move"), form.data(step="1"))
        assert texts(edith_editor, story)[:3] == [second, first + " Typed just before the click.", third]
        editor.post(url("paragraph_action", story, form.pid(2), "drop"), DraftForm.of(editor, story).data())
        assert texts(edith_editor, story)[0] == first + " Typed just before the click."

    def test_an_htmx_action_gets_the_composer(self, editor, story):
        form = DraftForm.of(editor, story)
        response = editor.post(url("paragraph_action", story, form.pid(1), "move"), form.data(step="1"), headers=HTMX)
        assert response.content.decode().lstrip().startswith('<div id="composer"')

    def test_it_takes_another_sources_passage_or_both(self, editor, edith_editor, story):
        draft = draft_of(edith_editor, story)
        index = next(n for n, p in enumerate(draft.paragraphs) if "Holmgaard" in p["text"])
        pid, taken = draft.paragraphs[index]["id"], draft.paragraphs[index]["sources"][0]["source"]
        offered = editor.get(url("compose", story)).context["paragraphs"][index].alternatives
        other = next(
            n for n, alt in enumerate(offered) if len(alt.cells) == 1 and alt.text != texts(edith_editor, story)[index]
        )
        editor.post(url("paragraph_action", story, pid, "take"), DraftForm.of(editor, story).data(choice=other))
        assert draft_of(edith_editor, story).paragraphs[index]["sources"][0]["source"] != taken
        editor.post(
            url("paragraph_action", story, pid, "take"), DraftForm.of(editor, story).data(choice=len(offered) - 1)
        )
        paragraph = draft_of(edith_editor, story).paragraphs[index]
        assert len({entry["source"] for entry in paragraph["sources"]}) == 2 and paragraph["id"] == pid

    def test_the_passage_in_place_is_marked_and_not_offered_again(self, editor, edith_editor, story):
        draft = draft_of(edith_editor, story)
        index = next(n for n, p in enumerate(draft.paragraphs) if "Holmgaard" in p["text"])
        offered = editor.get(url("compose", story)).context["paragraphs"][index].alternatives
        [in_place] = [alt for alt in offered if alt.in_place]
        assert in_place.text == draft.paragraphs[index]["text"]
        item = editor.get(url("compose", story)).content.decode().split(f'id="paragraph-{index + 1}"')[1]
        item = item[: item.index('id="paragraph-')] if 'id="paragraph-' in item else item
        assert f"In place: {in_place.label}" in item and f"Take {in_place.label}<" not in item

    def test_a_row_only_one_source_has_offers_no_other_passage(self, editor, edith_editor, story):
        """The scraper's closing line only one version carries: nothing else to take."""
        paragraphs = editor.get(url("compose", story)).context["paragraphs"]
        alone = [p for p in paragraphs if p.alternatives and not p.has_other_passages]
        assert alone and all(len(p.alternatives) == 1 and p.alternatives[0].in_place for p in alone)
        html = editor.get(url("compose", story)).content.decode()
        for paragraph in alone:
            item = html.split(f'id="paragraph-{paragraph.number}"')[1].split('id="paragraph-')[0]
            assert "Take another passage" not in item

    def test_a_paragraph_no_longer_there_is_refused_with_a_message(self, editor, story):
        response = editor.post(url("paragraph_action", story, "gone", "drop"), follow=True)
        assert "no longer in your draft" in response.content.decode()


def save(client, story, form: DraftForm, **extra):
    return client.post(url("save_draft", story), form.data(reason="desk edit", **extra))


class TestSaving:
    def test_a_save_makes_an_immutable_version_with_provenance_and_an_audit_event(self, editor, edith_editor, story):
        response = editor.post(url("save_draft", story), DraftForm.of(editor, story).data(reason="first"), follow=True)
        assert "Saved as version 1." in response.content.decode()
        version = ArticleVersion.objects.get()
        assert version.created_by == edith_editor and version.reason == "first"
        assert version.paragraphs and all(p["sources"] and p["id"] for p in version.paragraphs)
        assert AuditEvent.objects.filter(action=AuditAction.SAVE, actor=edith_editor).count() == 1

    def test_a_save_keeps_what_was_typed_just_before_it(self, editor, edith_editor, story):
        form = DraftForm.of(editor, story)
        save(editor, story, form.type(3, form.text(3) + " Typed, then Save at once."))
        assert ArticleVersion.objects.get().paragraphs[2]["text"].endswith("Typed, then Save at once.")
        assert texts(edith_editor, story)[2].endswith("Typed, then Save at once.")

    def test_a_save_needs_a_reason_and_keeps_the_typed_text(self, editor, edith_editor, story):
        form = DraftForm.of(editor, story).type(1, "Kept although the save was refused.")
        response = editor.post(url("save_draft", story), form.data(reason=""))
        assert response.status_code == 400 and "Say briefly why you save this version." in response.content.decode()
        assert not ArticleVersion.objects.exists() and texts(edith_editor, story)[0].startswith("Kept although")

    def test_the_same_form_sent_twice_saves_once(self, editor, story):
        form = DraftForm.of(editor, story).type(1, "Double-clicked.")
        save(editor, story, form)
        response = editor.get(save(editor, story, form)["Location"])
        assert ArticleVersion.objects.count() == 1
        assert "Nothing new to save: version 1 already holds your draft." in response.content.decode()

    def test_a_save_with_nothing_changed_since_the_newest_makes_no_version(self, editor, story):
        save(editor, story, DraftForm.of(editor, story))
        save(editor, story, DraftForm.of(editor, story))
        assert ArticleVersion.objects.count() == 1

    def test_an_article_without_paragraphs_is_not_saved(self, editor, edith_editor, story):
        draft = draft_of(edith_editor, story)
        draft.paragraphs = []
        draft.save()
        response = save(editor, story, DraftForm.of(editor, story))
        assert response.status_code == 400 and "the article has no paragraph" in response.content.decode()
        assert not ArticleVersion.objects.exists()


class TestMerging:
    @pytest.fixture
    def both_from_version_1(self, client, edith_editor, colin_copy_editor, story):
        """Edith saved version 1; Colin's and Edith's pages both show a draft from it."""
        save_draft(draft=draft_of(edith_editor, story), reason="first")
        client.force_login(colin_copy_editor)
        colin = DraftForm.of(client, story)
        client.force_login(edith_editor)
        return colin, DraftForm.of(client, story)

    def test_changes_to_different_paragraphs_combine_without_asking(
        self, client, colin_copy_editor, story, both_from_version_1
    ):
        colin, edith = both_from_version_1
        save(client, story, edith.type(1, "Edith's lede."))
        client.force_login(colin_copy_editor)
        response = client.get(save(client, story, colin.type(2, "Colin's second paragraph."))["Location"])
        assert "Saved as version 3. It combines your changes with version 2 by edith" in response.content.decode()
        newest = ArticleVersion.objects.get(number=3)
        assert newest.body.startswith("Edith's lede.\n\nColin's second paragraph.")
        assert (newest.based_on.number, newest.merged_with.number) == (1, 2)
        assert "merged with version 2" in AuditEvent.objects.filter(action=AuditAction.SAVE).first().summary

    def test_the_same_paragraph_changed_by_both_waits_for_a_choice(
        self, client, colin_copy_editor, story, both_from_version_1
    ):
        colin, edith = both_from_version_1
        save(client, story, edith.type(1, "Edith's lede."))
        client.force_login(colin_copy_editor)
        response = client.post(
            url("save_draft", story), colin.type(1, "Colin's lede.").type(2, "Colin's 2.").data(reason="mine")
        )
        html = response.content.decode()
        assert response.status_code == 409 and ArticleVersion.objects.count() == 2
        assert (
            "you both changed one paragraph" in html and "Edith&#x27;s lede." in html and "Colin&#x27;s lede." in html
        )
        assert 'value="mine"' in html and 'name="theirs" value="2"' in html  # the note typed is kept
        prompt = DraftForm(html)
        response = client.post(
            url("save_draft", story),
            prompt.data(**{f"take-{prompt.pid(1)}": "edit", f"edit-{prompt.pid(1)}": "Both ledes, agreed."}),
        )
        assert response.status_code == 302
        newest = ArticleVersion.objects.get(number=3)
        assert newest.body.startswith("Both ledes, agreed.\n\nColin's 2.") and newest.merged_with.number == 2

    def test_a_choice_made_against_an_older_version_is_asked_again(
        self, client, edith_editor, colin_copy_editor, story, both_from_version_1
    ):
        colin, edith = both_from_version_1
        save(client, story, edith.type(1, "Edith's lede."))
        client.force_login(colin_copy_editor)
        prompt = DraftForm(
            client.post(url("save_draft", story), colin.type(1, "Colin's lede.").data(reason="r")).content.decode()
        )
        save_draft(draft=rewrite(edith_editor, story, 0, "Edith again."), reason="again")
        response = client.post(url("save_draft", story), prompt.data(**{f"take-{prompt.pid(1)}": "mine"}))
        assert response.status_code == 409 and "version 3" in response.content.decode()


class TestVersions:
    def test_restoring_an_old_version_makes_a_new_one(self, editor, edith_editor, story):
        first = save_draft(draft=draft_of(edith_editor, story), reason="one").version
        draft = draft_of(edith_editor, story)
        draft.paragraphs = draft.paragraphs[1:]
        draft.save()
        save_draft(draft=draft, reason="two")
        editor.post(url("restore_version", story, 1))
        newest = ArticleVersion.objects.latest("number")
        assert newest.number == 3 and newest.body == first.body and newest.reason == "Restored version 1"
        assert AuditEvent.objects.filter(action=AuditAction.RESTORE).count() == 1

    @pytest.fixture
    def two_versions(self, edith_editor, story):
        save_draft(draft=draft_of(edith_editor, story), reason="one")
        index, lede = next((n, t) for n, t in enumerate(texts(edith_editor, story)) if "injuring 1" in t)
        changed = re.sub(r"injuring 1\d", "injuring 19", lede)
        save_draft(draft=rewrite(edith_editor, story, index, changed), reason="two")

    def test_any_two_versions_open_side_by_side(self, editor, story, two_versions):
        response = editor.get(url("version_diff", story), {"a": 1, "b": 2})
        html = response.content.decode()
        assert response.status_code == 200 and "Version 1" in html and "Version 2" in html
        assert 'data-status="changed"' in html and "<ins>" in html

    def test_a_conflict_chosen_with_htmx_swaps_only_the_grid_and_marks_it(self, editor, story, two_versions):
        page = editor.get(url("version_diff", story), {"a": 1, "b": 2}).content.decode()
        key = re.search(r'hx-get="\?a=1&amp;b=2&amp;conflict=([0-9a-f-]+)"', page)[1]
        response = editor.get(url("version_diff", story), {"a": 1, "b": 2, "conflict": key}, headers=HTMX)
        html = response.content.decode()
        assert html.lstrip().startswith('<div id="comparison"') and "site-header" not in html
        assert "data-marked" in html and "HX-Request" in response["Vary"]
