"""The newsroom's things: providers, stories, their sources and versions, articles, audit."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.functional import cached_property

from stories.analysis.model import Comparison
from stories.analysis.report import from_json
from stories.ingest.names import shown_name


class ImmutableRecordError(Exception):
    """Raised when code tries to change or delete a record that is kept as it was written."""


class WrittenOnce(models.Model):
    """A record that is written once and then kept as it is: no update, no delete."""

    refusal = "This record is kept as it was written."

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ImmutableRecordError(self.refusal)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableRecordError(self.refusal)


# The provider of copy whose provenance nobody named: ingest files it under this name, and
# grouping treats it as unknown.
UNATTRIBUTED = "Unattributed"


class Provider(models.Model):
    """An agency or desk that sends copy."""

    name = models.CharField(max_length=120, unique=True)
    preferred = models.BooleanField(
        default=False, help_text="The desk's preferred provider: automatic drafts take its passages first."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Story(models.Model):
    """One news event; its sources are the versions of it the desk received."""

    headline = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    last_received_at = models.DateTimeField(db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    analysis = models.ForeignKey(
        "Analysis",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The comparison of the story's default sources, for the inbox's counts.",
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_stories",
        help_text="The story this one was merged into; it keeps its history and leaves the inbox.",
    )

    class Meta:
        ordering = ["-last_received_at"]
        verbose_name_plural = "stories"
        indexes = [
            # The inbox's order, of the stories it lists: its pages and its count read this
            # index alone, however many merged stories the archive holds.
            models.Index(
                F("last_received_at").desc(),
                F("id").desc(),
                condition=Q(merged_into__isnull=True),
                name="story_inbox_order",
            ),
        ]
        permissions = [
            ("review_story", "Can review a story's sources side by side"),
            ("ingest_copy", "Can upload wire copy"),
            ("regroup_story", "Can move sources between stories and merge stories"),
        ]

    def __str__(self) -> str:
        return self.headline

    def get_absolute_url(self) -> str:
        return reverse("stories:compare", args=[self.pk])


class Source(models.Model):
    """One provider's item about a story; every copy of it received is a SourceVersion."""

    story = models.ForeignKey(Story, on_delete=models.PROTECT, related_name="sources")
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="sources")
    item_id = models.CharField(
        max_length=255, help_text="The provider's identifier of the item (the file name when it has none)."
    )
    headline = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    grouping_note = models.CharField(
        max_length=300, blank=True, help_text="Why grouping put it in its story, when grouping did."
    )

    class Meta:
        ordering = ["story", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["provider", "item_id"], name="source_unique_provider_item"),
        ]
        indexes = [models.Index(fields=["provider", "story"], name="source_provider_story")]  # the inbox's filter

    def __str__(self) -> str:
        return f"{self.provider} · {shown_name(self.item_id)}"  # the item id is the sender's text

    def latest_version(self) -> "SourceVersion | None":
        return self.versions.order_by("-number").first()


class CopyFormat(models.TextChoices):
    TEXT = "text", "Plain text"
    MARKDOWN = "markdown", "Markdown-ish text"
    HTML = "html", "HTML page"
    NITF = "nitf", "NITF XML"
    NEWSML = "newsml", "NewsML-G2 XML"
    NINJS = "ninjs", "IPTC ninjs JSON"


class SourceVersion(models.Model):
    """One received copy of a source: the original bytes exactly as uploaded, and their text."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    original = models.BinaryField(help_text="The bytes exactly as received.")
    original_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64, unique=True)
    size = models.PositiveIntegerField()
    encoding = models.CharField(max_length=40)
    copy_format = models.CharField(max_length=20, choices=CopyFormat.choices)
    text = models.TextField(help_text="The decoded text, line endings made \\n.")
    received_at = models.DateTimeField(auto_now_add=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["source", "number"]
        constraints = [
            models.UniqueConstraint(fields=["source", "number"], name="source_version_unique_number"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="source_version_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.source} v{self.number}"


class ItemFingerprint(models.Model):
    """What grouping keeps of one received copy: the engine's evidence (derived data, made
    again from the version's text at will) and its LSH band keys, one indexed row each, so
    finding the stories a new item may belong to is one indexed query however large the
    archive grows."""

    version = models.OneToOneField("SourceVersion", on_delete=models.CASCADE, related_name="fingerprint")
    evidence = models.JSONField()
    engine = models.CharField(max_length=20, help_text="The grouping engine's version that made it.")

    def __str__(self) -> str:
        return f"Fingerprint of {self.version}"


class FingerprintBand(models.Model):
    fingerprint = models.ForeignKey(ItemFingerprint, on_delete=models.CASCADE, related_name="bands")
    key = models.CharField(max_length=32)

    class Meta:
        indexes = [models.Index(fields=["key"], name="fingerprint_band_key")]

    def __str__(self) -> str:
        return self.key


class Analysis(models.Model):
    """The text engine's comparison for one set of source versions: derived data, a cache.

    `key` is a hash of the engine's version and the versions compared, so a new version of
    any source (or a new engine) makes a new key and the old row is simply not read again.
    """

    key = models.CharField(max_length=64, unique=True)
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="analyses")
    versions = models.ManyToManyField(SourceVersion, related_name="+")
    result = models.JSONField(help_text="What `manage.py compare --json` prints, for these versions.")
    repeat_count = models.PositiveIntegerField()
    conflict_count = models.PositiveIntegerField(help_text="Conflicting facts, style differences left out.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "analyses"

    def __str__(self) -> str:
        return f"Analysis {self.key[:10]} of {self.story}"

    @cached_property
    def comparison(self) -> Comparison:
        """The stored result, typed: the one place pages and drafts read it from."""
        return from_json(self.result)


class StoryReading(models.Model):
    """When a user last opened a story, so the inbox can show what is new to them."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="readings")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "story"], name="story_reading_unique_user_story")]

    def __str__(self) -> str:
        return f"{self.user} read {self.story} at {self.read_at:%Y-%m-%d %H:%M}"


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Article(models.Model):
    """The one merged article the desk makes of a story."""

    story = models.OneToOneField(Story, on_delete=models.PROTECT, related_name="article")
    status = models.CharField(max_length=20, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT)
    approved_version = models.ForeignKey(
        "ArticleVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_version = models.ForeignKey(
        "ArticleVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True, db_index=True, help_text="Last published.")
    first_published_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(blank=True, help_text="Why it was last sent back to draft.")
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["status"], name="article_status")]  # the inbox's filter
        permissions = [
            ("compose_article", "Can compose and save the merged article"),
            ("submit_article", "Can submit an article for review"),
            ("approve_article", "Can approve an article"),
            ("publish_article", "Can publish an approved article"),
        ]

    def __str__(self) -> str:
        return f"Article: {self.story}"

    def get_absolute_url(self) -> str:
        return reverse("stories:compose", args=[self.story_id])

    def latest_version(self) -> "ArticleVersion | None":
        return self.versions.order_by("-number").first()

    @property
    def is_public(self) -> bool:
        return self.published_version_id is not None and self.withdrawn_at is None

    @property
    def status_label(self) -> str:
        """The status in words, saying so when a published article is being corrected:
        its workflow status is then draft, in review or approved, while the public still
        reads the published version."""
        label = self.get_status_display()
        if self.is_public and self.status != ArticleStatus.PUBLISHED:
            return f"Published · correction {label.lower()}"
        return label


class ArticleVersion(WrittenOnce):
    """One save of the merged article. Never changed after it is written."""

    refusal = "An article version is never changed or deleted; save a new one."

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    headline = models.CharField(max_length=300)
    body = models.TextField(help_text="The paragraphs' text, one blank line between them.")
    paragraphs = models.JSONField(
        default=list, help_text='[{"text": ..., "sources": [{"source", "version", "block", "provider"}]}]'
    )
    credits = models.JSONField(
        default=dict, blank=True, help_text="The dek, byline, dateline and credit line (stories.credits)."
    )
    reason = models.CharField(max_length=300, blank=True)
    correction_note = models.TextField(blank=True, help_text="Shown with the article when it corrects a published one.")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    based_on = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The version the saver's draft started from.",
    )
    merged_with = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The newer version, saved by someone else meanwhile, that this save was merged with.",
    )
    save_token = models.CharField(
        max_length=32,
        null=True,
        blank=True,
        unique=True,
        help_text="The one-time token of the save form: the same form sent twice saves once.",
    )

    class Meta:
        ordering = ["article", "number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="article_version_unique_number"),
        ]

    def __str__(self) -> str:
        return f"{self.article} v{self.number}"

    @property
    def lineage(self) -> str:
        """Where the version came from, in words: "from version 3, merged with version 4"."""
        if self.based_on is None:
            return "from the sources"
        said = f"from version {self.based_on.number}"
        return f"{said}, merged with version {self.merged_with.number}" if self.merged_with else said


class ArticleDraft(models.Model):
    """One editor's working copy of the article, between saves. Saving makes an ArticleVersion.

    `based_on` is the version the editor started from: a save on top of a newer version is
    merged with it (three ways, `origin` standing in for the base while no version exists),
    so nobody overwrites a colleague unseen. Every change takes the row's lock.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="drafts")
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    based_on = models.ForeignKey(ArticleVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    origin = models.JSONField(
        null=True, blank=True, help_text="What the draft started as when no version existed: the base of a merge."
    )
    headline = models.CharField(max_length=300)
    paragraphs = models.JSONField(default=list)
    credits = models.JSONField(default=dict, blank=True, help_text="As ArticleVersion.credits.")
    changed_since = models.DateTimeField(
        null=True, blank=True, help_text="The first change not yet saved; empty when there is none."
    )
    undo = models.JSONField(
        default=list,
        blank=True,
        help_text="The draft before each of its last changes, newest last: what Undo restores.",
    )
    redo = models.JSONField(default=list, blank=True, help_text="What Undo took back, newest last: what Redo restores.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "editor"], name="article_draft_unique_editor")]

    def __str__(self) -> str:
        return f"{self.editor}'s draft of {self.article}"


class ConflictSettlement(models.Model):
    """An editor's word on one conflicting fact of a story: which value stands, or that it is
    not a real conflict. Keyed by the conflict's facts (kind and both values), so it holds for
    every place the sources disagree on them. Changing it again is audited each time."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="settlements")
    key = models.CharField(max_length=20, help_text="compare_page.conflict_key of the kind and both values.")
    kind = models.CharField(max_length=20)
    a_text = models.CharField(max_length=500)
    b_text = models.CharField(max_length=500)
    stands = models.CharField(
        max_length=500, blank=True, help_text="The value that stands; empty: not a real conflict."
    )
    note = models.CharField(max_length=500, blank=True)
    settled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    settled_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["story", "key"], name="conflict_settlement_unique_key")]

    def __str__(self) -> str:
        return f"{self.a_text} / {self.b_text}: {self.outcome}"

    @property
    def outcome(self) -> str:
        return f"“{self.stands}” stands" if self.stands else "not a real conflict"

    @property
    def overruled(self) -> str:
        """The value that gave way, or empty when both stand."""
        if not self.stands:
            return ""
        return self.b_text if self.stands == self.a_text else self.a_text


class BatchStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Taking in"
    DONE = "done", "Done"
    FAILED = "failed", "Stopped by an error"


class UploadBatch(models.Model):
    """An upload too large to take in during the request: its files wait in BatchFile rows
    until a task worker takes them in one by one, and its page shows how far it got."""

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    story = models.ForeignKey(
        Story, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", help_text="Where the copy goes."
    )
    provider = models.ForeignKey(Provider, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    group = models.BooleanField(default=False, help_text="Each new item joins the story it resembles.")
    status = models.CharField(max_length=20, choices=BatchStatus.choices, default=BatchStatus.QUEUED)
    total = models.PositiveIntegerField(help_text="Files in the batch, those of its zip archives included.")
    processed = models.PositiveIntegerField(default=0)
    results = models.JSONField(default=list, help_text="One {name, outcome, message} per file, in order.")
    error = models.TextField(blank=True, help_text="Why the batch stopped, when it did.")
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(
        null=True, blank=True, help_text="When a worker last made progress on it; a batch long without is taken over."
    )
    claim = models.CharField(
        max_length=32, blank=True, help_text="The run that works on it; a run taken over stops at its next file."
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


class BatchFile(models.Model):
    """One file of a queued batch, waiting to be taken in; deleted once it has been."""

    batch = models.ForeignKey(UploadBatch, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=500)
    item_id = models.CharField(max_length=255, blank=True)
    data = models.BinaryField(blank=True)
    refusal = models.TextField(blank=True, help_text="Why it was refused while the zip was unpacked.")

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["batch", "position"], name="one_file_per_batch_position")]

    def __str__(self) -> str:
        return self.name


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
    SETTLE_CONFLICT = "settle_conflict", "Settled a conflicting fact"


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
