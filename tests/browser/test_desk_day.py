"""In a real Chromium, the whole day of a desk on the two samples: upload, compare, compose,
review, publish, and what the public then sees on the page, in the feed and in ninjs."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import Browser, Page, expect

from stories.models import Article, Provider
from tests.browser.conftest import SCREENSHOTS, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PROVIDERS = ["Agency One", "Agency Two"]


def as_user(browser: Browser, live_server, username: str) -> Page:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(10_000)
    log_in(page, live_server, username)
    return page


def upload(page: Page, live_server, path, provider: str, story: str | None = None) -> None:
    page.goto(f"{live_server.url}/admin/stories/story/upload/")
    page.get_by_label("Wire files").set_input_files(str(path))
    page.get_by_label("Provider").select_option(label=provider)
    if story:
        page.get_by_label(re.compile(r"^Story")).select_option(label=story)
    page.get_by_role("button", name="Upload").click()
    expect(page.locator(".messages .message-success")).to_contain_text(f"{path.name}: stored as new source")


def settled(page: Page) -> None:
    """Wait until htmx has finished swapping (and wiring up) what it swapped in: typing into
    a form before htmx has processed it would send no request."""
    page.wait_for_function("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')")


def take_from(page: Page, provider: str, avoid: str) -> None:
    """In the first paragraph that comes from `avoid` and offers `provider`'s passage, take it."""
    paragraphs = page.locator(".draft-paragraph")
    for n in range(paragraphs.count()):
        paragraph = paragraphs.nth(n)
        offer = paragraph.get_by_role("button", name=re.compile(f"^Take {provider} ¶"), include_hidden=True)
        if avoid in paragraph.locator(".provenance").inner_text() and offer.count():
            paragraph.locator("summary").click()
            offer.first.click()
            expect(page.locator(f"#paragraph-{n + 1} .provenance")).to_contain_text(provider)
            settled(page)
            return
    raise AssertionError(f"no paragraph from {avoid} offers a passage of {provider}")


def settle_every_conflict(page: Page) -> None:
    """Settle each conflicting fact the draft touches for its first value: approval waits for them."""
    for _ in range(20):
        open_conflicts = page.locator('.draft-conflict[data-open="true"]')
        if not open_conflicts.count():
            return
        open_conflicts.first.get_by_role("button", name=re.compile("stands$")).first.click()
        expect(page.locator(".messages")).to_contain_text("Settled:")
        settled(page)
    raise AssertionError("the conflicts did not settle")


def test_the_day_of_a_desk(browser, live_server, alice_admin, edith_editor, colin_copy_editor, sample_files):
    for name in PROVIDERS:
        Provider.objects.create(name=name)

    admin = as_user(browser, live_server, "alice")
    upload(admin, live_server, sample_files[0], PROVIDERS[0])
    headline = admin.locator("h1").inner_text()  # the upload lands on the story's compare page
    upload(admin, live_server, sample_files[1], PROVIDERS[1], story=headline)

    editor = as_user(browser, live_server, "edith")
    editor.locator("table.stories a").first.click()
    expect(editor.locator('.passage[data-status="repeat"]')).to_have_count(10)
    editor.get_by_role("link", name="Compose the article").click()
    editor.wait_for_url(re.compile(r"/compose/$"))  # and its load event: htmx is a deferred script

    take_from(editor, PROVIDERS[1], avoid=PROVIDERS[0])
    take_from(editor, PROVIDERS[0], avoid=PROVIDERS[1])
    lede = editor.locator("#text-1")
    settled(editor)
    lede.fill(lede.input_value() + " (Edited at the desk.)")
    expect(editor.locator("#preview")).to_contain_text("(Edited at the desk.)")
    expect(editor.locator("#paragraph-1 .provenance")).to_contain_text("edited")
    settle_every_conflict(editor)
    editor.get_by_label("Why this version").fill("merged from both agencies")
    editor.get_by_role("button", name="Save version").click()
    expect(editor.locator(".messages")).to_contain_text("Saved as version 1.")
    editor.get_by_role("button", name="Submit version 1 for review").click()
    shoot(editor, "compose")

    copy_editor = as_user(browser, live_server, "colin")
    copy_editor.goto(editor.url)
    expect(copy_editor.locator(".status-badge")).to_have_text("In review")
    expect(copy_editor.get_by_role("button", name=re.compile("^Approve"))).to_have_count(0)
    token = copy_editor.locator("input[name=csrfmiddlewaretoken]").first.input_value()
    refused = copy_editor.request.post(
        editor.url.replace("/compose/", "/article/approve/"),
        form={"csrfmiddlewaretoken": token},
        headers={"Referer": editor.url},
        max_redirects=0,
    )
    assert refused.status == 403

    editor.reload()
    editor.get_by_role("button", name="Approve version 1").click()
    editor.get_by_role("button", name="Publish version 1").click()
    expect(editor.locator(".status-badge")).to_have_text("Published")

    article = Article.objects.get()
    public = browser.new_context().new_page()
    public.goto(f"{live_server.url}/news/{article.pk}/")
    texts = public.locator("article p").all_inner_texts()
    body = [text for text in texts if len(text) > 80]
    assert len(body) == len(set(body)) >= 4, "a paragraph is repeated on the public page"
    assert "(Edited at the desk.)" in " ".join(texts)
    assert "**" not in public.content()
    shoot(public, "public-article")

    feed = public.request.get(f"{live_server.url}/news/feed/").text()
    entries = ET.fromstring(feed).findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 1 and "**" not in feed
    ninjs = json.loads(public.request.get(f"{live_server.url}/news/{article.pk}.json").text())
    paragraphs = ninjs["bodies"][0]["value"].split("\n\n")
    assert len(paragraphs) == len(set(paragraphs)) and "**" not in json.dumps(ninjs)
    assert ninjs["headlines"][0]["value"] == article.published_version.headline


def shoot(page: Page, name: str) -> None:
    """Screenshots of pages other than the `page` fixture's, into the same folder."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_an_action_refused_mid_session_says_so(browser, live_server, edith_editor, sample_files):
    """The editor's role is taken away while the compose page is open: the next click is
    refused (403), and the page says so instead of doing nothing."""
    from stories.services.ingest import IncomingCopy, ingest_files

    story = ingest_files(files=[IncomingCopy(p.name, p.read_bytes()) for p in sample_files], user=None).story
    editor = as_user(browser, live_server, "edith")
    editor.goto(f"{live_server.url}/stories/{story.pk}/compose/")
    paragraphs = editor.locator(".draft-paragraph").count()
    edith_editor.groups.clear()
    editor.get_by_role("button", name="Drop paragraph 1").click()
    expect(editor.locator("main [role=status]")).to_contain_text("You may not do this")
    expect(editor.locator(".draft-paragraph")).to_have_count(paragraphs)
