"""The merges grouping offers, in the inbox: who sees them, confirming a merge, keeping a
pair apart (with htmx and without), and what a copy editor gets."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from stories.models import AuditAction, AuditEvent, MergeOffer, MergeOfferOutcome, SourceVersion, Story
from stories.services.regroup import merge_stories
from tests.bridging import bridged

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "nora_no_role", "colin_copy_editor", "edith_editor", "alice_admin"]
LOGIN = 302
INBOX = reverse("stories:inbox")


@pytest.fixture
def offer() -> MergeOffer:
    return bridged()


def merge_url(offer: MergeOffer) -> str:
    return reverse("stories:merge_offer", args=[offer.pk])


def keep_apart_url(offer: MergeOffer) -> str:
    return reverse("stories:keep_offer_apart", args=[offer.pk])


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_it_shows_an_editor_both_stories_the_bridging_item_and_the_evidence(client, edith_editor, offer):
    client.force_login(edith_editor)
    page = client.get(INBOX).content.decode()
    card = page[page.index('class="merge-offer"') : page.index("</article>")]
    assert "Stories that may be one" in page
    assert f"#{offer.story_id} Avalanche Closes Brekke Pass" in card
    assert f"#{offer.other_id} Storm Leaves Osterdal Without Power" in card
    assert "Coastal News · cn-osterdal" in card and "Osterdal Cut Off by Avalanche and Power Cuts" in card
    assert "Northwire, Coastal News" in card and "Meridian Press" in card, "each story's providers"
    assert "newest copy" in card
    assert "It joined this story: shares" in card and "Solheim" in card
    assert "It matched Meridian Press · mp-osterdal: shares" in card and "8,500" in card
    assert merge_url(offer) in card and keep_apart_url(offer) in card


@pytest.mark.parametrize("role_index, role", list(enumerate(ROLES)))
def test_only_those_who_may_regroup_see_offers_and_act_on_them(client, request, offer, role_index, role):
    may = role in ("edith_editor", "alice_admin")
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    inbox = client.get(INBOX)
    assert (b"Stories that may be one" in inbox.content) == may
    expected = {"anonymous": LOGIN, "nora_no_role": 403, "colin_copy_editor": 403}.get(role, 302)
    assert client.get(merge_url(offer)).status_code == (200 if may else expected)
    assert client.post(merge_url(offer)).status_code == expected
    assert client.post(keep_apart_url(offer), headers={"HX-Request": "true"}).status_code == (
        200 if may else (403 if role != "anonymous" else 200)  # htmx, logged out: a client redirect to log in
    )


def test_a_copy_editor_changes_nothing(client, colin_copy_editor, offer):
    client.force_login(colin_copy_editor)
    client.post(merge_url(offer))
    client.post(keep_apart_url(offer))
    offer.refresh_from_db()
    assert offer.outcome == MergeOfferOutcome.OPEN and Story.objects.filter(merged_into__isnull=True).count() == 2


def test_merging_is_confirmed_on_a_page_that_says_which_story_joins_which(client, edith_editor, offer):
    client.force_login(edith_editor)
    page = client.get(merge_url(offer)).content.decode()
    assert f"#{offer.other_id} joins #{offer.story_id}" in page and "the older story" in page
    assert "It matched Meridian Press · mp-osterdal" in page, "the evidence again"
    assert "Keep apart" not in page
    assert Story.objects.filter(merged_into__isnull=True).count() == 2, "nothing merged by looking"

    response = client.post(merge_url(offer), follow=True)
    assert response.redirect_chain == [(INBOX, 302)]
    [message] = messages_of(response)
    assert message.startswith(f"Merged #{offer.other_id} “Storm Leaves Osterdal Without Power” into")
    assert b"Stories that may be one" not in response.content, "the offer is gone"
    assert Story.objects.get(pk=offer.other_id).merged_into_id == offer.story_id


def test_keep_apart_with_htmx_answers_the_offers_again_and_says_what_happened(client, edith_editor, offer):
    client.force_login(edith_editor)
    response = client.post(keep_apart_url(offer), headers={"HX-Request": "true"})
    page = response.content.decode().strip()
    assert page.startswith('<div id="merge-offers">') and "<html" not in page
    assert 'hx-swap-oob="innerHTML"' in page and "apart: grouping will not offer them again" in page
    assert "No merges on offer now." in page and "HX-Request" in response["Vary"]
    assert AuditEvent.objects.filter(action=AuditAction.KEEP_APART, actor=edith_editor).count() == 2
    assert b"Stories that may be one" not in client.get(INBOX).content


def test_keep_apart_without_javascript_lands_on_the_inbox(client, edith_editor, offer):
    client.force_login(edith_editor)
    response = client.post(keep_apart_url(offer), follow=True)
    assert response.redirect_chain == [(INBOX, 302)]
    assert "grouping will not offer them again" in messages_of(response)[0]


def test_an_offer_decided_or_overtaken_is_refused_in_words(client, edith_editor, alice_admin, offer):
    client.force_login(edith_editor)
    client.post(keep_apart_url(offer), follow=True)  # its message read
    response = client.post(merge_url(offer), follow=True)
    assert "edith kept them apart a moment ago" in messages_of(response)[0]
    assert client.get(merge_url(offer), follow=True).redirect_chain == [(INBOX, 302)]

    SourceVersion.objects.update(received_at=timezone.now() - timedelta(days=10))  # out of grouping's reach
    second = bridged(filed="Filed again.")
    assert second != offer
    merge_stories(story=second.other, into=Story.objects.get(pk=offer.story_id), by=alice_admin)
    response = client.post(keep_apart_url(second), follow=True)
    assert "alice merged one of them into another story" in messages_of(response)[0]


def test_a_get_to_keep_apart_is_405_and_an_unknown_offer_404(client, edith_editor, offer):
    client.force_login(edith_editor)
    assert client.get(keep_apart_url(offer)).status_code == 405
    assert client.get(reverse("stories:merge_offer", args=[offer.pk + 99])).status_code == 404
