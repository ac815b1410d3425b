"""Checks a server makes before it serves anyone (the WSGI and ASGI entry points call them)."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def refuse_insecure_serving() -> None:
    """Never serve with DEBUG off and the development SECRET_KEY: sessions and password
    reset links would be signed with a key anyone can read here. Commands and tests may."""
    from newsroom.settings import DEVELOPMENT_SECRET_KEY

    if not settings.DEBUG and settings.SECRET_KEY == DEVELOPMENT_SECRET_KEY:
        raise ImproperlyConfigured(
            "Refusing to serve with DEBUG off and the development SECRET_KEY: set SECRET_KEY to a long random "
            "value (python3 -c 'import secrets; print(secrets.token_urlsafe(50))'), or DEBUG=1 on your own machine."
        )
