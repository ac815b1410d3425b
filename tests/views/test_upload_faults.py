"""An upload taken in during the request, whose database connection is cut in the middle:
the app served over HTTP by a real server (the live test server) on PostgreSQL.

The test holds the third file's item back, so the request waits inside that file's
transaction; there the test ends the request's database session, as a database restart
does, and reads the page the admin gets."""

import http.client
import re
import threading
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from stories.models import AuditAction, AuditEvent, SourceVersion
from tests.services.test_batch_faults import (
    assert_nothing_half_stored,
    cut_connection,
    item_held_back,
    waiting_to_store,
)
from tests.services.test_batches import dispatch

pytestmark = pytest.mark.django_db(transaction=True)
UPLOAD = reverse("admin:stories_story_upload")


def five_files() -> list[SimpleUploadedFile]:
    return [SimpleUploadedFile(copy.name, copy.data, content_type="text/plain") for copy in map(dispatch, range(5))]


class Admin:
    """An admin's browser on the live server: the session cookie, and the CSRF token of the page."""

    def __init__(self, live_server, client, user) -> None:
        client.force_login(user)
        self.address = urlsplit(live_server.url)
        self.cookies = {django_settings.SESSION_COOKIE_NAME: client.cookies[django_settings.SESSION_COOKIE_NAME].value}

    def request(self, method: str, path: str, body: bytes = b"", headers: dict | None = None) -> tuple[int, str]:
        conn = http.client.HTTPConnection(self.address.hostname, self.address.port, timeout=60)
        try:
            cookie = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
            conn.request(method, path, body=body, headers={"Cookie": cookie, **(headers or {})})
            response = conn.getresponse()
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name] = rest.split(";")[0]
            return response.status, response.read().decode()
        finally:
            conn.close()

    def upload(self, files: list[SimpleUploadedFile]) -> tuple[int, str]:
        _, page = self.request("GET", UPLOAD)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, page
        fields = {"csrfmiddlewaretoken": token.group(1), "files": files, "grouping": "together"}
        return self.request("POST", UPLOAD, encode_multipart(BOUNDARY, fields), {"Content-Type": MULTIPART_CONTENT})


def test_a_connection_cut_in_the_middle_of_an_upload_leaves_whole_files_and_a_page_that_says_so(
    live_server, client, alice_admin
):
    admin = Admin(live_server, client, alice_admin)
    answer: list[tuple[int, str]] = []
    with item_held_back("ringroad-02"):
        uploading = threading.Thread(target=lambda: answer.append(admin.upload(five_files())))
        uploading.start()
        cut_connection(waiting_to_store())
        uploading.join(timeout=60)
    assert answer, "the upload got no answer"
    status, page = answer[0]

    assert status == 503
    assert (
        "The connection to the database was lost after 2 of 5 files. The 2 listed below were taken in, each "
        "whole; nothing was half-stored. Upload the files again in a moment: those already stored are "
        "recognised and not stored twice."
    ) in page
    assert "ringroad-00.txt: stored as new source" in page and "ringroad-01.txt: stored" in page
    assert "ringroad-02.txt" not in page
    assert "OperationalError" not in page and "terminating connection" not in page
    assert 'name="files"' in page, "the upload form, to send the files again"
    assert SourceVersion.objects.count() == 2
    assert_nothing_half_stored()

    status, page = admin.upload(five_files())
    assert status == 302
    assert SourceVersion.objects.count() == 5  # each file stored once
    assert AuditEvent.objects.filter(action=AuditAction.INGEST_DUPLICATE).count() == 2
    assert_nothing_half_stored()
