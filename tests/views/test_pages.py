"""The inbox and the story page: login required, the review permission required, copy shown as text."""

import pytest
from django.urls import reverse

from stories.services.ingest import IncomingCopy, ingest_files

pytestmark = pytest.mark.django_db

HOSTILE = "A summary sentence.\nPier Fire <script>alert('x')</script>\n\n<img src=x onerror=alert(1)> body.\n"


@pytest.fixture
def story():
    report = ingest_files(files=[IncomingCopy(name="hostile.txt", data=HOSTILE.encode())], user=None)
    return report.story


@pytest.mark.parametrize("page", ["inbox", "story"])
class TestAccess:
    def url(self, page, story):
        return reverse("stories:inbox") if page == "inbox" else reverse("stories:story", args=[story.pk])

    def test_it_sends_an_anonymous_visitor_to_the_login_page(self, client, page, story):
        response = client.get(self.url(page, story))
        assert response.status_code == 302 and response.url.startswith(reverse("login"))

    def test_it_refuses_a_user_without_a_role(self, client, nora_no_role, page, story):
        client.force_login(nora_no_role)
        assert client.get(self.url(page, story)).status_code == 403

    @pytest.mark.parametrize("who", ["alice_admin", "edith_editor", "colin_copy_editor"])
    def test_it_shows_the_page_to_every_role(self, client, request, who, page, story):
        client.force_login(request.getfixturevalue(who))
        assert client.get(self.url(page, story)).status_code == 200

    def test_it_answers_a_post_with_405(self, client, edith_editor, page, story):
        client.force_login(edith_editor)
        assert client.post(self.url(page, story)).status_code == 405


def test_the_story_page_shows_wire_copy_as_text_never_as_markup(client, edith_editor, story):
    client.force_login(edith_editor)
    html = client.get(reverse("stories:story", args=[story.pk])).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_the_story_page_of_a_missing_story_is_404(client, edith_editor):
    client.force_login(edith_editor)
    assert client.get(reverse("stories:story", args=[999_999])).status_code == 404




def test_the_story_page_shows_the_storys_history(client, edith_editor, story):
    client.force_login(edith_editor)
    html = client.get(reverse("stories:story", args=[story.pk])).content.decode()
    assert html.count('id="history-title"') == 1 and "Ingested hostile.txt" in html
    assert "<title>Sources · " in html


def test_a_refusal_says_why_in_the_desks_own_page(client, nora_no_role, story):
    client.force_login(nora_no_role)
    response = client.get(reverse("stories:compose", args=[story.pk]))
    assert response.status_code == 403
    assert "You need the compose permission to work on the article." in response.content.decode()


def test_a_missing_page_is_the_desks_own_404(client, edith_editor):
    client.force_login(edith_editor)
    response = client.get("/stories/999999/compose/")
    assert response.status_code == 404 and "There is nothing at this address" in response.content.decode()
