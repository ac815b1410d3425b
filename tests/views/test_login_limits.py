"""Failed logins are limited per account and per address, on the desk's login and the admin's."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN, ADMIN_LOGIN = reverse("login"), reverse("admin:login")


def attempt(client: Client, username: str, password: str, url: str = LOGIN, address: str = "203.0.113.7"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def fail(client: Client, username: str, times: int, url: str = LOGIN, address: str = "203.0.113.7") -> None:
    for _ in range(times):
        assert attempt(client, username, "wrong password", url, address).status_code == 200


def test_the_right_password_after_too_many_wrong_ones_is_refused_with_a_clear_page(client, alice_admin):
    fail(client, "alice", settings.AXES_FAILURE_LIMIT - 1)
    response = attempt(client, "alice", "wrong password")
    assert response.status_code == 429
    response = attempt(client, "alice", PASSWORD)
    assert response.status_code == 429 and "_auth_user_id" not in client.session
    page = response.content.decode()
    assert "Too many failed logins" in page and f"{settings.AXES_FAILURE_LIMIT} failed logins" in page
    assert f"this address\n    {settings.NEWSROOM_LOGIN_ADDRESS_FAILURE_LIMIT} over all its accounts" in page
    assert "30 minutes" in page and "ask an admin" in page


def test_an_account_is_locked_from_every_address(client, alice_admin):
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "alice", "wrong password", address=f"198.51.100.{n + 1}")
    assert attempt(client, "alice", PASSWORD, address="192.0.2.50").status_code == 429


def test_an_address_is_locked_for_every_account(client, alice_admin, settings):
    settings.NEWSROOM_LOGIN_ADDRESS_FAILURE_LIMIT = 12  # of 50: each failure hashes a password
    for n in range(settings.NEWSROOM_LOGIN_ADDRESS_FAILURE_LIMIT - 1):
        assert attempt(client, f"nobody{n}", "guess").status_code == 200
    assert attempt(client, "nobody", "guess").status_code == 429  # the limit's failure locks
    assert attempt(client, "alice", PASSWORD).status_code == 429
    assert attempt(Client(), "alice", PASSWORD, address="192.0.2.51").status_code == 302  # from elsewhere


def test_colleagues_behind_one_office_address_do_not_lock_each_other_out(client, alice_admin, django_user_model):
    """Five typos by five people at one address are not a guessing attack on the desk."""
    for n in range(settings.AXES_FAILURE_LIMIT * 2):
        django_user_model.objects.create_user(f"colleague{n}", password=PASSWORD)
        assert attempt(Client(), f"colleague{n}", "typo").status_code == 200
    assert attempt(client, "alice", PASSWORD).status_code == 302
    assert attempt(Client(), "colleague0", PASSWORD).status_code == 302


def test_the_admin_login_counts_failures_too(client, alice_admin):
    fail(client, "alice", settings.AXES_FAILURE_LIMIT - 1, ADMIN_LOGIN)
    attempt(client, "alice", "wrong password", ADMIN_LOGIN)
    assert attempt(client, "alice", PASSWORD, ADMIN_LOGIN).status_code == 429
    assert attempt(Client(), "alice", PASSWORD, LOGIN, address="192.0.2.52").status_code == 429  # the account


def test_a_success_before_the_limit_starts_the_count_again(client, alice_admin):
    fail(client, "alice", settings.AXES_FAILURE_LIMIT - 1)
    assert attempt(client, "alice", PASSWORD).status_code == 302
    client.logout()
    fail(client, "alice", settings.AXES_FAILURE_LIMIT - 1)
    assert attempt(client, "alice", PASSWORD).status_code == 302


def test_an_admin_lifts_a_lock(client, alice_admin):
    fail(client, "alice", settings.AXES_FAILURE_LIMIT - 1)
    assert attempt(client, "alice", "wrong password").status_code == 429
    assert AccessAttempt.objects.filter(username="alice").exists()
    call_command("axes_reset_username", "alice")
    call_command("axes_reset_ip", "203.0.113.7")
    assert attempt(client, "alice", PASSWORD).status_code == 302


def test_behind_the_proxy_the_address_is_the_one_the_proxy_saw(rf, settings):
    from newsroom.security import client_address

    request = rf.get("/", HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.9", REMOTE_ADDR="127.0.0.1")
    settings.SECURE_PROXY_SSL_HEADER = None
    assert client_address(request) == "127.0.0.1"
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert client_address(request) == "203.0.113.9"  # not the visitor's own claim, 10.0.0.1
