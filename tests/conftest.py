"""Shared fixtures: one named user per role, the sample wire files, the ingest limits."""

import os
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.test import override_settings
from hypothesis import settings as hypothesis_settings

from stories import roles

# Property tests draw the same examples on every run, so `make test` and CI never fail on
# an input no one has seen; HYPOTHESIS_PROFILE=explore draws new ones, to hunt for bugs.
hypothesis_settings.register_profile("repeatable", derandomize=True)
hypothesis_settings.register_profile("explore", derandomize=False)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = SHARED / "samples"
SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))
PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing():
    """Tests make a user or two each and log in by password: the production hasher's ~0.3 s
    of CPU a hash was most of the time of the view tests, which are not about passwords
    (Django's testing docs: "Speeding up the tests")."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True, scope="session")
def plain_http():
    """The tests speak plain HTTP to the test client and the live server, as `make run` does.

    Session-scoped and set before the live server starts: Django's SecurityMiddleware reads
    these settings once, when the server builds its middleware.
    """
    from django.conf import settings

    settings.SECURE_SSL_REDIRECT = False
    settings.SECURE_HSTS_SECONDS = 0
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


def ensure_roles() -> None:
    """Put back the groups of migration 0002 when a transactional test (the browser's, the
    race's) has emptied every table after it, as Django's TransactionTestCase does."""
    if Group.objects.filter(name__in=roles.ROLES).count() < len(roles.ROLES):
        import_module("stories.migrations.0002_roles").create_roles(django_apps, None)
        import_module("stories.migrations.0008_regrouping").grant_regrouping_to_editors(django_apps, None)


def make_user(django_user_model, username: str, role: str | None, **extra):
    ensure_roles()
    user = django_user_model.objects.create_user(username=username, password=PASSWORD, **extra)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


# The named users, one a role: the fixture's name -> the user's name, group and other fields.
NAMED_USERS = {
    "alice_admin": ("alice", roles.ADMIN, {"is_staff": True}),
    "edith_editor": ("edith", roles.EDITOR, {}),
    "colin_copy_editor": ("colin", roles.COPY_EDITOR, {}),
    "nora_no_role": ("nora", None, {}),
}


def make_named_user(django_user_model, name: str):
    username, role, extra = NAMED_USERS[name]
    return make_user(django_user_model, username, role, **extra)


@pytest.fixture
def alice_admin(django_user_model):
    return make_named_user(django_user_model, "alice_admin")


@pytest.fixture
def edith_editor(django_user_model):
    return make_named_user(django_user_model, "edith_editor")


@pytest.fixture
def colin_copy_editor(django_user_model):
    return make_named_user(django_user_model, "colin_copy_editor")


@pytest.fixture
def nora_no_role(django_user_model):
    return make_named_user(django_user_model, "nora_no_role")


@pytest.fixture
def sample_files() -> list[Path]:
    assert len(SAMPLE_FILES) == 2, f"expected the two sample wire files in {SAMPLES}"
    return SAMPLE_FILES
