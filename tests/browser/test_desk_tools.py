"""The desk's tools in Chromium, as an editor uses them: undo and redo, a paragraph of one's
own, a left-out passage brought back and the article's lines in compose; Only differences
on the compare page; a source moved after a confirmation. The copy is our own."""

import re

import pytest
from playwright.sync_api import Page, expect

from stories.models import ArticleDraft, Source
from tests.browser.conftest import log_in
from tests.browser.test_desk_day import settled
from tests.views.copy import harbour_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def desk_page(browser, live_server, username: str = "alice") -> Page:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(10_000)
    log_in(page, live_server, username)
    return page


def test_compose_tools_undo_add_bring_back_and_the_articles_lines(browser, live_server, alice_admin):
    story = harbour_story()
    page = desk_page(browser, live_server)
    page.goto(f"{live_server.url}/stories/{story.pk}/compose/")
    page.wait_for_url(re.compile(r"/compose/$"))
    paragraphs = page.locator(".draft-paragraph")
    count = paragraphs.count()
    dropped = page.locator("#text-2").input_value()

    page.get_by_role("button", name="Drop paragraph 2").click()
    expect(paragraphs).to_have_count(count - 1)
    settled(page)
    page.get_by_role("button", name="Undo dropping a paragraph").click()
    expect(paragraphs).to_have_count(count)
    expect(page.locator("#text-2")).to_have_value(dropped)
    settled(page)

    page.get_by_role("button", name="Drop paragraph 2").click()
    expect(paragraphs).to_have_count(count - 1)
    settled(page)
    page.locator(".left-out-passages summary").click()
    page.get_by_role("button", name=re.compile("^Bring back")).filter(has_text="northwire").first.click()
    expect(paragraphs).to_have_count(count)
    settled(page)

    page.get_by_label("Its text").fill("The harbour master said the pier would reopen within a week.")
    page.get_by_label("Where").select_option(label="At the top")
    page.get_by_role("button", name="Add paragraph").click()
    expect(page.locator("#text-1")).to_have_value("The harbour master said the pier would reopen within a week.")
    expect(page.locator("#paragraph-1 .provenance")).to_have_text("Written at the desk")
    settled(page)

    page.get_by_label("Byline").fill("By Ines Varga")
    expect(page.locator("#preview .byline")).to_have_text("By Ines Varga")
    draft = ArticleDraft.objects.get(article__story=story)
    assert draft.credits["byline"] == "By Ines Varga" and len(draft.paragraphs) == count + 1


def test_only_differences_folds_the_same_rows_and_keeps_every_difference(browser, live_server, alice_admin):
    story = harbour_story()
    page = desk_page(browser, live_server)
    page.goto(f"{live_server.url}/stories/{story.pk}/compare/")
    page.wait_for_url(re.compile(r"/compare/$"))
    differing = page.locator("tr[data-difference]").count()
    page.get_by_label("Only differences").check()
    page.wait_for_url(re.compile(r"only=on"))
    expect(page.locator("tr.fold").first).to_contain_text("the same in every source: show")
    expect(page.locator("tr[data-difference]")).to_have_count(differing)
    first_index_link = page.locator(".row-index a").first
    target = first_index_link.get_attribute("href")
    first_index_link.click()
    expect(page).to_have_url(re.compile(re.escape(target) + "$"))


def test_a_source_is_moved_only_after_the_move_is_confirmed(browser, live_server, alice_admin):
    story = harbour_story()
    source = Source.objects.filter(story=story).order_by("created_at").last()
    page = desk_page(browser, live_server)
    page.goto(f"{live_server.url}/stories/{story.pk}/")
    page.get_by_label("Move to").last.select_option(label="A new story of its own")
    page.get_by_role("button", name=re.compile("^Move .*…$")).last.click()
    expect(page.get_by_role("heading", name="Move this source?")).to_be_visible()
    assert Source.objects.get(pk=source.pk).story_id == story.pk, "asking is not doing"
    page.get_by_role("button", name="Move it").click()
    message = page.locator(".messages")
    expect(message).to_contain_text("to a new story of its own")
    message.get_by_role("link").click()
    moved = Source.objects.get(pk=source.pk)
    assert moved.story_id != story.pk
    expect(page).to_have_url(re.compile(rf"/stories/{moved.story_id}/$"))
