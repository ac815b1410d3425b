"""In a real Chromium: a story the feed just brought says in its inbox row that it is being
analysed, and its counts come into the row by themselves once the analysis is done, with one
request for the page now and then, never an analysis in the inbox's request."""

import pytest
from playwright.sync_api import Page, expect

from stories.models import Story
from stories.services.analysis import analyse_new_copy
from tests.browser.conftest import log_in
from tests.browser.test_compare import axe_violations
from tests.views.copy import harbour_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_counts_waiting_for_the_analysis_say_so_and_come_in_by_themselves(
    page: Page, live_server, edith_editor, settings, screenshot
):
    settings.NEWSROOM_ANALYSIS_DELAY_SECONDS = 2
    log_in(page, live_server, "edith")
    harbour_story()  # two agencies' copy, just brought: its analysis queued, not run
    story = Story.objects.get()
    asks: list[str] = []
    page.on("request", lambda request: asks.append(request.url) if "/inbox/counts/" in request.url else None)

    page.goto(f"{live_server.url}/")
    row = page.locator("table.stories tbody tr").filter(has_text=story.headline)
    repeats, conflicts = row.locator('td[data-label="Repeats"]'), row.locator('td[data-label="Conflicts"]')
    expect(repeats).to_have_text("analysing…The story’s copy is being compared: the count follows in a few seconds.")
    expect(conflicts.locator(".hint")).to_have_text("analysing…")
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 1440, "height": 900})
    screenshot("inbox-counts-analysing-1440")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot("inbox-counts-analysing-390")

    analyse_new_copy(story.pk)  # what the background task does, a burst's delay after the copy came
    story.refresh_from_db()
    expect(repeats).to_have_text(str(story.analysis.repeat_count), timeout=20_000)
    expect(conflicts).to_have_text(str(story.analysis.conflict_count))
    screenshot("inbox-counts-ready-390")
    page.set_viewport_size({"width": 1440, "height": 900})
    screenshot("inbox-counts-ready-1440")

    asked = len(asks)
    assert 1 <= asked <= 4, asks  # one request for the page each time, a few seconds apart
    page.wait_for_timeout(3_000)
    assert len(asks) == asked, "the page stops asking once no story waits"
    expect(page.locator("#counts-poll")).to_have_count(0)
