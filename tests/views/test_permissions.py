"""Every page and action against every role and an anonymous visitor.

Each case sets the article in the state where the action makes sense, so a refusal here is
the permission's doing, not the state's.
"""

import pytest
from django.urls import reverse

from stories.services.compose import article_for, draft_for, save_draft
from tests import desk
from tests.views.copy import harbour_story

# Approval does not wait for conflicting facts here: these tests are about other things
# (test_conflict_settlement.py holds approval to them).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("conflicts_do_not_hold_approval")]

ROLES = ["anonymous", "nora_no_role", "colin_copy_editor", "edith_editor", "alice_admin"]
LOGIN = 302  # anonymous visitors are sent to the login page
# (name, method, url args after the story id, query/data, the state it needs, expected status per role)
CASES = [
    ("inbox", "get", None, {}, "new", [LOGIN, 403, 200, 200, 200]),
    ("story", "get", (), {}, "new", [LOGIN, 403, 200, 200, 200]),
    ("compare", "get", (), {}, "new", [LOGIN, 403, 200, 200, 200]),
    ("compose", "get", (), {}, "new", [LOGIN, 403, 200, 200, 200]),
    ("edit_draft", "post", (), {"headline": "New"}, "new", [LOGIN, 403, 302, 302, 302]),
    ("paragraph_action", "post", ("r4", "drop"), {}, "new", [LOGIN, 403, 302, 302, 302]),
    ("take_all_refiled", "post", (), {}, "new", [LOGIN, 403, 302, 302, 302]),
    ("settle_conflict", "post", ("0123456789",), {}, "new", [LOGIN, 403, 302, 302, 302]),
    ("presence", "get", (), {"seen": 0}, "new", [LOGIN, 403, 200, 200, 200]),
    ("restart_draft", "post", (), {}, "new", [LOGIN, 403, 302, 302, 302]),
    ("save_draft", "post", (), {"reason": "r"}, "new", [LOGIN, 403, 302, 302, 302]),
    ("versions", "get", (), {}, "saved", [LOGIN, 403, 200, 200, 200]),
    ("version_diff", "get", (), {"a": 1, "b": 1}, "saved", [LOGIN, 403, 200, 200, 200]),
    ("source_versions_diff", "get", ("source",), {"a": 1, "b": 1}, "new", [LOGIN, 403, 200, 200, 200]),
    ("restore_version", "post", (1,), {}, "saved", [LOGIN, 403, 302, 302, 302]),
    ("workflow_step", "post", ("submit",), {"version": 1}, "saved", [LOGIN, 403, 302, 302, 302]),
    ("workflow_step", "post", ("approve",), {"version": 1}, "in_review", [LOGIN, 403, 403, 302, 302]),
    ("workflow_step", "post", ("reject",), {"reason": "no", "version": 1}, "in_review", [LOGIN, 403, 403, 302, 302]),
    ("workflow_step", "post", ("publish",), {"version": 1}, "approved", [LOGIN, 403, 403, 302, 302]),
    ("workflow_step", "post", ("withdraw",), {"reason": "legal", "version": 1}, "published", [LOGIN, 403, 403, 302, 302]),  # noqa: E501
]


def prepare(story, state: str, author) -> None:
    """Bring the story's article to `state` through the real workflow."""
    if state == "new":
        return
    article = article_for(story)
    save_draft(draft=draft_for(article=article, editor=author), reason="draft")
    steps = {"in_review": 1, "approved": 2, "published": 3}.get(state, 0)
    for change in [desk.submit, desk.approve, desk.publish][:steps]:
        change(article, author)


def _real(args: tuple, story) -> list:
    """The url's arguments, with "source" standing for the story's first source."""
    return [story.sources.order_by("pk").first().pk if arg == "source" else arg for arg in args]


@pytest.mark.parametrize("role_index, role", list(enumerate(ROLES)))
@pytest.mark.parametrize(
    "name, method, args, data, state, expected", CASES, ids=[f"{c[0]}-{c[2][0] if c[2] else ''}" for c in CASES]
)
def test_the_permission_matrix(
    client, request, django_user_model, role_index, role, name, method, args, data, state, expected
):
    from tests.conftest import make_user

    story = harbour_story()
    prepare(story, state, make_user(django_user_model, "author", "Editor"))
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    path = reverse(f"stories:{name}", args=None if args is None else [story.pk, *_real(args, story)])
    response = getattr(client, method)(path, data)
    assert response.status_code == expected[role_index], f"{role} {method.upper()} {path}"


@pytest.mark.parametrize("name, args", [(c[0], c[2]) for c in CASES if c[1] == "post"])
def test_a_get_to_an_action_is_405(client, edith_editor, name, args):
    story = harbour_story()
    client.force_login(edith_editor)
    assert client.get(reverse(f"stories:{name}", args=[story.pk, *_real(args, story)])).status_code == 405


@pytest.mark.parametrize("who, expected", [("alice_admin", 200), ("edith_editor", 302), ("colin_copy_editor", 302)])
def test_only_admins_reach_the_upload_page(client, request, who, expected):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("admin:stories_story_upload")).status_code == expected
