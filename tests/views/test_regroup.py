"""The story page's move and merge forms, and where a merged story's pages lead."""

import pytest
from django.urls import reverse

from stories.models import Article, AuditAction, Source, Story
from stories.services.ingest import IncomingCopy, ingest_files
from stories.services.regroup import merge_stories
from stories.views.regroup import BAD_MOVE

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "nora_no_role", "colin_copy_editor", "edith_editor", "alice_admin"]
LOGIN = 302


def story_of(*names: str) -> Story:
    files = [
        IncomingCopy(f"{name}.txt", f"{name.title()} Report\n\nThe {name} report came in.\n".encode()) for name in names
    ]
    return ingest_files(files=files, user=None).story


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def stories():
    return story_of("harbour", "pier", "school"), story_of("roof")


@pytest.mark.parametrize("role_index, role", list(enumerate(ROLES)))
@pytest.mark.parametrize(
    "action, expected", [("move", [LOGIN, 403, 403, 302, 302]), ("merge", [LOGIN, 403, 403, 302, 302])]
)
def test_only_editors_and_admins_regroup(client, request, stories, role_index, role, action, expected):
    mixed, roof = stories
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    school = Source.objects.get(item_id="school")
    if action == "move":
        response = client.post(reverse("stories:move_source", args=[mixed.pk, school.pk]), {"to_story": roof.pk})
    else:
        response = client.post(reverse("stories:merge_story", args=[roof.pk]), {"into": mixed.pk})
    assert response.status_code == expected[role_index]
    moved = Source.objects.get(pk=school.pk).story_id == roof.pk or Story.objects.get(pk=roof.pk).merged_into_id
    assert bool(moved) == (expected[role_index] == 302 and role != "anonymous")


def test_a_get_to_merge_is_405(client, edith_editor, stories):
    client.force_login(edith_editor)
    assert client.get(reverse("stories:merge_story", args=[stories[0].pk])).status_code == 405


def test_a_move_is_chosen_explicitly_and_confirmed_before_it_is_done(client, edith_editor, stories):
    mixed, roof = stories
    client.force_login(edith_editor)
    page = client.get(reverse("stories:story", args=[mixed.pk])).content.decode()
    select = page[page.index('name="to_story"') :].split("</select>")[0]
    first = select.index("<option")
    assert select.index('value="" selected>— choose where —</option>') == first + len('<option '), "no move chosen"
    assert first < select.index('value="new"')
    assert f"#{roof.pk} · Roof Report — Unattributed · newest copy" in select
    school = Source.objects.get(item_id="school")
    url = reverse("stories:move_source", args=[mixed.pk, school.pk])
    response = client.get(url, {"to_story": ""}, follow=True)
    assert messages_of(response) == [BAD_MOVE] and Source.objects.get(pk=school.pk).story == mixed

    confirm = client.get(url, {"to_story": roof.pk}).content.decode()
    assert "Move this source?" in confirm and f"#{roof.pk} “Roof Report”" in confirm
    assert '<input type="hidden" name="to_story" value="' + str(roof.pk) + '">' in confirm
    assert Source.objects.get(pk=school.pk).story == mixed, "asking is not doing"
    client.post(url, {"to_story": roof.pk})
    assert Source.objects.get(pk=school.pk).story == roof


def test_an_editor_moves_a_source_from_the_story_page(client, edith_editor, stories):
    mixed, roof = stories
    client.force_login(edith_editor)
    page = client.get(reverse("stories:story", args=[mixed.pk])).content.decode()
    assert page.count(f'action="/stories/{mixed.pk}/sources/') == 3 and "Merge this story into" in page

    school = Source.objects.get(item_id="school")
    response = client.post(reverse("stories:move_source", args=[mixed.pk, school.pk]), {"to_story": "new"}, follow=True)
    new = Source.objects.get(pk=school.pk).story
    assert new not in stories and new.headline == "School Report"
    link = f'<a href="{reverse("stories:story", args=[new.pk])}">#{new.pk} School Report</a>'
    assert messages_of(response) == [f"Moved Unattributed · school to a new story of its own: {link}."]
    assert link in response.content.decode(), "the message links the story it made"
    assert "Moved Unattributed · school from “Harbour Report” to “School Report”" in response.content.decode()


def test_a_copy_editor_sees_no_regroup_forms(client, colin_copy_editor, stories):
    client.force_login(colin_copy_editor)
    page = client.get(reverse("stories:story", args=[stories[0].pk])).content.decode()
    assert "/move/" not in page and "Merge this story into" not in page


def test_a_bad_choice_or_a_refused_move_says_why(client, edith_editor, stories):
    mixed, roof = stories
    client.force_login(edith_editor)
    school = Source.objects.get(item_id="school")
    url = reverse("stories:move_source", args=[mixed.pk, school.pk])
    response = client.post(url, {"to_story": "99999"}, follow=True)
    assert messages_of(response) == [BAD_MOVE]
    only = roof.sources.get()
    response = client.post(reverse("stories:move_source", args=[roof.pk, only.pk]), {"to_story": mixed.pk}, follow=True)
    assert "It is the only source of “Roof Report”" in messages_of(response)[0]
    assert Source.objects.get(pk=only.pk).story == roof


def test_a_merged_story_leaves_the_inbox_and_its_pages_lead_to_the_other(client, edith_editor, stories):
    mixed, roof = stories
    merge_stories(story=roof, into=mixed, by=edith_editor)
    client.force_login(edith_editor)

    inbox = client.get(reverse("stories:inbox"))
    assert [story.pk for story in inbox.context["page"]] == [mixed.pk]
    response = client.get(reverse("stories:compare", args=[roof.pk]), {"repeats": "on"})
    assert response.status_code == 302
    assert response["Location"] == reverse("stories:compare", args=[mixed.pk]) + "?repeats=on"
    response = client.post(reverse("stories:restart_draft", args=[roof.pk]), follow=True)
    assert messages_of(response) == ["This story was merged into “Harbour Report”; nothing was changed."]
    assert not Article.objects.filter(story=roof).exists(), "no article started on the merged story"

    history = client.get(reverse("stories:story", args=[mixed.pk])).context["history"]
    actions = {event.action for event in history}
    assert AuditAction.MERGE_STORY in actions
    assert any(event.story_id == roof.pk and event.action == AuditAction.INGEST for event in history), (
        "the merged story's own history shows on the story it joined"
    )


def test_an_htmx_action_on_a_merged_story_is_sent_on_by_htmx(client, edith_editor, stories):
    mixed, roof = stories
    merge_stories(story=roof, into=mixed, by=edith_editor)
    client.force_login(edith_editor)
    response = client.post(reverse("stories:restart_draft", args=[roof.pk]), headers={"HX-Request": "true"})
    assert response["HX-Redirect"] == reverse("stories:compare", args=[mixed.pk])
