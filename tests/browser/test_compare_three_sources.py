"""In a real Chromium: three agencies disagree on how many people the fire injured (12, 14,
15). The compare page lists that fact once with the three values, and choosing it marks
the three passages and, in each, the words that state the value."""

import re

import pytest
from playwright.sync_api import Page, expect

from stories.models import Provider, Story
from stories.services.ingest import IncomingCopy, ingest_files
from tests.browser.conftest import log_in
from tests.browser.test_compare import axe_violations
from tests.views.copy import HARBOUR_A, HARBOUR_B, HARBOUR_C

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INJURED = {"passage-A5": "12 people", "passage-B4": "14 people", "passage-C2": "15 people"}


@pytest.fixture
def story() -> Story:
    """Northwire's, Meridian Press's and Coastal News's versions of the harbour fire."""
    story = None
    for name, copy in (("Northwire", HARBOUR_A), ("Meridian Press", HARBOUR_B), ("Coastal News", HARBOUR_C)):
        provider = Provider.objects.create(name=name)
        item = IncomingCopy(f"{name.split()[0].lower()}.txt", copy.encode())
        story = ingest_files(files=[item], user=None, provider=provider, story=story).story
    assert story is not None
    return story


@pytest.fixture
def compare_page(page: Page, live_server, edith_editor, story) -> Page:
    log_in(page, live_server, "edith")
    page.goto(f"{live_server.url}/stories/{story.pk}/compare/")
    expect(page.locator("table.grid thead th.source-head")).to_have_count(3)
    return page


def test_choosing_the_fact_lists_three_values_and_marks_the_words_in_each_passage(compare_page, screenshot):
    page = compare_page
    link = page.locator(".facts .conflict-list a", has_text="15 people")
    expect(link).to_have_count(1)
    values = link.locator(".value")
    expect(values).to_have_count(3)
    for n, (provider, value) in enumerate(zip(("Northwire", "Meridian Press", "Coastal News"), INJURED.values())):
        expect(values.nth(n)).to_have_text(re.compile(rf"^“?{value}”? {provider} ¶\d+$"))
    expect(link.locator(".sources-count")).to_have_text("· 3 sources")
    expect(page.locator(".passage mark.conflict-words")).to_have_count(0)

    link.click()
    expect(page).to_have_url(re.compile(r"[?&]conflict=[0-9a-f]{10}(&|#|$)"))
    expect(page.locator(".conflict.chosen")).to_have_count(1)
    expect(page.locator(".passage[data-marked]")).to_have_count(3)
    expect(page.locator(".passage mark.conflict-words")).to_have_count(3)
    for passage_id, value in INJURED.items():
        expect(page.locator(f"#{passage_id}")).to_have_attribute("data-marked", "")
        expect(page.locator(f"#{passage_id} mark.conflict-words")).to_have_text(value)
    assert axe_violations(page) == []

    page.set_viewport_size({"width": 1440, "height": 900})
    screenshot("compare-three-sources-conflict-chosen")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot("compare-three-sources-conflict-chosen-phone")
