"""Production settings: `newsroom.settings` with DEBUG off, static files under hashed,
compressed names (whitenoise), and a refusal to start with anything a deployment must set.

    DJANGO_SETTINGS_MODULE=newsroom.production

`make serve`, the systemd units in deploy/ and the README's deployment section use it.
"""

from django.core.exceptions import ImproperlyConfigured

from .settings import *  # noqa: F403
from .settings import ALLOWED_HOSTS, DEBUG, DEVELOPMENT_SECRET_KEY, SECRET_KEY, STORAGES

if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production (unset DEBUG, or set it to 0)")
if SECRET_KEY == DEVELOPMENT_SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "Set SECRET_KEY to a long random value of your own (50 characters or more), e.g. "
        "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the host names the desk is served on, comma-separated")

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
