"""Who a request comes from, as far as the desk can tell."""

from __future__ import annotations

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def client_address(request: HttpRequest) -> str:
    """The visitor's address: behind the TLS proxy (BEHIND_TLS_PROXY), the last address in
    X-Forwarded-For, the one our own proxy added (the ones before it come from the visitor
    and can say anything); else the address of the connection."""
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if forwarded and forwarded[-1]:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "")


def locked_out(
    request: HttpRequest, response: HttpResponse | None = None, credentials: dict | None = None
) -> HttpResponse:
    """The page a locked-out login gets (429): what happened, for how long, what to do."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "address_limit": settings.NEWSROOM_LOGIN_ADDRESS_FAILURE_LIMIT,
        "minutes": minutes,
    }
    return render(request, "registration/locked_out.html", context, status=429)


class DeskLoginHandler(AxesDatabaseHandler):
    """django-axes' database handler with a limit per address of its own.

    Axes has one limit for every lockout parameter. A newsroom logs in from behind one
    office address, so the account's limit (5) for the address would let five typos by
    five colleagues lock the whole desk out; guessing one account stays limited to 5
    tries from anywhere, and one address to NEWSROOM_LOGIN_ADDRESS_FAILURE_LIMIT tries
    (50) over all the accounts it tries. Axes locks when the failures reach the account
    limit, so the address's failures are counted on that scale.
    """

    def get_failures(self, request, credentials: dict | None = None) -> int:
        by_account, by_address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)  # AXES_LOCKOUT_PARAMETERS' order
        )
        scale = settings.AXES_FAILURE_LIMIT / settings.NEWSROOM_LOGIN_ADDRESS_FAILURE_LIMIT
        return max(by_account, int(by_address * scale))
