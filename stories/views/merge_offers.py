"""The merges grouping offers, as the inbox shows them: "Merge these stories" asks (GET, a
page that says which story joins which) and then merges (POST); "Keep apart" declines, and
with htmx answers the inbox's offers anew."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from stories.access import get_offer_for_regrouper
from stories.decorators import desk_login_required
from stories.http import AuthenticatedHttpRequest
from stories.models import MergeOffer
from stories.queries import merge_offer_cards, open_merge_offers
from stories.services.merge_offers import check_offer_stands, keep_apart, merge_offered, merge_plan
from stories.services.regroup import RegroupError


@desk_login_required
@require_http_methods(["GET", "POST"])
def merge_offer(request: AuthenticatedHttpRequest, offer_id: int) -> HttpResponse:
    """GET: the merge an offer proposes, to confirm; POST: the merge done, back in the inbox."""
    offer = get_offer_for_regrouper(request.user, offer_id)
    try:
        if request.method == "GET":
            check_offer_stands(offer)
            merged, into = merge_plan(offer)
            [card] = merge_offer_cards(MergeOffer.objects.filter(pk=offer.pk))
            context = {"card": card, "merged": merged, "into": into}
            return TemplateResponse(request, "stories/confirm_merge_offer.html", context)
        into = merge_offered(offer=offer, by=request.user)
    except RegroupError as error:
        messages.error(request, str(error))
        return redirect("stories:inbox")
    merged = offer.other if into.pk == offer.story_id else offer.story
    messages.success(
        request,
        format_html(
            'Merged #{} “{}” into <a href="{}">#{} {}</a>.',
            merged.pk,
            merged.headline,
            reverse("stories:story", args=[into.pk]),
            into.pk,
            into.headline,
        ),
    )
    return redirect("stories:inbox")


@desk_login_required
@require_POST
@vary_on_headers("HX-Request")
def keep_offer_apart(request: AuthenticatedHttpRequest, offer_id: int) -> HttpResponse:
    """Decline the offer; for htmx, the inbox's offers without it (and what happened)."""
    offer = get_offer_for_regrouper(request.user, offer_id)
    try:
        keep_apart(offer=offer, by=request.user)
    except RegroupError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, f"Kept #{offer.story_id} and #{offer.other_id} apart: grouping will not offer them again."
        )
    if not request.htmx:
        return redirect("stories:inbox")
    offers, total = open_merge_offers()
    context = {"offers": offers, "offers_total": total, "swapped": True}
    return render(request, "stories/inbox.html#merge-offers", context)
