"""The lines a wire article carries besides headline and body: dek, byline, dateline and
credit line. Proposed by the first draft, edited in compose, saved with every version,
merged line by line, and given to readers on the page and in ninjs."""

import pytest
from django.urls import reverse

from stories.credits import proposed_credits
from stories.models import ArticleDraft, ArticleVersion, Provider
from stories.services.compose import MergeNeeded, article_for, draft_for, save_draft
from stories.services.ingest import IncomingCopy, ingest_files
from stories.services.merge import Choice
from tests import desk
from tests.views.compose_form import DraftForm
from tests.views.copy import HARBOUR_A, HARBOUR_B

pytestmark = pytest.mark.django_db
LINES = {
    "dek": "Twelve hurt as flames gut a cold store; the pier stays shut",
    "byline": "By Ines Varga",
    "dateline": "PORT ALDER, Nov. 29",
    "credit": "Northwire, Meridian Press",
}


@pytest.fixture
def agencies_story():
    northwire, meridian = Provider.objects.create(name="Northwire"), Provider.objects.create(name="Meridian Press")
    story = ingest_files(files=[IncomingCopy("nw.txt", HARBOUR_A.encode())], user=None, provider=northwire).story
    ingest_files(files=[IncomingCopy("mp.txt", HARBOUR_B.encode())], user=None, provider=meridian, story=story)
    return story


def url(name: str, story) -> str:
    return reverse(f"stories:{name}", args=[story.pk])


def test_the_first_draft_proposes_the_dateline_and_the_agencies_it_takes_from(edith_editor, agencies_story):
    draft = draft_for(article=article_for(agencies_story), editor=edith_editor)
    assert draft.credits["dateline"] == "PORT ALDER"
    assert draft.credits["credit"] == "Northwire, Meridian Press"  # the union's call is Meridian's alone
    assert draft.credits["byline"] == "" and draft.credits["dek"] == ""


@pytest.mark.parametrize(
    "opening, dateline",
    [
        ("PORT ALDER (Northwire) - A fire tore through", "PORT ALDER"),
        ("ODELSTAD, Norland, Nov. 29 (Reuters) - The central bank", "ODELSTAD, Norland, Nov. 29"),
        ("LONDON — Shares fell", "LONDON"),
        ("Police said the cause was not known.", ""),
    ],
)
def test_a_dateline_is_read_from_the_opening_of_the_first_paragraph(opening, dateline):
    assert proposed_credits(["Firefighters fought for hours.", opening], [])["dateline"] == dateline


def test_an_editor_writes_the_lines_and_they_are_saved_with_the_version_and_undone_as_a_step(
    editor, edith_editor, agencies_story
):
    form = DraftForm.of(editor, agencies_story)
    editor.post(url("edit_draft", agencies_story), form.data(**LINES))
    draft = ArticleDraft.objects.get(article__story=agencies_story, editor=edith_editor)
    assert draft.credits == LINES
    page = editor.get(url("compose", agencies_story)).content.decode()
    assert f'<p class="byline">{LINES["byline"]}</p>' in page and 'value="By Ines Varga"' in page
    editor.post(url("save_draft", agencies_story), DraftForm.of(editor, agencies_story).data(reason="lines"))
    assert ArticleVersion.objects.get().credits == LINES
    editor.post(url("edit_draft", agencies_story), DraftForm.of(editor, agencies_story).data(byline="By Tom Ekdahl"))
    editor.post(
        reverse("stories:draft_action", args=[agencies_story.pk, "undo"]), DraftForm.of(editor, agencies_story).data()
    )
    assert ArticleDraft.objects.get(pk=draft.pk).credits["byline"] == "By Ines Varga"


def test_a_save_that_changes_only_a_line_makes_a_version(editor, edith_editor, agencies_story):
    editor.post(url("save_draft", agencies_story), DraftForm.of(editor, agencies_story).data(reason="first"))
    form = DraftForm.of(editor, agencies_story)
    editor.post(url("save_draft", agencies_story), form.data(reason="byline", byline="By Ines Varga"))
    assert [v.credits["byline"] for v in ArticleVersion.objects.order_by("number")] == ["", "By Ines Varga"]


def test_two_editors_changing_one_line_differently_are_asked_and_other_lines_combine(
    edith_editor, colin_copy_editor, agencies_story
):
    article = article_for(agencies_story)
    save_draft(draft=draft_for(article=article, editor=edith_editor), reason="first")
    mine, theirs = (draft_for(article=article, editor=user) for user in (edith_editor, colin_copy_editor))
    theirs.credits = {**theirs.credits, "byline": "By Colin Marsh", "dek": "A dek of Colin's"}
    theirs.save()
    save_draft(draft=theirs, reason="colin's lines")
    mine.credits = {**mine.credits, "byline": "By Edith Lund"}
    mine.save()
    with pytest.raises(MergeNeeded) as needed:
        save_draft(draft=mine, reason="edith's byline", theirs_seen=2)
    [clash] = needed.value.merge.unsettled
    assert (clash.what, clash.theirs, clash.mine) == ("The byline", "By Colin Marsh", "By Edith Lund")
    saved = save_draft(draft=mine, reason="edith's byline", theirs_seen=2, choices={clash.key: Choice("mine")}).version
    assert saved.credits["byline"] == "By Edith Lund" and saved.credits["dek"] == "A dek of Colin's"


def test_readers_get_the_lines_on_the_page_and_in_ninjs(client, edith_editor, agencies_story, settings):
    settings.NEWSROOM_ALLOW_SELF_APPROVAL = settings.NEWSROOM_APPROVE_WITH_OPEN_CONFLICTS = True
    article = article_for(agencies_story)
    draft = draft_for(article=article, editor=edith_editor)
    draft.credits = dict(LINES)
    draft.save()
    save_draft(draft=draft, reason="with lines")
    desk.publish(desk.approve(desk.submit(article, edith_editor), edith_editor), edith_editor)
    page = client.get(reverse("public:article", args=[article.pk])).content.decode()
    for css, text in [("dek", LINES["dek"]), ("byline", LINES["byline"]), ("dateline-place", LINES["dateline"])]:
        assert f'<p class="{css}">{text}</p>' in page
    assert '<p class="credit-line">Northwire, Meridian Press</p>' in page
    item = client.get(reverse("public:article_json", args=[article.pk])).json()
    assert (item["by"], item["located"]) == (LINES["byline"], LINES["dateline"])
    assert {"role": "summary", "contenttype": "text/plain", "value": LINES["dek"]} in item["descriptions"]
    assert [source["name"] for source in item["infosources"]] == ["Northwire", "Meridian Press"]
