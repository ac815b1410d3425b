"""Every desk page on a phone (390 px): nothing scrolls sideways but the compare grid's own
columns, by design, and axe-core finds no serious fault. Screenshots of each go to
test-artifacts/screenshots/phone-*.png.

The copy is our own (tests/views/copy.py): a harbour fire told by three agencies.
"""

import pytest
from playwright.sync_api import Browser, Page

from stories.services.compose import article_for, draft_for, save_draft
from tests import desk
from tests.bridging import bridged
from tests.browser.conftest import log_in
from tests.browser.test_compare import axe_violations
from tests.browser.test_desk_day import shoot
from tests.views.copy import harbour_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
EVERY_IMPACT = ("minor", "moderate", "serious", "critical")


def phone_page(browser: Browser, live_server, username: str) -> Page:
    page = browser.new_context(viewport=PHONE).new_page()
    page.set_default_timeout(10_000)
    log_in(page, live_server, username)
    return page


def sideways_overflow(page: Page) -> list[str]:
    """The elements that reach past the phone's right edge, outside the compare grid."""
    return page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > innerWidth + 1 && !e.closest('.grid-scroll'))
            .slice(0, 5)
            .map(e => `${e.tagName.toLowerCase()}.${e.className} ends at ${e.getBoundingClientRect().right}px`)"""
    )


def test_the_desk_pages_fit_a_phone(browser, live_server, alice_admin, settings):
    settings.NEWSROOM_ALLOW_SELF_APPROVAL = settings.NEWSROOM_APPROVE_WITH_OPEN_CONFLICTS = True
    story = harbour_story()
    article = article_for(story)
    save_draft(draft=draft_for(article=article, editor=alice_admin), reason="First version")
    page = phone_page(browser, live_server, "alice")
    pages = [
        ("inbox", "/"),
        ("story", f"/stories/{story.pk}/"),
        ("compare", f"/stories/{story.pk}/compare/"),
        ("compose", f"/stories/{story.pk}/compose/"),
        ("versions", f"/stories/{story.pk}/versions/"),
        ("confirm-move", f"/stories/{story.pk}/sources/{story.sources.first().pk}/move/?to_story=new"),
    ]
    check_pages(page, live_server, pages)
    desk.publish(desk.approve(desk.submit(article, alice_admin), alice_admin), alice_admin)
    pages = [
        ("compose-published", f"/stories/{story.pk}/compose/"),
        ("version-diff", f"/stories/{story.pk}/versions/compare/?a=1&b=1"),
        ("upload", "/admin/stories/story/upload/"),
        ("public-index", "/news/"),
        ("public-article", f"/news/{article.pk}/"),
    ]
    check_pages(page, live_server, pages)
    page.context.clear_cookies()
    check_pages(page, live_server, [("login", "/accounts/login/")])


def test_the_inbox_with_a_merge_on_offer_fits_a_phone(browser, live_server, alice_admin):
    offer = bridged()
    page = phone_page(browser, live_server, "alice")
    pages = [("inbox-merge-offer", "/"), ("confirm-merge-offer", f"/merge-offers/{offer.pk}/merge/")]
    check_pages(page, live_server, pages)


def check_pages(page: Page, live_server, pages: list[tuple[str, str]]) -> None:
    for name, path in pages:
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        shoot(page, f"phone-{name}-390")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], sideways_overflow(page)
        assert axe_violations(page, impacts=EVERY_IMPACT) == [], name


def test_the_inbox_on_a_phone_names_each_figure(browser, live_server, alice_admin):
    """A row is a card: each figure after its column's name, since the header row is out
    of sight."""
    harbour_story()
    page = phone_page(browser, live_server, "alice")
    card = page.locator("table.stories tbody tr").first
    labels = card.locator("td[data-label]").evaluate_all(
        "cells => cells.map(c => getComputedStyle(c, '::before').content)"
    )
    assert labels == ['"Providers"', '"Sources"', '"Repeats"', '"Conflicts"', '"Status"', '"Last received"']
    assert card.bounding_box()["width"] <= PHONE["width"]


def test_paragraph_boxes_grow_with_their_text_and_the_preview_is_reached_by_keyboard(browser, live_server, alice_admin):
    story = harbour_story()
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(page, live_server, "alice")
    page.goto(f"{live_server.url}/stories/{story.pk}/compose/")
    box = page.locator("textarea[name^=text-]").first
    before = box.bounding_box()["height"]
    box.fill(" ".join(["A sentence an editor adds to the paragraph."] * 30))
    assert box.bounding_box()["height"] > before * 2
    preview = page.locator("#preview")
    assert preview.get_attribute("tabindex") == "0"
    preview.focus()
    page.keyboard.press("PageDown")
    assert page.evaluate("document.activeElement.id") == "preview"
    assert axe_violations(page, impacts=EVERY_IMPACT) == []
