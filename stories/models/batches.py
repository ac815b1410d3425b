"""Uploads too large for one request (and pushed zip archives), taken in by the task
workers file by file, any number of workers sharing one batch."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from stories.models.copy import Provider, Story


class BatchStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Taking in"
    DONE = "done", "Done"
    FAILED = "failed", "Stopped by an error"


class UploadBatch(models.Model):
    """An upload too large to take in during the request, or a zip archive a feed pushed:
    its files wait in BatchFile rows until task workers take them in, each file's outcome
    kept beside it, and its page shows how far it got."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Who uploaded it; blank when a feed brought it.",
    )
    feed = models.ForeignKey(
        "Feed",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="batches",
        help_text="The feed that pushed it, when one did.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    story = models.ForeignKey(
        Story, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", help_text="Where the copy goes."
    )
    provider = models.ForeignKey(Provider, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    group = models.BooleanField(default=False, help_text="Each new item joins the story it resembles.")
    status = models.CharField(max_length=20, choices=BatchStatus.choices, default=BatchStatus.QUEUED)
    total = models.PositiveIntegerField(help_text="Files in the batch, those of its zip archives included.")
    processed = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True, help_text="Why the batch stopped, when it did.")
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(
        null=True, blank=True, help_text="When a worker last made progress on it; a batch long without is taken over."
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "upload batches"

    def __str__(self) -> str:
        return f"Upload batch {self.pk} ({self.processed}/{self.total})"

    def get_absolute_url(self) -> str:
        return reverse("admin:stories_story_upload_batch", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in (BatchStatus.DONE, BatchStatus.FAILED)

    @property
    def waiting(self) -> int:
        """Files not taken in yet."""
        return self.total - self.processed

    @property
    def sender(self) -> str:
        """Who the audit trail says took its copy in: the feed, when one pushed it."""
        return self.feed.actor_name if self.feed is not None else ""

    @property
    def results(self) -> list[dict]:
        """Each file taken in so far, in the batch's order: {name, outcome, message, story},
        the story the one its copy is in now (it may have been regrouped since)."""
        done = self.files.exclude(outcome="").order_by("position")
        rows = done.values_list("name", "outcome", "message", "story_id", "version__source__story_id")
        return [
            {"name": name, "outcome": outcome, "message": message, "story": now or went}
            for name, outcome, message, went, now in rows
        ]

    @property
    def outcomes(self) -> list[dict[str, str]]:
        """Each file's outcome, its message without the file's name in front (shown beside it)."""
        return [{**result, "said": result["message"].removeprefix(f"{result['name']}: ")} for result in self.results]

    def stories(self) -> list[Story]:
        """The stories the batch's files went into, in the order the files did."""
        ids = list(dict.fromkeys(result["story"] for result in self.results if result.get("story")))
        found = Story.objects.in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]

    @property
    def tally(self) -> str:
        """The outcomes so far in words: "12 stored, 1 duplicate, 2 refused"."""
        counts = {outcome: 0 for outcome in ("stored", "duplicate", "refused")}
        for result in self.results:
            counts[result["outcome"]] += 1
        return ", ".join(f"{count} {outcome}" for outcome, count in counts.items() if count)


class BatchOutcome(models.TextChoices):
    WAITING = "", "Waiting"
    STORED = "stored", "Stored"
    DUPLICATE = "duplicate", "Duplicate"
    REFUSED = "refused", "Refused"


class DroppedFile(models.Model):
    """A file of a drop folder, queued: moved from the folder into its `.taking-in/` and its
    copy written to the files of a batch (a zip archive's files each one), it waits there
    until every one of them has its outcome, then goes on to `done/` or `refused/`. Its place
    there is reserved (`moved_to`) before it is moved, so a worker that stops between the two
    leaves a move that anyone can finish, and two workers filing away two files of one name
    never pick the same place."""

    feed = models.ForeignKey("Feed", on_delete=models.PROTECT, related_name="dropped_files")
    batch = models.ForeignKey(UploadBatch, on_delete=models.CASCADE, related_name="dropped_files")
    name = models.CharField(max_length=255, help_text="The name it came by.")
    staged = models.CharField(max_length=1000, help_text="Where it waits, in the folder's .taking-in/.")
    moved_to = models.CharField(max_length=1000, blank=True, help_text="Its place in done/ or refused/, once known.")
    moved_at = models.DateTimeField(null=True, blank=True, help_text="When it was moved there.")

    class Meta:
        constraints = [
            # A file waiting in .taking-in/ is queued once.
            models.UniqueConstraint(
                fields=["staged"], condition=models.Q(moved_at__isnull=True), name="dropped_file_queued_once"
            ),
            # A place in done/ or refused/ is reserved for one file at a time.
            models.UniqueConstraint(
                fields=["moved_to"],
                condition=models.Q(moved_at__isnull=True) & ~models.Q(moved_to=""),
                name="dropped_file_place_reserved_once",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class BatchFile(models.Model):
    """One file of a queued batch: its bytes while it waits to be taken in, then its
    outcome (the bytes dropped, being stored or refused by then)."""

    batch = models.ForeignKey(UploadBatch, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=500)
    item_id = models.CharField(max_length=255, blank=True)
    data = models.BinaryField(blank=True)
    refusal = models.TextField(blank=True, help_text="Why it was refused while the zip was unpacked.")
    outcome = models.CharField(max_length=20, choices=BatchOutcome.choices, blank=True, default=BatchOutcome.WAITING)
    message = models.TextField(blank=True, help_text="The outcome as shown, once taken in.")
    story = models.ForeignKey(
        Story, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", help_text="Where its copy went."
    )
    # The version it stored or matched: its source's story is where the copy is now, after
    # any regrouping (an editor's, or grouping revisiting its stories); `story` is where it went.
    version = models.ForeignKey(
        "stories.SourceVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dropped = models.ForeignKey(
        DroppedFile,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="files",
        help_text="The drop folder's file it came in, when it did.",
    )

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["batch", "position"], name="one_file_per_batch_position")]
        indexes = [
            # The workers' next file: the batch's first one waiting.
            models.Index(fields=["batch", "position"], condition=models.Q(outcome=""), name="batch_file_waiting"),
        ]

    def __str__(self) -> str:
        return self.name
