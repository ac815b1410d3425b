"""The requests the views see, as types: what the middleware and the login decorators add."""

from django.contrib.auth.models import User
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """A request that passed django-htmx's HtmxMiddleware, which sets `request.htmx`."""

    htmx: HtmxDetails


class AuthenticatedHttpRequest(HtmxHttpRequest):
    """A request to a view behind a login check (desk_login_required, the admin's
    admin_view), which lets no anonymous user through."""

    user: User
