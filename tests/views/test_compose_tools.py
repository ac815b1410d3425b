"""Compose tools: undo and redo of the draft's last changes (kept with the draft), a
paragraph of one's own anywhere, and any passage the draft leaves out brought back."""

import pytest
from django.urls import reverse

from stories.models import ArticleDraft
from stories.services.ingest import IncomingCopy, ingest_files
from tests.test_drafting import FIRST, SECOND
from tests.views.compose_form import DraftForm

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def opened(editor, story):
    """The editor opened the compose page: their draft exists."""
    assert editor.get(reverse("stories:compose", args=[story.pk])).status_code == 200


def url(name: str, story, *args) -> str:
    return reverse(f"stories:{name}", args=[story.pk, *args])


def texts(user, story) -> list[str]:
    return [p["text"] for p in ArticleDraft.objects.get(article__story=story, editor=user).paragraphs]


def act(client, story, action: str, **extra):
    return client.post(url("draft_action", story, action), DraftForm.of(client, story).data(**extra), follow=True)


def paragraph(client, story, number: int, action: str, **extra):
    form = DraftForm.of(client, story)
    return client.post(url("paragraph_action", story, form.pid(number), action), form.data(**extra), follow=True)


def test_undo_takes_back_the_last_change_and_redo_makes_it_again(editor, edith_editor, story):
    start = texts(edith_editor, story)
    assert "disabled>Undo</button>" in editor.get(url("compose", story)).content.decode()
    paragraph(editor, story, 2, "drop")
    assert texts(edith_editor, story) == start[:1] + start[2:]
    page = editor.get(url("compose", story)).content.decode()  # kept with the draft: a reload keeps it
    assert ">Undo dropping a paragraph</button>" in page
    act(editor, story, "undo")
    assert texts(edith_editor, story) == start
    assert ">Redo dropping a paragraph</button>" in editor.get(url("compose", story)).content.decode()
    act(editor, story, "redo")
    assert texts(edith_editor, story) == start[:1] + start[2:]


def test_typing_in_a_paragraph_is_one_step_and_a_new_change_forgets_what_was_undone(editor, edith_editor, story):
    start = texts(edith_editor, story)
    for typed in (" One.", " One. Two.", " One. Two. Three."):  # the box's timed saves as one types
        form = DraftForm.of(editor, story)
        editor.post(url("edit_draft", story), form.type(1, start[0] + typed).data())
    assert texts(edith_editor, story)[0] == start[0] + " One. Two. Three."
    response = act(editor, story, "undo")
    assert texts(edith_editor, story) == start
    act(editor, story, "redo")
    paragraph(editor, story, 1, "move", step="1")
    page = editor.get(url("compose", story)).content.decode()
    assert "disabled>Redo</button>" in page and response.status_code == 200


def test_at_least_twenty_steps_are_kept(editor, edith_editor, story):
    start = texts(edith_editor, story)
    for _ in range(22):
        paragraph(editor, story, 1, "move", step="1")
    for _ in range(22):
        act(editor, story, "undo")
    assert texts(edith_editor, story) == start


def test_undo_with_nothing_to_undo_says_so(editor, story):
    response = act(editor, story, "undo")
    assert "There is nothing to undo." in response.content.decode()


def test_an_editor_adds_a_paragraph_of_their_own_where_they_choose(editor, edith_editor, story):
    start = texts(edith_editor, story)
    form = DraftForm.of(editor, story)
    own = "The harbour master said the pier would reopen within a week."
    editor.post(url("draft_action", story, "add"), form.data(new_text=own, after=form.pid(2)))
    assert texts(edith_editor, story) == [*start[:2], own, *start[2:]]
    page = editor.get(url("compose", story)).content.decode()
    assert "Written at the desk" in page and own in page
    act(editor, story, "add", new_text="At the top.", after="")
    assert texts(edith_editor, story)[0] == "At the top."
    response = act(editor, story, "add", new_text="   ", after="")
    assert "Write the new paragraph first, then add it." in response.content.decode()
    assert len(texts(edith_editor, story)) == len(start) + 2


def test_a_dropped_passage_is_listed_and_brought_back_in_its_place(editor, edith_editor, story):
    start = texts(edith_editor, story)
    paragraph(editor, story, 3, "drop")
    page = editor.get(url("compose", story)).content.decode()
    listed = page[page.index('<details class="left-out-passages">') :].split("</details>")[0]
    [item] = [li for li in listed.split("<li>")[1:] if " ".join(start[2].split()[:6]) in li]
    assert "Bring back" in item
    value = item.split('name="passage" value="')[1].split('"')[0]
    form = DraftForm.of(editor, story)
    editor.post(url("draft_action", story, "bring"), form.data(passage=value))
    assert texts(edith_editor, story) == start


def test_a_stale_or_forged_passage_is_refused_in_words(editor, edith_editor, story):
    start = texts(edith_editor, story)
    for forged in ("999:Z9", "0:A1<script>", ""):
        response = act(editor, story, "bring", passage=forged)
        assert "no longer in the sources" in response.content.decode()
    assert texts(edith_editor, story) == start


def test_a_passage_the_first_draft_left_out_as_said_already_is_listed_with_that_reason(client, edith_editor):
    story = ingest_files(files=[IncomingCopy("first.txt", FIRST.encode())], user=None).story
    ingest_files(files=[IncomingCopy("second.txt", SECOND.encode())], user=None, story=story)
    client.force_login(edith_editor)
    page = client.get(url("compose", story)).content.decode()
    listed = page[page.index('<details class="left-out-passages">') :].split("</details>")[0]
    [item] = [li for li in listed.split("<li>")[1:] if "Officials put the damage" in li]
    assert "What it says, the draft says already." in item
