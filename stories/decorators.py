"""Login for pages and for the fragments htmx asks for."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django_htmx.http import HttpResponseClientRedirect


def desk_login_required(view):
    """Like login_required, but an htmx request from a logged-out browser gets a client
    redirect to the login page instead of the login page swapped into a fragment."""
    page_view = login_required(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if getattr(request, "htmx", False) and not request.user.is_authenticated:
            login = redirect_to_login(request.htmx.current_url or request.get_full_path())
            return HttpResponseClientRedirect(login.url)
        return page_view(request, *args, **kwargs)

    return wrapper
