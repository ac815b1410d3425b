"""A large upload through the admin: queued, its page showing the progress until a real
worker has taken every file in."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from stories.models import SourceVersion, UploadBatch

# The worker closes its connection between tasks: the data must really be committed.
pytestmark = pytest.mark.django_db(transaction=True)
UPLOAD = reverse("admin:stories_story_upload")


def night_zip(files: int) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for n in range(1, files + 1):
            text = f"Tram depot update {n}\n\nEngineers checked tram {n} at the depot overnight.\n"
            archive.writestr(f"depot/tram-{n:02}.txt", text)
        archive.writestr("depot/<script>alert(1)</script>.txt", b"")
    return SimpleUploadedFile("depot.zip", buffer.getvalue(), content_type="application/zip")


@pytest.fixture
def batch_page(client, alice_admin, settings) -> str:
    settings.NEWSROOM_INLINE_UPLOAD_FILES = 4
    client.force_login(alice_admin)
    response = client.post(UPLOAD, {"files": [night_zip(6)]})
    batch = UploadBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == batch.get_absolute_url()
    return batch.get_absolute_url()


def test_a_large_upload_is_queued_and_its_page_says_how_far_it_got(client, batch_page):
    html = client.get(batch_page).content.decode()
    assert "<h2 id=\"batch-progress-title\">Queued</h2>" in html
    assert "0 of 7 files taken in" in html and '<progress max="7" value="0"' in html
    assert 'hx-trigger="every 1s"' in html, "the page polls while the batch is not finished"
    assert not SourceVersion.objects.exists()


def test_the_page_shows_each_outcome_once_the_worker_is_done_and_stops_polling(client, batch_page):
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    partial = client.get(batch_page, headers={"HX-Request": "true"}).content.decode()
    assert partial.lstrip().startswith('<section id="batch-progress"'), "htmx gets the progress partial only"
    assert "<h2 id=\"batch-progress-title\">Done</h2>" in partial
    assert "7 of 7 files taken in: 6 stored, 1 refused." in partial
    assert "hx-trigger" not in partial
    assert "depot.zip/depot/&lt;script&gt;alert(1)&lt;/script&gt;.txt" in partial
    assert "<script>alert(1)" not in partial
    # Every story the files went into is linked, and each stored file's row links its own.
    stories = {version.source.story for version in SourceVersion.objects.select_related("source__story")}
    listed = partial[partial.index('<ul class="batch-stories">') :].split("</ul>")[0]
    for story in stories:
        assert f'<a href="{reverse("stories:compare", args=[story.pk])}">{story.headline}</a>' in listed
    assert partial.count('aria-label="Compare the story of') == 6
    assert SourceVersion.objects.count() == 6


def test_only_uploaders_see_a_batch(client, batch_page, edith_editor, django_user_model):
    clerk = django_user_model.objects.create_user("clerk", is_staff=True)
    client.force_login(clerk)
    assert client.get(batch_page).status_code == 403
    client.force_login(edith_editor)
    assert client.get(batch_page).status_code == 302  # not staff: the admin's login
