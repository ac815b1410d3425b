"""The public's output: a page, an Atom feed and ninjs JSON of published versions, nothing else."""

import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from django.urls import reverse

from stories.models import Article
from stories.services.compose import article_for, draft_for, save_draft
from stories.services.ingest import IncomingCopy, ingest_files
from tests import desk

# Approval does not wait for conflicting facts here: these tests are about other things
# (test_conflict_settlement.py holds approval to them).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("conflicts_do_not_hold_approval")]

ATOM = {"atom": "http://www.w3.org/2005/Atom"}
# The top-level properties ninjs 2.0 defines; its schema allows no others.
NINJS_2_PROPERTIES = {
    "uri", "type", "representationtype", "profile", "version", "firstcreated", "versioncreated",
    "contentcreated", "embargoed", "pubstatus", "urgency", "copyrightholder", "copyrightnotice",
    "usageterms", "ednote", "language", "descriptions", "bodies", "headlines", "people",
    "organisations", "places", "subjects", "events", "objects", "infosources", "title", "by",
    "slugline", "located", "renditions", "associations", "altids", "trustindicators", "standard",
    "genres", "rightsinfo",
}  # fmt: skip

TRAM = """**Council Approves Tram Line**

LAKEVIEW (Northwire) - The **city council** approved a new tram line on Monday by 31 votes to 12.
Construction is due to start in the spring and cost 240 million crowns.
The mayor said the line would open in 2028.
"""
CORRECTION = "The vote was 31 to 12."
REASON = "The vote is to be held again <b>next week</b>."
HOSTILE = """Pier Fire <script>alert('x')</script>

A warehouse burned <img src=x onerror=alert(1)> on Pier 9.
"""


def plain(role: str, value: str) -> dict:
    return {"role": role, "contenttype": "text/plain", "value": value}


def text_of(entry: ET.Element, field: str) -> str:
    return entry.findtext(f"atom:{field}", namespaces=ATOM)


def story_from(text: str, name: str = "tram.txt"):
    return ingest_files(files=[IncomingCopy(name, text.encode())], user=None).story


def save_version(article: Article, editor, *, headline: str = "", correction_note: str = ""):
    """Save the editor's draft as the article's next version, with a new headline if given."""
    draft = draft_for(article=article, editor=editor)
    if headline:
        draft.headline = headline
        draft.save()
    return save_draft(draft=draft, reason="Desk edit", correction_note=correction_note)


def approve(article: Article, editor) -> Article:
    desk.submit(article, editor)
    return desk.approve(article, editor)


def publish(article: Article, editor) -> Article:
    return desk.publish(approve(article, editor), editor)


def published_article(editor, text: str = TRAM, name: str = "tram.txt") -> Article:
    article = article_for(story_from(text, name))
    save_version(article, editor)
    return publish(article, editor)


@pytest.fixture
def article(edith_editor) -> Article:
    return published_article(edith_editor)


@pytest.fixture
def unpublished(edith_editor) -> Article:
    """Saved and approved, one click from publication, but not published."""
    article = article_for(story_from(TRAM, "unpublished.txt"))
    save_version(article, edith_editor, headline="Embargoed Tram Vote")
    return approve(article, edith_editor)


def page_url(article: Article) -> str:
    return reverse("public:article", args=[article.pk])


def json_url(article: Article) -> str:
    return reverse("public:article_json", args=[article.pk])


def feed_entries(client) -> list[ET.Element]:
    response = client.get(reverse("public:feed"))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content).findall("atom:entry", ATOM)


def entry_titles(client) -> list[str]:
    return [text_of(entry, "title") for entry in feed_entries(client)]


def index_html(client, **params) -> str:
    response = client.get(reverse("public:index"), params)
    assert response.status_code == 200
    return response.content.decode()


class TestUnpublished:
    @pytest.mark.parametrize("logged_in", [False, True])
    def test_it_answers_404_for_the_page_and_the_json(self, client, edith_editor, unpublished, logged_in):
        if logged_in:
            client.force_login(edith_editor)
        for url in (page_url(unpublished), json_url(unpublished)):
            response = client.get(url)
            assert response.status_code == 404, url
            assert "Embargoed" not in response.content.decode()

    def test_it_answers_404_for_an_article_that_does_not_exist(self, client):
        assert client.get(reverse("public:article", args=[999_999])).status_code == 404
        assert client.get(reverse("public:article_json", args=[999_999])).status_code == 404

    def test_it_leaves_unpublished_articles_out_of_the_index_and_the_feed(self, client, edith_editor, unpublished):
        client.force_login(edith_editor)
        assert "Embargoed" not in index_html(client)
        assert entry_titles(client) == []


class TestPage:
    def test_it_shows_the_published_headline_and_paragraphs(self, client, article):
        response = client.get(page_url(article))
        html = response.content.decode()
        assert response.status_code == 200
        assert "<article" in html and "<h1>Council Approves Tram Line</h1>" in html
        assert "<p>Construction is due to start in the spring and cost 240 million crowns.</p>" in html
        assert f'<time datetime="{article.published_at.isoformat()}">' in html

    def test_it_links_the_feed_and_the_json(self, client, article):
        html = client.get(page_url(article)).content.decode()
        assert '<link rel="alternate" type="application/atom+xml"' in html
        assert f'href="{reverse("public:feed")}"' in html
        assert f'href="{json_url(article)}"' in html

    def test_it_shows_no_desk_navigation_even_to_the_desk(self, client, alice_admin, article):
        client.force_login(alice_admin)
        for url in (page_url(article), reverse("public:index")):
            html = client.get(url).content.decode()
            assert f'href="{reverse("stories:inbox")}"' not in html and reverse("admin:index") not in html
            assert "Inbox" not in html and "Log out" not in html

    def test_it_shows_no_markdown_markers(self, client, article):
        for url in (page_url(article), json_url(article), reverse("public:feed"), reverse("public:index")):
            body = client.get(url).content.decode()
            assert "Council Approves Tram Line" in body and "**" not in body, url

    def test_it_shows_wire_copy_as_text_never_as_markup(self, client, edith_editor):
        hostile = published_article(edith_editor, HOSTILE, "hostile.txt")
        html = client.get(page_url(hostile)).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html

    def test_it_answers_a_post_with_405(self, client, article):
        for url in (page_url(article), json_url(article), reverse("public:feed"), reverse("public:index")):
            assert client.post(url).status_code == 405, url


class TestNinjs:
    def test_it_gives_the_published_version_as_ninjs_2(self, client, article):
        response = client.get(json_url(article))
        assert response.status_code == 200 and response["Content-Type"] == "application/json"
        item = response.json()
        version = article.published_version
        assert item["uri"] == f"http://testserver{page_url(article)}"
        assert item["standard"] == {
            "name": "ninjs",
            "version": "2.0",
            "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json",
        }
        assert (item["type"], item["pubstatus"], item["representationtype"]) == ("text", "usable", "full")
        assert item["version"] == "1" and item["language"] == "en-GB"
        assert item["headlines"] == [plain("main", "Council Approves Tram Line")]
        assert item["bodies"] == [
            {
                "role": "main",
                "contenttype": "text/plain",
                "charcount": len(version.body),
                "wordcount": len(version.body.split()),
                "value": version.body,
            }
        ]
        assert "The city council approved a new tram line" in item["bodies"][0]["value"]
        assert "descriptions" not in item and "ednote" not in item
        assert set(item) <= NINJS_2_PROPERTIES

    def test_its_times_are_utc_rfc_3339(self, client, article):
        item = client.get(json_url(article)).json()
        # firstcreated is when the public first had it (it was published a moment after it was made:
        # comparing with the article's creation failed whenever a second ticked over between the two)
        times = {"versioncreated": article.published_version.created_at, "firstcreated": article.first_published_at}
        for field, moment in times.items():
            assert item[field].endswith("Z")
            assert datetime.fromisoformat(item[field]) == moment.replace(microsecond=0), field


class TestFeed:
    def test_it_is_an_atom_feed_of_published_articles(self, client, article):
        response = client.get(reverse("public:feed"))
        root = ET.fromstring(response.content)
        assert root.tag == "{http://www.w3.org/2005/Atom}feed"
        (entry,) = root.findall("atom:entry", ATOM)
        assert text_of(entry, "title") == "Council Approves Tram Line"
        assert entry.find("atom:link", ATOM).get("href") == f"http://testserver{page_url(article)}"
        assert datetime.fromisoformat(text_of(entry, "updated")) == article.published_at
        summary = entry.find("atom:summary", ATOM)
        assert summary.get("type") == "html"
        assert "<p>The mayor said the line would open in 2028.</p>" in summary.text

    def test_it_escapes_wire_copy_in_the_html_summary(self, client, edith_editor):
        published_article(edith_editor, HOSTILE, "hostile.txt")
        raw = client.get(reverse("public:feed")).content.decode()
        assert "<script" not in raw and "<img" not in raw
        (entry,) = feed_entries(client)
        assert "&lt;img src=x onerror=alert(1)&gt;" in text_of(entry, "summary")
        # An Atom title is text, not HTML: a reader shows it as written.
        assert "<script>alert('x')</script>" in text_of(entry, "title")

    def test_it_lists_the_newest_publications_first_and_stops(self, client, edith_editor, monkeypatch):
        monkeypatch.setattr("stories.public.views.FEED_SIZE", 2)
        for number in range(3):
            published_article(edith_editor, TRAM.replace("Tram Line", f"Tram Line {number}"), f"tram-{number}.txt")
        assert entry_titles(client) == ["Council Approves Tram Line 2", "Council Approves Tram Line 1"]


class TestIndex:
    def test_it_pages_through_the_newest_published_articles(self, client, edith_editor, unpublished, monkeypatch):
        monkeypatch.setattr("stories.public.views.PAGE_SIZE", 2)
        for number in range(3):
            published_article(edith_editor, TRAM.replace("Tram Line", f"Tram Line {number}"), f"tram-{number}.txt")
        first, second = index_html(client), index_html(client, page=2)
        assert first.index("Tram Line 2") < first.index("Tram Line 1") and "Tram Line 0" not in first
        assert "Tram Line 0" in second and "Tram Line 2" not in second
        assert "Embargoed" not in first + second


class TestNewerVersions:
    def test_a_version_saved_after_publication_stays_private_until_published(self, client, edith_editor, article):
        save_version(article, edith_editor, headline="Council Rejects Tram Line", correction_note="Vote was 12 to 31.")
        for url in (page_url(article), json_url(article), reverse("public:feed"), reverse("public:index")):
            body = client.get(url).content.decode()
            assert "Council Approves Tram Line" in body, url
            assert "Rejects" not in body and "Vote was 12 to 31" not in body, url

    def test_a_published_correction_shows_its_note_on_the_page_feed_and_json(self, client, edith_editor, article):
        first = article.first_published_at
        save_version(article, edith_editor, headline="Council Backs Tram Line", correction_note=CORRECTION)
        article = publish(Article.objects.get(pk=article.pk), edith_editor)
        assert article.first_published_at == first != article.published_at
        for html in (client.get(page_url(article)).content.decode(), index_html(client)):
            published = f'Published <time datetime="{first.isoformat()}">'
            corrected = f'· Corrected <time datetime="{article.published_at.isoformat()}">'
            assert published in html and corrected in html and html.index(published) < html.index(corrected)

        html = client.get(page_url(article)).content.decode()
        assert "<h1>Council Backs Tram Line</h1>" in html
        assert '<aside class="correction"' in html and "<strong>Correction:</strong> The vote was 31 to 12." in html
        item = client.get(json_url(article)).json()
        assert item["version"] == "2" and item["headlines"][0]["value"] == "Council Backs Tram Line"
        assert item["descriptions"] == [plain("correction", CORRECTION)]
        (entry,) = feed_entries(client)
        assert text_of(entry, "title") == "Council Backs Tram Line"
        assert f"<p><strong>Correction:</strong> {CORRECTION}</p>" in text_of(entry, "summary")
        assert datetime.fromisoformat(text_of(entry, "updated")) == article.published_at


class TestWithdrawn:
    @pytest.fixture
    def withdrawn(self, edith_editor, article) -> Article:
        return desk.withdraw(article, edith_editor, REASON)

    def test_its_page_is_gone_and_says_why_without_the_text(self, client, withdrawn):
        response = client.get(page_url(withdrawn))
        html = response.content.decode()
        assert response.status_code == 410
        assert "Article withdrawn" in html
        assert "The vote is to be held again &lt;b&gt;next week&lt;/b&gt;." in html
        assert f'<time datetime="{withdrawn.withdrawn_at.isoformat()}">' in html
        assert "tram line" not in html.lower()

    def test_its_json_is_canceled_without_the_text(self, client, withdrawn):
        response = client.get(json_url(withdrawn))
        item = response.json()
        assert response.status_code == 410  # like its page; the body still says why
        assert (item["pubstatus"], item["representationtype"]) == ("canceled", "partial")
        assert "bodies" not in item and "headlines" not in item
        assert item["descriptions"] == [plain("withdrawal", REASON)]
        assert datetime.fromisoformat(item["versioncreated"]) == withdrawn.withdrawn_at.replace(microsecond=0)
        assert set(item) <= NINJS_2_PROPERTIES

    def test_the_feed_marks_it_withdrawn_and_the_index_leaves_it_out(self, client, withdrawn):
        (entry,) = feed_entries(client)
        assert text_of(entry, "title") == "Withdrawn: Council Approves Tram Line"
        summary = text_of(entry, "summary")
        assert "This article was withdrawn." in summary and "240 million" not in summary
        assert "The vote is to be held again &lt;b&gt;next week&lt;/b&gt;." in summary
        assert datetime.fromisoformat(text_of(entry, "updated")) == withdrawn.withdrawn_at
        assert "Tram Line" not in index_html(client)
