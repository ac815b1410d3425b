"""Merges grouping offers the desk instead of making them: a new item that matched two open
stories joined the better one, and the desk is asked whether the two are one story."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Greatest, Least

from stories.models.copy import SourceVersion, Story


class MergeOfferOutcome(models.TextChoices):
    OPEN = "open", "Offered"
    MERGED = "merged", "Merged"
    DECLINED = "declined", "Kept apart"
    LAPSED = "lapsed", "Closed: one of the stories was merged elsewhere"


class MergeOffer(models.Model):
    """A new item (`bridge`) matched `story`, which it joined, and `other`, an open story
    grouping had kept apart from it; each match's reason is grouping's, as the source's
    grouping note prints it. One offer a pair of stories, whatever its outcome: a pair kept
    apart is not offered again."""

    story = models.ForeignKey(
        Story, on_delete=models.CASCADE, related_name="+", help_text="The story the bridging item joined."
    )
    other = models.ForeignKey(
        Story, on_delete=models.CASCADE, related_name="+", help_text="The other open story it matched."
    )
    bridge = models.ForeignKey(SourceVersion, on_delete=models.CASCADE, related_name="merge_offers")
    story_score = models.FloatField()
    story_reason = models.CharField(max_length=300, help_text="Why the item matched `story`.")
    other_score = models.FloatField()
    other_reason = models.CharField(max_length=300, help_text="Why the item matched `other`.")
    other_match = models.ForeignKey(
        SourceVersion,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The item of `other` it matched best.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    outcome = models.CharField(max_length=10, choices=MergeOfferOutcome.choices, default=MergeOfferOutcome.OPEN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                Least("story", "other"), Greatest("story", "other"), name="merge_offer_unique_pair"
            ),
            models.CheckConstraint(condition=~models.Q(story=models.F("other")), name="merge_offer_two_stories"),
        ]
        indexes = [
            models.Index(fields=["created_at"], condition=models.Q(outcome="open"), name="merge_offer_open"),
        ]

    def __str__(self) -> str:
        return f"Offer to merge #{self.story_id} and #{self.other_id} ({self.get_outcome_display()})"
