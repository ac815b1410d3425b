"""Settings for Newsroom Review, read from the environment.

Every value a deployment changes comes from an environment variable, parsed by a small
helper that raises ImproperlyConfigured on a bad value instead of guessing. With nothing
set, the project runs for development on a SQLite file beside manage.py.
"""

import os
from datetime import timedelta
from email.utils import getaddresses
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None
    if value <= 0:
        raise ImproperlyConfigured(f"{name} must be positive, not {value}")
    return value


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)

# Without SECRET_KEY the project still runs its commands (compare, tests); the
# "django-insecure-" prefix makes `manage.py check --deploy` refuse such a deployment, and
# the production settings (newsroom/production.py) refuse to start with it.
DEVELOPMENT_SECRET_KEY = "django-insecure-newsroom-development-only"
SECRET_KEY = env_str("SECRET_KEY", DEVELOPMENT_SECRET_KEY)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "stories",
]

MIDDLEWARE = [
    "newsroom.request_log.RequestLog",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Who is asking is known before the body is bounded, and the body before anything reads it.
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "newsroom.limits.RequestBodyLimit",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "csp.middleware.CSPMiddleware",
]

# Content-Security-Policy (django-csp): scripts, styles, fonts and images from the desk's
# own origin only, no inline script or style, no framing, forms posted only to the desk.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Failed logins are counted per account and per address (django-axes), on the desk's login
# page and the admin's alike: after NEWSROOM_LOGIN_FAILURE_LIMIT failures the account, or
# the address, is locked out for NEWSROOM_LOGIN_LOCKOUT_MINUTES, with a page that says so.
# An admin lifts a lock by deleting its "access attempt" in the admin, or with
# `manage.py axes_reset_username NAME` / `axes_reset_ip ADDRESS`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("NEWSROOM_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("NEWSROOM_LOGIN_LOCKOUT_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # in this order: DeskLoginHandler reads them so
AXES_HANDLER = "newsroom.security.DeskLoginHandler"
# One address (an office behind one NAT address) may fail this many times over all its
# accounts before it is locked; each account, AXES_FAILURE_LIMIT times from anywhere.
NEWSROOM_LOGIN_ADDRESS_FAILURE_LIMIT = env_int("NEWSROOM_LOGIN_ADDRESS_FAILURE_LIMIT", 50)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "newsroom.security.locked_out"
AXES_CLIENT_IP_CALLABLE = "newsroom.security.client_address"

ROOT_URLCONF = "newsroom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # `make run` serves and runs a task worker on one SQLite file: writers wait for each
    # other instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20, "transaction_mode": "IMMEDIATE"})
else:
    # PostgreSQL's JIT compiles a query planned as costly before running it: the inbox's
    # search at 50,000 items spent 1.3 of its 1.5 s compiling. The app's queries are
    # short; it is off on the app's own connections (README: Deploying, PostgreSQL).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "stories:inbox"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# whitenoise serves STATIC_ROOT from the app server; the production settings store the
# files under hashed names, compressed, so that they can be cached for ever.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The public pages (/news/) are rendered once per server process and kept until the next
# publication, correction or withdrawal: stories/public/views.py files them under a stamp
# read from the database on each request, so a publication reaches every process at once
# and nothing has to be cleared elsewhere. Entries of an old stamp are never read again;
# the timeout and the cap let them go.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "public_pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "public-pages",
        "TIMEOUT": 3600,
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
}

# Sessions end after a working day without a request (each request extends it).
SESSION_COOKIE_AGE = env_int("NEWSROOM_SESSION_IDLE_HOURS", 10) * 3600
SESSION_SAVE_EVERY_REQUEST = True

# Mail: errors (500s) go to ADMINS ("Name <address>, ..."), and password reset is offered,
# only when EMAIL_HOST is set; without it errors are in the log and an admin resets passwords.
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = SERVER_EMAIL = env_str("SERVER_EMAIL", "newsroom@localhost")
ADMINS = getaddresses(env_list("ADMINS", ""))

# Security. Behind TLS in production; `manage.py check --deploy` passes with DEBUG off.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000) if not DEBUG else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", default=False) else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# The health check answers a load balancer on plain HTTP from inside.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# /healthz answers 503 when the oldest task ready to run has waited longer than this:
# no worker is taking the queue (`manage.py desk_worker` is not running, or is stuck).
NEWSROOM_QUEUE_STUCK_SECONDS = env_int("NEWSROOM_QUEUE_STUCK_SECONDS", 600)

# Wire copy limits: one place, quoted in every refusal message.
NEWSROOM_MAX_COPY_BYTES = env_int("NEWSROOM_MAX_COPY_BYTES", 2 * 1024 * 1024)
NEWSROOM_MAX_LINE_CHARS = env_int("NEWSROOM_MAX_LINE_CHARS", 20_000)
NEWSROOM_MAX_FILES_PER_UPLOAD = env_int("NEWSROOM_MAX_FILES_PER_UPLOAD", 100)
DATA_UPLOAD_MAX_NUMBER_FILES = NEWSROOM_MAX_FILES_PER_UPLOAD
# A zip batch: its own size as uploaded, the files in it, and all of them unpacked.
NEWSROOM_MAX_ARCHIVE_BYTES = env_int("NEWSROOM_MAX_ARCHIVE_BYTES", 32 * 1024 * 1024)
NEWSROOM_MAX_FILES_PER_ARCHIVE = env_int("NEWSROOM_MAX_FILES_PER_ARCHIVE", 500)
NEWSROOM_MAX_ARCHIVE_UNPACKED_BYTES = env_int("NEWSROOM_MAX_ARCHIVE_UNPACKED_BYTES", 64 * 1024 * 1024)
# An upload of more files than this (zip members counted) is taken in by a task worker
# (`manage.py desk_worker`) while its page shows the progress; smaller ones in the request.
NEWSROOM_INLINE_UPLOAD_FILES = env_int("NEWSROOM_INLINE_UPLOAD_FILES", 10)
# Off: an editor may not approve a version they saved themselves (four eyes).
NEWSROOM_ALLOW_SELF_APPROVAL = env_bool("NEWSROOM_ALLOW_SELF_APPROVAL", default=True)
# Approval waits until every conflicting fact the version touches is settled, unless this is on.
NEWSROOM_APPROVE_WITH_OPEN_CONFLICTS = env_bool("NEWSROOM_APPROVE_WITH_OPEN_CONFLICTS", default=False)
# A drop folder's file is taken in when its size and modification time are the same at two
# looks this many seconds apart, within one run (stories/services/drop_folders.py).
NEWSROOM_DROP_FOLDER_SETTLE_SECONDS = env_int("NEWSROOM_DROP_FOLDER_SETTLE_SECONDS", 5)
# The demo feed the desk serves itself at /demo/feed.atom (stories/demo/feed.py), for `make
# run`: on with DEBUG; one more item every this many seconds.
NEWSROOM_DEMO_FEED = env_bool("NEWSROOM_DEMO_FEED", default=DEBUG)
NEWSROOM_DEMO_FEED_STEP_SECONDS = env_int("NEWSROOM_DEMO_FEED_STEP_SECONDS", 30)
# How often (seconds) an open compose page asks who else is working on the article.
NEWSROOM_PRESENCE_POLL_SECONDS = env_int("NEWSROOM_PRESENCE_POLL_SECONDS", 10)
# A request may carry a full batch of files at the limit, plus the form around them.
DATA_UPLOAD_MAX_MEMORY_SIZE = NEWSROOM_MAX_COPY_BYTES + 1024 * 1024
# Whole request bodies, refused (413) from their Content-Length before anything reads them
# (newsroom/limits.py): anyone not logged in (the login page); the desk's forms (a long
# article's compose form holds every paragraph); the upload page, for those who may upload.
NEWSROOM_MAX_ANONYMOUS_BODY_BYTES = env_int("NEWSROOM_MAX_ANONYMOUS_BODY_BYTES", 64 * 1024)
NEWSROOM_MAX_FORM_BODY_BYTES = env_int("NEWSROOM_MAX_FORM_BODY_BYTES", 2 * NEWSROOM_MAX_COPY_BYTES + 1024 * 1024)
NEWSROOM_MAX_UPLOAD_BODY_BYTES = env_int(
    "NEWSROOM_MAX_UPLOAD_BODY_BYTES",
    max(NEWSROOM_MAX_ARCHIVE_BYTES, NEWSROOM_MAX_COPY_BYTES * NEWSROOM_MAX_FILES_PER_UPLOAD) + 1024 * 1024,
)

# Background work (batch uploads): the Django tasks API through the django-tasks backport,
# stored in the database (django-tasks-db), so it needs no broker and many workers can
# share one queue on PostgreSQL.
TASKS = {"default": {"BACKEND": env_str("NEWSROOM_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
# A batch a worker began and has made no progress on for this long (the worker was killed,
# its machine restarted) is taken over: `manage.py desk_worker` looks every
# NEWSROOM_BATCH_REVIVE_SECONDS and queues it again, to go on from its first file not taken in.
NEWSROOM_BATCH_STALL_SECONDS = env_int("NEWSROOM_BATCH_STALL_SECONDS", 300)
NEWSROOM_BATCH_REVIVE_SECONDS = env_int("NEWSROOM_BATCH_REVIVE_SECONDS", 60)
# A batch is queued as one task per this many files: any number of workers share one upload.
NEWSROOM_BATCH_CHUNK_FILES = env_int("NEWSROOM_BATCH_CHUNK_FILES", 20)
# New copy is analysed with the rest of its burst: a story's analysis runs this many seconds
# after the first item of a burst came in, once for all the copy stored by then.
NEWSROOM_ANALYSIS_DELAY_SECONDS = env_int("NEWSROOM_ANALYSIS_DELAY_SECONDS", 10)
# Grouping keeps the decoded evidence of this many stored items in each process (about
# 18 KB each: 90 MB in a process that takes copy in), so that a feed's items do not fetch
# and decode the same candidates again. An item's 100 candidates and its revisit's 120 items
# outgrew 2,000 within a few hundred items of a 10,000-item archive (docs/performance.md, *Ingest rate*).
NEWSROOM_GROUPING_CACHE_ITEMS = env_int("NEWSROOM_GROUPING_CACHE_ITEMS", 5000)
# Pulled feeds (`manage.py run_feeds`): the whole answer of an address within this many
# seconds, redirects included; a feed document (Atom, RSS, a JSON listing) read no further
# than its limit (a linked item no further than NEWSROOM_MAX_COPY_BYTES); at most this many
# redirects, each to http(s) again; a failing feed waits its interval doubled for each
# failure in a row, at most a day; at most this many linked items fetched a run (the rest
# the next run); and a feed a runner took is another's again after NEWSROOM_FEED_LEASE_SECONDS
# (the runner died), longer than a run can take.
NEWSROOM_FEED_TIMEOUT_SECONDS = env_int("NEWSROOM_FEED_TIMEOUT_SECONDS", 20)
NEWSROOM_MAX_FEED_BYTES = env_int("NEWSROOM_MAX_FEED_BYTES", 8 * 1024 * 1024)
NEWSROOM_FEED_MAX_REDIRECTS = env_int("NEWSROOM_FEED_MAX_REDIRECTS", 5)
# Off: an item a feed links to, or a redirect, is never fetched from this machine or a
# private network (a feed's copy must not reach inside the desk's network); the feed's own
# address, which an admin typed, may be. On with DEBUG, for the demo feed's links.
NEWSROOM_FEED_ALLOW_PRIVATE_ADDRESSES = env_bool("NEWSROOM_FEED_ALLOW_PRIVATE_ADDRESSES", default=DEBUG)
NEWSROOM_FEED_MAX_BACKOFF_SECONDS = env_int("NEWSROOM_FEED_MAX_BACKOFF_SECONDS", 24 * 3600)
NEWSROOM_FEED_MAX_LINKED_ITEMS = env_int("NEWSROOM_FEED_MAX_LINKED_ITEMS", 50)
NEWSROOM_FEED_LEASE_SECONDS = env_int("NEWSROOM_FEED_LEASE_SECONDS", 3600)
# How long `manage.py run_feeds` sleeps when no feed is due.
NEWSROOM_FEED_RUNNER_SLEEP_SECONDS = env_int("NEWSROOM_FEED_RUNNER_SLEEP_SECONDS", 5)

# One line per event on stdout, each with the request it belongs to; one line per request
# with its method, path, status, duration and user (newsroom/request_log.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "newsroom.request_log.RequestContext"}},
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s %(name)s request=%(request_id)s user=%(user)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "line",
            "filters": ["request"],
        },
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    "loggers": {"newsroom.requests": {"level": env_str("REQUEST_LOG_LEVEL", "INFO")}},
}
