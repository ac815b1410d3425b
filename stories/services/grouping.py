"""Grouping new copy into stories by similarity, through the fingerprint table.

Each stored version keeps the engine's evidence (`stories.analysis.grouping`) and its LSH
band keys, one indexed row per key. A new item looks its keys up (one indexed query),
confirms the candidates with the engine, and joins the best story, or starts one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from stories.analysis.grouping import WINDOW_HOURS, ItemEvidence, Match, band_keys, best_story, evidence_of
from stories.ingest import ParsedCopy
from stories.models import UNATTRIBUTED, FingerprintBand, ItemFingerprint, Provider, SourceVersion, Story

GROUPING_ENGINE = "2"  # made again by `manage.py fingerprint` when it changes
MAX_CANDIDATES = 500  # items compared with a new one, newest first: bounds the cost of a common key


@dataclass(frozen=True)
class StoryMatch:
    story: Story
    match: Match


def evidence_for(headline: str, text: str, received_at, provider: Provider) -> ItemEvidence:
    """The engine's evidence of an item. The provider matters: two items of one agency
    are the same story only when one re-files the other."""
    known = str(provider.pk) if provider.name != UNATTRIBUTED else None
    return evidence_of(headline, text, received_at.timestamp() if received_at else None, known)


def item_evidence(parsed: ParsedCopy, received_at, provider: Provider) -> ItemEvidence:
    """The evidence of an item as read (ingest and `manage.py fingerprint` both use it)."""
    return evidence_for(parsed.headline, parsed.text, received_at, provider)


def matching_story(evidence: ItemEvidence) -> StoryMatch | None:
    """The open story whose items the new one matches best, when one matches well enough."""
    keys = band_keys(evidence)
    if not keys:
        return None
    found = best_story(evidence, _candidates(keys, evidence.received_at))
    if found is None:
        return None
    story_id, match = found
    return StoryMatch(Story.objects.get(pk=story_id), match)


def remember_fingerprint(version: SourceVersion, evidence: ItemEvidence) -> ItemFingerprint:
    """Store the version's evidence and band keys, so later copy can find its story."""
    fingerprint, _ = ItemFingerprint.objects.update_or_create(
        version=version, defaults={"evidence": evidence.to_dict(), "engine": GROUPING_ENGINE}
    )
    fingerprint.bands.all().delete()
    FingerprintBand.objects.bulk_create(
        FingerprintBand(fingerprint=fingerprint, key=key) for key in sorted(set(band_keys(evidence)))
    )
    return fingerprint


def _candidates(keys: list[str], received_at: float | None) -> Iterator[tuple[int, ItemEvidence]]:
    """(story id, evidence) of the stored items sharing a band key, in open stories, and
    received within the engine's time window (which `match` would refuse anyway)."""
    bands = FingerprintBand.objects.filter(key__in=keys)
    if received_at is not None:
        since = datetime.fromtimestamp(received_at - WINDOW_HOURS * 3600, tz=UTC)
        bands = bands.filter(fingerprint__version__received_at__gte=since)
    ids = bands.values_list("fingerprint_id", flat=True).distinct().order_by("-fingerprint_id")[:MAX_CANDIDATES]
    rows = ItemFingerprint.objects.filter(
        pk__in=list(ids), version__source__story__merged_into__isnull=True
    ).values_list("version__source__story_id", "evidence")
    for story_id, evidence in rows:
        yield story_id, ItemEvidence.from_dict(evidence)
