"""Every page and action against every role and an anonymous visitor.

Each case sets the article in the state where the action makes sense, so a refusal here is
the permission's doing, not the state's.

The users and the story (ingested and analysed) are made once for the module, and the
article is brought to each state once for the cases that need it, each in a transaction
rolled back when the module, or the state, is done. Every case runs in a savepoint of its
own inside them (pytest-django's `django_db`), so what a case's POST changes (an approval,
a publication) is undone before the next case, as with Django's `setUpTestData`.
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from stories import roles
from stories.models import Story
from stories.services.compose import article_for, draft_for, save_draft
from tests import desk
from tests.conftest import NAMED_USERS, make_named_user, make_user
from tests.views.copy import harbour_story

# Never `transaction=True` here: such a test would run inside the module's open transaction,
# where other connections cannot see the shared users and story and its flush would empty it.
pytestmark = pytest.mark.django_db

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


@dataclass(frozen=True)
class HarbourDesk:
    """What the cases share, by primary key: each case reads its own copies, so what one
    changes in memory (a login's `last_login`) is not seen by the next."""

    story_pk: int
    author_pk: int

    def story(self) -> Story:
        return Story.objects.get(pk=self.story_pk)


@pytest.fixture(scope="module")
def harbour_desk(django_db_setup, django_db_blocker):
    """The named users, an author and the harbour story, made once for the module.

    Approval does not wait for conflicting facts here: these tests are about other things
    (test_conflict_settlement.py holds approval to them)."""
    user_model = get_user_model()
    with (
        override_settings(NEWSROOM_APPROVE_WITH_OPEN_CONFLICTS=True),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        for name in NAMED_USERS:
            make_named_user(user_model, name)
        author = make_user(user_model, "author", roles.EDITOR)
        yield HarbourDesk(story_pk=harbour_story().pk, author_pk=author.pk)
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def state(request, harbour_desk, django_db_blocker):
    """The article brought to the state `request.param`, kept for the cases that follow it
    in that state and rolled back before another state is made."""
    with django_db_blocker.unblock(), transaction.atomic():
        prepare(harbour_desk.story(), request.param, get_user_model().objects.get(pk=harbour_desk.author_pk))
        yield request.param
        transaction.set_rollback(True)


def prepare(story, state: str, author) -> None:
    """Bring the story's article to `state` through the real workflow."""
    if state == "new":
        return
    article = article_for(story)
    save_draft(draft=draft_for(article=article, editor=author), reason="draft")
    steps = {"in_review": 1, "approved": 2, "published": 3}.get(state, 0)
    for change in [desk.submit, desk.approve, desk.publish][:steps]:
        change(article, author)


def log_in(client, role: str) -> None:
    if role != "anonymous":
        client.force_login(get_user_model().objects.get(username=NAMED_USERS[role][0]))


def _real(args: tuple, story) -> list:
    """The url's arguments, with "source" standing for the story's first source."""
    return [story.sources.order_by("pk").first().pk if arg == "source" else arg for arg in args]


@pytest.mark.parametrize("role_index, role", list(enumerate(ROLES)))
@pytest.mark.parametrize(
    "name, method, args, data, state, expected",
    CASES,
    ids=[f"{c[0]}-{c[2][0] if c[2] else ''}" for c in CASES],
    indirect=["state"],
    # Parameters of module scope: pytest orders the cases so that each state is made once
    # for the cases that need it, not once a case.
    scope="module",
)
def test_the_permission_matrix(client, harbour_desk, role_index, role, name, method, args, data, state, expected):
    story = harbour_desk.story()
    log_in(client, role)
    path = reverse(f"stories:{name}", args=None if args is None else [story.pk, *_real(args, story)])
    response = getattr(client, method)(path, data)
    assert response.status_code == expected[role_index], f"{role} {method.upper()} {path}"


@pytest.mark.parametrize("state", ["new"], indirect=True, scope="module")
@pytest.mark.parametrize("name, args", [(c[0], c[2]) for c in CASES if c[1] == "post"])
def test_a_get_to_an_action_is_405(client, harbour_desk, state, name, args):
    story = harbour_desk.story()
    log_in(client, "edith_editor")
    assert client.get(reverse(f"stories:{name}", args=[story.pk, *_real(args, story)])).status_code == 405


@pytest.mark.parametrize("who, expected", [("alice_admin", 200), ("edith_editor", 302), ("colin_copy_editor", 302)])
def test_only_admins_reach_the_upload_page(client, harbour_desk, who, expected):
    log_in(client, who)
    assert client.get(reverse("admin:stories_story_upload")).status_code == expected
