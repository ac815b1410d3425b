"""The audit trail: who did what, when, to which story; never changed, never deleted."""

from django.conf import settings
from django.db import models

from stories.models.copy import Story
from stories.models.records import ImmutableRecordError, WrittenOnce


class AuditAction(models.TextChoices):
    INGEST = "ingest", "Ingested copy"
    INGEST_DUPLICATE = "ingest_duplicate", "Recognised a duplicate upload"
    INGEST_REFUSED = "ingest_refused", "Refused an upload"
    SAVE = "save", "Saved a version"
    RESTORE = "restore", "Restored a version"
    SUBMIT = "submit", "Submitted for review"
    APPROVE = "approve", "Approved"
    REJECT = "reject", "Sent back to draft"
    PUBLISH = "publish", "Published"
    CORRECT = "correct", "Saved a correction"
    WITHDRAW = "withdraw", "Withdrew"
    MOVE_SOURCE = "move_source", "Moved a source to another story"
    MERGE_STORY = "merge_story", "Merged stories"
    KEEP_APART = "keep_apart", "Kept two stories apart"
    SETTLE_CONFLICT = "settle_conflict", "Settled a conflicting fact"
    ISSUE_FEED_TOKEN = "issue_feed_token", "Issued a feed's push token"
    REVOKE_FEED_TOKEN = "revoke_feed_token", "Revoked a feed's push token"


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableRecordError(AuditEvent.refusal)

    def delete(self):
        raise ImmutableRecordError(AuditEvent.refusal)


class AuditEvent(WrittenOnce):
    """One recorded action: who did what, when, to which object. Append-only.

    On PostgreSQL a trigger (migration 0003) refuses UPDATE and DELETE as well, so the
    trail holds even against SQL run outside the application.
    """

    refusal = "The audit trail is append-only."

    action = models.CharField(max_length=40, choices=AuditAction.choices)
    # PROTECT, not SET_NULL: nulling a column is an UPDATE, which the trail refuses.
    # Users who leave are deactivated, not deleted.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_name = models.CharField(max_length=150, help_text="Who acted; a feed or command when no user.")
    story = models.ForeignKey(Story, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    subject = models.CharField(max_length=200, help_text="The object acted on, e.g. 'SourceVersion 12'.")
    summary = models.CharField(max_length=500)
    detail = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name}: {self.summary}"
