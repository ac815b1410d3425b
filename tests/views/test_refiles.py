"""Re-filed copy: a source's newer version marked in the draft, taken into it, flagged in the
inbox, and read side by side with the version before it."""

import re

import pytest
from django.urls import reverse

from stories.models import ArticleDraft, Source, SourceVersion
from stories.services.compose import article_for, draft_for, save_draft
from stories.services.ingest import IncomingCopy, ingest_files
from tests.views.compose_form import DraftForm
from tests.views.copy import HARBOUR_A

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}

# Northwire's second version: two passages the draft uses are re-worded, the others are not.
REFILED_A = HARBOUR_A.replace("six hours", "seven hours").replace("cleared in time", "cleared just in time")
SIX_HOURS, SOREN, POLICE = 1, 3, 5  # the draft's paragraphs from Northwire (the 2nd and 6th are Meridian's)


def url(name: str, story, *args) -> str:
    return reverse(f"stories:{name}", args=[story.pk, *args])


def refile(story, text: str = REFILED_A) -> SourceVersion:
    """Northwire sends its item again with new wording: the source's next version."""
    report = ingest_files(files=[IncomingCopy("northwire.txt", text.encode())], user=None, story=story)
    return report.results[0].version


def other_story():
    text = "A quiet day at the harbour.\nOther Story\n\nNothing burned at the harbour today.\n"
    return ingest_files(files=[IncomingCopy("other.txt", text.encode())], user=None).story


def draft_of(user, story) -> ArticleDraft:
    return draft_for(article=article_for(story), editor=user)


def texts(user, story) -> list[str]:
    return [paragraph["text"] for paragraph in draft_of(user, story).paragraphs]


def paragraph_html(html: str, number: int) -> str:
    """The compose page's markup of draft paragraph `number`."""
    start = html.index(f'id="paragraph-{number}"')
    end = html.find(f'id="paragraph-{number + 1}"', start)
    return html[start : end if end != -1 else html.index('class="save-form"')]


@pytest.fixture
def new_version(edith_editor, story) -> SourceVersion:
    """Edith's draft was taken from Northwire's first version; then Northwire re-filed."""
    draft_of(edith_editor, story)
    return refile(story)


class TestMarkedInTheDraft:
    def test_it_marks_each_paragraph_whose_passage_was_reworded_with_the_change(self, editor, story, new_version):
        response = editor.get(url("compose", story))
        html = response.content.decode()
        assert [p.number for p in response.context["paragraphs"] if p.is_refiled] == [SIX_HOURS, SOREN]
        marked = paragraph_html(html, SIX_HOURS)
        assert "Re-filed:</strong> Unattributed · northwire, version 1 → 2" in marked
        assert "for <del>six </del><ins>seven </ins>hours." in marked and "Take the new wording" in marked
        assert "<ins>just " in paragraph_html(html, SOREN)
        assert "2 paragraphs of your draft use a source's older version" in html

    def test_it_leaves_a_paragraph_whose_passage_did_not_change_unmarked(self, editor, story, new_version):
        unchanged = paragraph_html(editor.get(url("compose", story)).content.decode(), POLICE)
        assert "Police said the cause" in unchanged
        assert "Re-filed" not in unchanged and "Take the new wording" not in unchanged

    def test_a_draft_from_the_newest_versions_is_not_marked(self, editor, story):
        html = editor.get(url("compose", story)).content.decode()
        assert "Re-filed" not in html and "Take the new wording" not in html


class TestTakingTheNewWording:
    def test_it_patches_the_new_wording_in_and_keeps_the_editors_own_edit(
        self, editor, edith_editor, story, new_version
    ):
        form = DraftForm.of(editor, story)
        form.type(SIX_HOURS, "Exhausted " + form.text(SIX_HOURS).replace("Firefighters", "firefighters"))
        editor.post(url("paragraph_action", story, form.pid(SIX_HOURS), "refile"), form.data())
        paragraph = draft_of(edith_editor, story).paragraphs[SIX_HOURS - 1]
        assert paragraph["text"] == "Exhausted firefighters fought the flames for seven hours."
        assert [entry["version"] for entry in paragraph["sources"]] == [new_version.pk]
        assert texts(edith_editor, story)[SOREN - 1].endswith("cleared in time."), "only the paragraph asked for"

    def test_a_paragraph_taken_is_no_longer_marked(self, editor, story, new_version):
        form = DraftForm.of(editor, story)
        editor.post(url("paragraph_action", story, form.pid(SIX_HOURS), "refile"), form.data())
        response = editor.get(url("compose", story))
        assert [p.number for p in response.context["paragraphs"] if p.is_refiled] == [SOREN]

    def test_it_takes_the_new_wording_in_every_marked_paragraph(self, editor, edith_editor, story, new_version):
        before = texts(edith_editor, story)
        editor.post(url("take_all_refiled", story), DraftForm.of(editor, story).data())
        after = draft_of(edith_editor, story)
        assert after.paragraphs[SIX_HOURS - 1]["text"] == "Firefighters fought the flames for seven hours."
        assert after.paragraphs[SOREN - 1]["text"].endswith("the building had been cleared just in time.")
        assert [p["text"] for p in after.paragraphs][SOREN:] == before[SOREN:]
        northwire = new_version.source_id
        used = {entry["version"] for p in after.paragraphs for entry in p["sources"] if entry["source"] == northwire}
        assert used == {new_version.pk}
        assert not any(p.is_refiled for p in editor.get(url("compose", story)).context["paragraphs"])

    def test_an_edit_that_overlaps_the_change_is_kept_and_named(self, editor, edith_editor, story, new_version):
        form = DraftForm.of(editor, story).type(SIX_HOURS, "Firefighters fought the flames for 6 hours.")
        response = editor.post(url("take_all_refiled", story), form.data(), follow=True)
        assert "Paragraph 1: Your edit of this paragraph overlaps the re-filed change" in response.content.decode()
        paragraphs = draft_of(edith_editor, story).paragraphs
        assert paragraphs[SIX_HOURS - 1]["text"] == "Firefighters fought the flames for 6 hours."
        assert paragraphs[SOREN - 1]["text"].endswith("cleared just in time."), "the others still take it"

    @pytest.mark.parametrize("one", [True, False], ids=["one", "all"])
    def test_an_htmx_request_gets_the_composer(self, editor, story, new_version, one):
        form = DraftForm.of(editor, story)
        target = url("paragraph_action", story, form.pid(1), "refile") if one else url("take_all_refiled", story)
        response = editor.post(target, form.data(), headers=HTMX)
        html = response.content.decode()
        assert html.lstrip().startswith('<div id="composer"') and "seven hours" in html
        assert "HX-Request" in response["Vary"]

    def test_it_refuses_a_user_without_the_compose_permission(self, client, nora_no_role, story, new_version):
        client.force_login(nora_no_role)
        assert client.post(url("take_all_refiled", story)).status_code == 403
        assert client.post(url("paragraph_action", story, "r4", "refile")).status_code == 403

    def test_a_get_is_not_allowed(self, editor, story):
        assert editor.get(url("take_all_refiled", story)).status_code == 405


class TestInbox:
    def test_it_says_a_storys_newest_version_uses_copy_refiled_since(self, client, edith_editor, story):
        quiet = other_story()
        for each in (story, quiet):
            save_draft(draft=draft_of(edith_editor, each), reason="first")
        refile(story)
        client.force_login(edith_editor)
        html = client.get(reverse("stories:inbox")).content.decode()
        assert html.count("Re-filed since version") == 1
        assert "Re-filed since version 1" in html[html.index("Harbour Blaze") : html.index("Other Story")]

    def test_it_says_nothing_when_the_copy_was_not_refiled(self, client, edith_editor, story):
        save_draft(draft=draft_of(edith_editor, story), reason="first")
        client.force_login(edith_editor)
        assert "Re-filed since" not in client.get(reverse("stories:inbox")).content.decode()


class TestSourceVersionsSideBySide:
    @pytest.fixture
    def northwire(self, story, new_version) -> Source:
        return new_version.source

    def test_the_story_page_offers_two_versions_of_a_refiled_source(self, editor, story, northwire):
        html = editor.get(url("story", story)).content.decode()
        assert f'action="{url("source_versions_diff", story, northwire.pk)}"' in html and "Side by side" in html

    def test_it_opens_two_versions_in_the_compare_grid_with_the_change_marked(self, editor, story, northwire):
        response = editor.get(url("source_versions_diff", story, northwire.pk), {"a": 1, "b": 2})
        html = response.content.decode()
        assert response.status_code == 200 and "version 1 and version 2" in html
        assert 'data-status="changed"' in html and "<ins>" in html and "<del>" in html and "seven" in html

    def test_a_conflict_chosen_with_htmx_swaps_only_the_grid(self, editor, story, northwire):
        target = url("source_versions_diff", story, northwire.pk)
        page = editor.get(target, {"a": 1, "b": 2}).content.decode()
        key = re.search(r'hx-get="\?a=1&amp;b=2&amp;conflict=([0-9a-f-]+)"', page)[1]
        response = editor.get(target, {"a": 1, "b": 2, "conflict": key}, headers=HTMX)
        html = response.content.decode()
        assert html.lstrip().startswith('<div id="comparison"') and "site-header" not in html
        assert "data-marked" in html and "HX-Request" in response["Vary"]

    def test_a_bad_pair_goes_back_to_the_story_with_a_message(self, editor, story, northwire):
        response = editor.get(url("source_versions_diff", story, northwire.pk), {"a": 1})
        assert response.status_code == 302 and response["Location"] == url("story", story)
        assert "Choose two versions of the source to compare." in editor.get(response["Location"]).content.decode()

    def test_a_version_the_source_does_not_have_is_404(self, editor, story, northwire):
        assert editor.get(url("source_versions_diff", story, northwire.pk), {"a": 1, "b": 9}).status_code == 404

    def test_a_source_of_another_story_is_404(self, editor, story, northwire):
        response = editor.get(url("source_versions_diff", other_story(), northwire.pk), {"a": 1, "b": 2})
        assert response.status_code == 404
