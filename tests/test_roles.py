"""The desk's roles: what each may do, as the groups created by migration 0002 grant it."""

import pytest
from django.contrib.auth.models import Group, Permission

from stories import roles

pytestmark = pytest.mark.django_db

WORKFLOW = ["review_story", "compose_article", "submit_article", "approve_article", "publish_article"]


def granted(user) -> dict[str, bool]:
    return {name: user.has_perm(f"stories.{name}") for name in [*WORKFLOW, "ingest_copy"]}


def test_it_creates_the_three_roles():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ROLES)


def test_an_admin_may_do_everything(alice_admin):
    assert all(granted(alice_admin).values())
    assert alice_admin.has_perm("auth.add_user")
    assert Group.objects.get(name=roles.ADMIN).permissions.count() == Permission.objects.count()


def test_an_editor_reviews_composes_approves_and_publishes_but_does_not_upload(edith_editor):
    assert granted(edith_editor) == {**dict.fromkeys(WORKFLOW, True), "ingest_copy": False}


def test_a_copy_editor_reviews_composes_and_submits_but_cannot_approve_or_publish(colin_copy_editor):
    assert granted(colin_copy_editor) == {
        "review_story": True,
        "compose_article": True,
        "submit_article": True,
        "approve_article": False,
        "publish_article": False,
        "ingest_copy": False,
    }


def test_a_user_without_a_role_may_do_nothing(nora_no_role):
    assert not any(granted(nora_no_role).values())
