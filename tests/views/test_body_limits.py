"""Request bodies are refused from their declared size before anything reads them."""

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from newsroom.limits import RequestBodyLimit

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
UPLOAD = reverse("admin:stories_story_upload")


def post_declaring(client, url: str, declared: int):
    """A small body that claims to be `declared` bytes long, as a hostile client may send."""
    return client.post(url, {"username": "x", "password": "y"}, CONTENT_LENGTH=str(declared))


def test_a_visitor_not_logged_in_cannot_send_a_large_body(client):
    response = post_declaring(client, reverse("login"), 200 * MB)
    assert response.status_code == 413
    assert "200.0 MB" in response.content.decode() and "64 KB" in response.content.decode()


def test_a_visitor_may_send_a_login_form(client):
    response = client.post(reverse("login"), {"username": "x", "password": "y" * 1000})
    assert response.status_code == 200 and b"Log in" in response.content  # the form, with its error


def test_the_desk_sends_ordinary_forms_but_not_an_upload_s_worth_to_other_pages(client, edith_editor):
    client.force_login(edith_editor)
    inbox = reverse("stories:inbox")
    assert post_declaring(client, inbox, settings.NEWSROOM_MAX_FORM_BODY_BYTES + 1).status_code == 413
    # An editor may not upload: the upload page holds them to the ordinary limit.
    assert post_declaring(client, UPLOAD, settings.NEWSROOM_MAX_FORM_BODY_BYTES + 1).status_code == 413


def test_the_upload_limit_holds_only_on_the_upload_page_for_those_who_may_upload(rf, alice_admin, edith_editor):
    limit = RequestBodyLimit(lambda request: None)
    for user, path, expected in (
        (alice_admin, UPLOAD, settings.NEWSROOM_MAX_UPLOAD_BODY_BYTES),
        (alice_admin, reverse("stories:inbox"), settings.NEWSROOM_MAX_FORM_BODY_BYTES),
        (edith_editor, UPLOAD, settings.NEWSROOM_MAX_FORM_BODY_BYTES),
        (AnonymousUser(), UPLOAD, settings.NEWSROOM_MAX_ANONYMOUS_BODY_BYTES),
    ):
        request = rf.post(path)
        request.user = user
        assert limit.limit_for(request) == expected
    assert settings.NEWSROOM_MAX_UPLOAD_BODY_BYTES > settings.NEWSROOM_MAX_ARCHIVE_BYTES


def test_a_length_that_is_not_a_number_is_refused(client):
    response = client.post(reverse("login"), {}, CONTENT_LENGTH="lots")
    assert response.status_code == 400
