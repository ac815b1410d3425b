"""Uploading wire copy through the admin: files, many at once, pasted text, into a story or a new one."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from stories.models import AuditEvent, Source, SourceVersion, Story

pytestmark = pytest.mark.django_db
UPLOAD = reverse("admin:stories_story_upload")


def upload_files(paths) -> list[SimpleUploadedFile]:
    return [SimpleUploadedFile(path.name, path.read_bytes(), content_type="text/plain") for path in paths]


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


class TestUploadPage:
    def test_it_shows_the_form_to_an_admin(self, client, alice_admin):
        client.force_login(alice_admin)
        response = client.get(UPLOAD)
        assert response.status_code == 200
        assert b'type="file"' in response.content and b"multiple" in response.content

    def test_it_is_linked_from_the_story_list(self, client, alice_admin):
        client.force_login(alice_admin)
        assert UPLOAD.encode() in client.get(reverse("admin:stories_story_changelist")).content

    def test_it_refuses_staff_without_the_upload_permission(self, client, django_user_model):
        clerk = django_user_model.objects.create_user("clerk", is_staff=True)
        client.force_login(clerk)
        assert client.get(UPLOAD).status_code == 403

    def test_it_sends_an_editor_to_the_admin_login(self, client, edith_editor):
        client.force_login(edith_editor)
        assert client.get(UPLOAD).status_code == 302

    def test_it_lists_unattributed_once_after_the_first_upload_made_it(self, client, alice_admin, sample_files):
        client.force_login(alice_admin)
        client.post(UPLOAD, {"files": upload_files(sample_files[:1])})
        assert Source.objects.get().provider.name == "Unattributed"
        page = client.get(UPLOAD).content.decode()
        select = page[page.index('name="provider"') : page.index("</select>", page.index('name="provider"'))]
        assert select.count("Unattributed") == 1 and "The one the copy names, else Unattributed" in select

    def test_it_asks_for_a_file_or_pasted_copy(self, client, alice_admin):
        client.force_login(alice_admin)
        response = client.post(UPLOAD, {"pasted_text": "  "})
        assert response.status_code == 200
        assert "Choose at least one file or paste some copy." in response.content.decode()
        assert not Story.objects.exists()


class TestUploading:
    def test_it_stores_the_two_samples_in_one_new_story_with_their_bytes(self, client, alice_admin, sample_files):
        client.force_login(alice_admin)
        response = client.post(UPLOAD, {"files": upload_files(sample_files)}, follow=True)
        story = Story.objects.get()
        assert response.redirect_chain[-1][0] == reverse("stories:compare", args=[story.pk])
        assert Source.objects.filter(story=story).count() == 2
        for path in sample_files:
            assert bytes(SourceVersion.objects.get(original_name=path.name).original) == path.read_bytes()
        assert all("stored as new source" in message for message in messages_of(response))

    def test_it_says_a_second_upload_is_a_duplicate_and_stores_nothing(self, client, alice_admin, sample_files):
        client.force_login(alice_admin)
        client.post(UPLOAD, {"files": upload_files(sample_files)}, follow=True)
        response = client.post(UPLOAD, {"files": upload_files(sample_files[:1])}, follow=True)
        [message] = messages_of(response)
        assert message.startswith(f"{sample_files[0].name}: duplicate")
        assert SourceVersion.objects.count() == 2 and Story.objects.count() == 1

    def test_it_names_each_bad_file_and_still_takes_the_good_ones(self, client, alice_admin, sample_files):
        client.force_login(alice_admin)
        bad = [SimpleUploadedFile("empty.txt", b""), SimpleUploadedFile("scan.pdf", b"%PDF-1.4 ...")]
        response = client.post(UPLOAD, {"files": bad + upload_files(sample_files[:1])}, follow=True)
        messages = messages_of(response)
        assert any(m.startswith("empty.txt: the file is empty") for m in messages)
        assert any(m.startswith("scan.pdf: this is a PDF document") for m in messages)
        assert SourceVersion.objects.get().original_name == sample_files[0].name

    def test_it_takes_pasted_copy_into_a_chosen_story(self, client, alice_admin, sample_files):
        client.force_login(alice_admin)
        client.post(UPLOAD, {"files": upload_files(sample_files[:1])})
        story = Story.objects.get()
        pasted = "Summary line.\nA Pasted Headline\n\nA pasted paragraph of copy.\n"
        client.post(UPLOAD, {"pasted_text": pasted, "pasted_name": "desk-note-1", "story": story.pk})
        source = Source.objects.get(item_id="desk-note-1")
        assert source.story == story
        assert source.latest_version().text == pasted.strip()

    def test_it_records_the_uploader_in_the_audit_trail(self, client, alice_admin, sample_files):
        client.force_login(alice_admin)
        client.post(UPLOAD, {"files": upload_files(sample_files)})
        assert list(AuditEvent.objects.values_list("actor_name", flat=True)) == ["alice", "alice"]


def test_it_serves_the_original_bytes_as_a_download(client, alice_admin, sample_files):
    client.force_login(alice_admin)
    client.post(UPLOAD, {"files": upload_files(sample_files[:1])})
    version = SourceVersion.objects.get()
    response = client.get(reverse("admin:stories_sourceversion_original", args=[version.pk]))
    assert response["Content-Type"] == "application/octet-stream"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == sample_files[0].read_bytes()


class TestGrouping:
    FILES = {
        "rates.txt": b"Central Bank Holds Rates\n\nThe Norland central bank kept rates at 4%.\n",
        "choir.txt": b"Choir Wins Title\n\nThe Eastbay choir won the national title in Lindholm.\n",
    }

    def post(self, client, **data):
        files = [SimpleUploadedFile(name, data, content_type="text/plain") for name, data in self.FILES.items()]
        return client.post(UPLOAD, {"files": files, **data}, follow=True)

    def test_without_a_story_each_new_item_joins_the_story_it_resembles_or_starts_one(self, client, alice_admin):
        client.force_login(alice_admin)
        response = self.post(client)
        assert Story.objects.count() == 2
        # Copy that went into two stories: the inbox lists both, with each file's outcome.
        assert response.redirect_chain[-1][0] == reverse("stories:inbox")
        assert sorted(m.split(":")[0] for m in messages_of(response)) == ["choir.txt", "rates.txt"]

    def test_the_admin_can_ask_for_one_new_story_for_the_whole_upload(self, client, alice_admin):
        client.force_login(alice_admin)
        page = client.get(UPLOAD).content.decode()
        assert 'value="similar"' in page and "checked" in page.split('value="similar"')[1].split(">")[0]
        self.post(client, grouping="together")
        assert Story.objects.count() == 1 and Source.objects.count() == 2


def test_more_files_than_an_upload_takes_are_refused_with_the_limit_in_words(client, alice_admin, settings):
    """Django refuses them while reading the request, before the form can speak: the 400
    page says the limit, and the upload page says it beforehand."""
    settings.NEWSROOM_MAX_FILES_PER_UPLOAD = settings.DATA_UPLOAD_MAX_NUMBER_FILES = 3
    client.force_login(alice_admin)
    assert "At most 3 files at once" in client.get(UPLOAD).content.decode()
    files = [SimpleUploadedFile(f"item{n}.txt", f"Item {n}\n\nCopy {n}.\n".encode()) for n in range(4)]
    response = client.post(UPLOAD, {"files": files})
    page = response.content.decode()
    assert response.status_code == 400
    assert "An upload takes at most 3 files at once, and this one had more: nothing was taken in." in page
    assert not SourceVersion.objects.exists()
