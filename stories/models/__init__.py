"""The newsroom's things, by concern: the copy as it arrives (`copy`), the article made of
it (`articles`), queued uploads (`batches`), the feeds copy arrives by (`feeds`), the
merges grouping offers the desk (`offers`), the audit trail (`audit`), and the base of
records kept as written (`records`).
Everything is importable from `stories.models`."""

from stories.models.articles import Article, ArticleDraft, ArticleStatus, ArticleVersion, ConflictSettlement
from stories.models.audit import AuditAction, AuditEvent, AuditEventQuerySet
from stories.models.batches import BatchFile, BatchOutcome, BatchStatus, DroppedFile, UploadBatch
from stories.models.copy import (
    UNATTRIBUTED,
    Analysis,
    CopyFormat,
    FingerprintBand,
    ItemFingerprint,
    Provider,
    Source,
    SourceVersion,
    Story,
    StoryReading,
)
from stories.models.feeds import Feed, FeedKind, FeedToken
from stories.models.offers import MergeOffer, MergeOfferOutcome
from stories.models.records import ImmutableRecordError, WrittenOnce

__all__ = [
    "UNATTRIBUTED",
    "Analysis",
    "Article",
    "ArticleDraft",
    "ArticleStatus",
    "ArticleVersion",
    "AuditAction",
    "AuditEvent",
    "AuditEventQuerySet",
    "BatchFile",
    "BatchOutcome",
    "BatchStatus",
    "ConflictSettlement",
    "CopyFormat",
    "DroppedFile",
    "Feed",
    "FeedKind",
    "FeedToken",
    "FingerprintBand",
    "ImmutableRecordError",
    "ItemFingerprint",
    "MergeOffer",
    "MergeOfferOutcome",
    "Provider",
    "Source",
    "SourceVersion",
    "Story",
    "StoryReading",
    "UploadBatch",
    "WrittenOnce",
]
