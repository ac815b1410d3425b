"""Copy that arrives by itself: the feeds an agency's copy comes by, and the tokens that
let an agency push to the desk (`POST /api/ingest/`)."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import PurePath
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from stories.models.copy import Provider


class FeedKind(models.TextChoices):
    PULL_HTTP = "pull_http", "Pulled over HTTP (Atom, RSS, a ninjs API)"
    DROP_FOLDER = "drop_folder", "A drop folder on the server"
    PUSH = "push", "Pushed by the agency (POST /api/ingest/)"


class Feed(models.Model):
    """One way an agency's copy arrives without anyone uploading it. Every item a feed
    brings is taken in by the same ingest as an upload, attributed to the feed's provider
    and to the feed (`SourceVersion.feed`); the feed keeps how its runs went."""

    kind = models.CharField(max_length=20, choices=FeedKind.choices)
    name = models.CharField(max_length=120, unique=True)
    address = models.CharField(
        max_length=500, blank=True, help_text="The feed's http(s) address, or the drop folder's path; blank for push."
    )
    provider = models.ForeignKey(
        Provider, on_delete=models.PROTECT, related_name="feeds", help_text="Who the feed's copy is from."
    )
    interval = models.PositiveIntegerField(default=300, help_text="Seconds between two looks at a pulled feed.")
    enabled = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_run_at = models.DateTimeField(null=True, blank=True, help_text="When copy last came, or was looked for.")
    last_success_at = models.DateTimeField(null=True, blank=True, help_text="When a run last went through.")
    stored_count = models.PositiveIntegerField(default=0, help_text="Items stored, all runs together.")
    duplicate_count = models.PositiveIntegerField(default=0, help_text="Items recognised as already stored.")
    refused_count = models.PositiveIntegerField(default=0, help_text="Items refused, each with its reason.")
    last_error = models.TextField(blank=True, help_text="Why the last run failed; cleared by a run that goes through.")
    failures = models.PositiveIntegerField(default=0, help_text="Runs failed in a row; each one doubles the wait.")
    next_run_at = models.DateTimeField(
        null=True, blank=True, db_index=True, help_text="When the feed is next looked at (blank: as soon as can be)."
    )
    etag = models.CharField(
        max_length=500, blank=True, help_text="The pulled feed's last ETag, sent back to ask for changes only."
    )
    last_modified = models.CharField(
        max_length=100, blank=True, help_text="The pulled feed's last Last-Modified, sent back to ask for changes only."
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=FeedKind.PUSH, address="") | (~Q(kind=FeedKind.PUSH) & ~Q(address="")),
                name="feed_address_unless_push",
                violation_error_message="A pushed feed has no address; the others need one.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        problem = _address_problem(self.kind, self.address.strip())
        if problem:
            raise ValidationError({"address": problem})

    @property
    def actor_name(self) -> str:
        """Who the audit trail says took the feed's copy in: there is no user."""
        return f"feed {self.name}"

    def wait_after_failures(self, failures: int) -> timedelta:
        """How long the runner leaves the feed alone after `failures` runs failed in a row: its
        interval doubled for each, capped at NEWSROOM_FEED_MAX_BACKOFF_SECONDS (a day)."""
        cap = settings.NEWSROOM_FEED_MAX_BACKOFF_SECONDS
        return timedelta(seconds=min(max(self.interval, 1) * 2 ** min(failures, 32), cap))


def _address_problem(kind: str, address: str) -> str:
    if kind == FeedKind.PUSH:
        return "A pushed feed has no address: the agency sends its copy to /api/ingest/." if address else ""
    if not address:
        return "Give the feed's address." if kind == FeedKind.PULL_HTTP else "Give the drop folder's path."
    parts = urlsplit(address)
    if kind == FeedKind.PULL_HTTP and (parts.scheme not in ("http", "https") or not parts.netloc):
        return "Only http:// and https:// addresses are read."
    if kind == FeedKind.DROP_FOLDER and not PurePath(address).is_absolute():
        return "Give the drop folder's absolute path (it starts with /)."
    return ""


class FeedToken(models.Model):
    """A secret an agency sends with each push (`Authorization: Bearer ...`). Shown once, when
    made; the desk keeps only its SHA-256, and its first characters to tell tokens apart."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="tokens")
    prefix = models.CharField(max_length=12, help_text="The token's first characters, to tell tokens apart.")
    digest = models.CharField(max_length=64, unique=True, help_text="The SHA-256 of the token, in hex.")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.feed})"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @staticmethod
    def digest_of(secret: str) -> str:
        """What the desk keeps of a token: its SHA-256, in hex."""
        return hashlib.sha256(secret.encode()).hexdigest()
