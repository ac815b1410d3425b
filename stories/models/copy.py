"""The copy as it arrives: providers, stories, their sources and versions, what grouping
and the engine keep of them, and who read a story when."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.functional import cached_property

from stories.analysis.model import Comparison
from stories.analysis.report import from_json
from stories.ingest.names import shown_name

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
    analysis_due_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When new copy began waiting for the story's analysis: one task analyses each burst of it.",
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
    # PROTECT: a feed that brought copy is switched off, not deleted, so the copy keeps saying how it came.
    feed = models.ForeignKey(
        "Feed",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="versions",
        help_text="The feed it arrived by, when a feed brought it.",
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
        # The item beside the key, so ranking the items that share a new one's keys reads
        # the index alone, not a table row for each of the thousands sharing a common key.
        indexes = [models.Index(fields=["key", "fingerprint"], name="fingerprint_band_key_item")]

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
