"""The article the desk makes of a story: its versions, editors' drafts and the
conflicting facts the desk has settled."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from stories.models.copy import Story
from stories.models.records import WrittenOnce


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
