"""What an operator relies on: a log line per request with its id, sessions that end when
idle, public pages that answer HEAD, password reset only where mail can be sent."""

import logging

import pytest
from django.urls import NoReverseMatch, reverse

pytestmark = pytest.mark.django_db


def test_every_request_is_logged_in_one_line_with_its_id_user_status_and_duration(client, edith_editor, caplog):
    client.force_login(edith_editor)
    with caplog.at_level(logging.INFO, logger="newsroom.requests"):
        response = client.get(reverse("stories:inbox"), HTTP_X_REQUEST_ID="proxy-id-42")
    assert response["X-Request-ID"] == "proxy-id-42"
    [record] = [r for r in caplog.records if r.name == "newsroom.requests"]
    line = logging.Formatter("request=%(request_id)s user=%(user)s %(message)s").format(record)
    assert line.startswith("request=proxy-id-42 user=edith GET / 200 ") and line.endswith("ms")


def test_a_request_id_a_visitor_makes_up_is_replaced_and_paths_are_printed_safely(client, caplog):
    with caplog.at_level(logging.INFO, logger="newsroom.requests"):
        response = client.get("/news/%0d%0aforged", HTTP_X_REQUEST_ID="bad id\nINFO forged")
    assert "\n" not in response["X-Request-ID"] and len(response["X-Request-ID"]) == 16
    [record] = [r for r in caplog.records if r.name == "newsroom.requests"]
    assert "\n" not in record.getMessage() and "\\x0d\\x0a" in record.getMessage()


def test_a_session_ends_after_a_working_day_without_a_request(settings):
    assert settings.SESSION_COOKIE_AGE == 10 * 3600 and settings.SESSION_SAVE_EVERY_REQUEST


@pytest.mark.parametrize("name", ["public:index", "public:feed"])
def test_the_public_pages_answer_head(client, name):
    assert client.head(reverse(name)).status_code == 200


def test_password_reset_is_not_offered_without_mail(client, settings):
    assert settings.EMAIL_HOST == "localhost"
    with pytest.raises(NoReverseMatch):
        reverse("password_reset")
    assert client.get("/accounts/password_reset/").status_code == 404
