"""An editor in Chromium is offered the merge of two stories a new item bridged: sees the
evidence, merges after confirming (by keyboard alone), and the offer is gone; keeps another
pair apart with htmx, and it stays gone. The copy is our own (tests/bridging.py)."""

import pytest
from playwright.sync_api import Page, expect

from stories.models import MergeOffer, MergeOfferOutcome, Story
from tests.bridging import bridged
from tests.browser.conftest import log_in
from tests.browser.test_compare import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
EVERY_IMPACT = ("minor", "moderate", "serious", "critical")


def offer_card(page: Page):
    return page.locator("article.merge-offer")


def test_an_editor_sees_the_offer_with_its_evidence_and_merges_after_confirming(
    page, live_server, edith_editor, screenshot
):
    offer = bridged()
    log_in(page, live_server, "edith")

    card = offer_card(page)
    expect(card).to_have_count(1)
    expect(card).to_contain_text("Coastal News · cn-osterdal")
    expect(card).to_contain_text(f"#{offer.story_id} Avalanche Closes Brekke Pass")
    expect(card).to_contain_text(f"#{offer.other_id} Storm Leaves Osterdal Without Power")
    expect(card.locator(".evidence").first).to_contain_text("It joined this story: shares")
    expect(card.locator(".evidence").first).to_contain_text("Solheim")
    expect(card.locator(".evidence").last).to_contain_text("It matched Meridian Press · mp-osterdal")
    expect(card.locator(".evidence").last).to_contain_text("8,500")
    assert axe_violations(page, impacts=EVERY_IMPACT) == []
    screenshot("merge-offer-inbox")

    card.get_by_role("link", name="Merge these stories…").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=f"#{offer.other_id} joins #{offer.story_id}")).to_be_visible()
    assert Story.objects.filter(merged_into__isnull=True).count() == 2, "nothing merged before confirming"
    assert axe_violations(page, impacts=EVERY_IMPACT) == []
    screenshot("merge-offer-confirm")
    page.get_by_role("button", name="Merge them").focus()
    page.keyboard.press("Enter")

    page.wait_for_url(f"{live_server.url}/")
    expect(page.locator(".message-success")).to_contain_text(f"Merged #{offer.other_id} “Storm Leaves Osterdal")
    expect(offer_card(page)).to_have_count(0)
    expect(page.locator("table.stories tbody tr")).to_have_count(1)
    screenshot("merge-offer-merged")
    assert Story.objects.get(pk=offer.other_id).merged_into_id == offer.story_id


def test_keep_apart_takes_the_offer_away_in_place_and_for_good(page, live_server, edith_editor):
    offer = bridged()
    log_in(page, live_server, "edith")
    page.evaluate("window.notReloaded = true")

    offer_card(page).get_by_role("button", name="Keep apart").click()

    expect(offer_card(page)).to_have_count(0)
    expect(page.locator("#desk-status")).to_contain_text("grouping will not offer them again")
    expect(page.get_by_text("No merges on offer now.")).to_be_focused()
    assert page.evaluate("window.notReloaded") is True, "swapped in place by htmx"
    assert MergeOffer.objects.get(pk=offer.pk).outcome == MergeOfferOutcome.DECLINED
    page.reload()
    expect(offer_card(page)).to_have_count(0)
    expect(page.locator("table.stories tbody tr")).to_have_count(2)


def test_a_copy_editor_is_offered_nothing(page, live_server, colin_copy_editor):
    bridged()
    log_in(page, live_server, "colin")
    expect(page.locator("table.stories tbody tr")).to_have_count(2)
    expect(offer_card(page)).to_have_count(0)
    expect(page.get_by_text("Stories that may be one")).to_have_count(0)
