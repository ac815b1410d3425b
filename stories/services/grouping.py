"""Grouping new copy into stories by similarity, through the fingerprint table.

Each stored version keeps the engine's evidence (`stories.analysis.grouping`) and its LSH
band keys, one indexed row per key. A new item looks its keys up (one indexed query that
ranks the stored items by the keys they share), confirms the best few with the engine, and
joins the best story, or starts one. The other open stories the item also matches are named
beside it (`StoryMatch.also`): the desk is offered to merge them (services.merge_offers).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db import connection, transaction

from stories.analysis.grouping import (
    CANDIDATES,
    WINDOW_HOURS,
    ItemEvidence,
    Match,
    band_keys,
    best_story,
    evidence_of,
    joins,
    match,
    pair_score,
)
from stories.analysis.story_merges import MERGE_ITEMS, one_story
from stories.analysis.story_revisits import linkage
from stories.ingest import ParsedCopy
from stories.models import UNATTRIBUTED, FingerprintBand, ItemFingerprint, Provider, SourceVersion, Story
from stories.services.evidence_cache import STORED_EVIDENCE

GROUPING_ENGINE = "3"  # made again by `manage.py fingerprint` when it changes; 3: name band keys

Candidate = tuple[int, int, ItemEvidence]  # a stored item: its story's id, its version's id, its evidence


@dataclass(frozen=True)
class AlsoMatched:
    """Another open story the new item matches: its best-matching item and that match."""

    story_id: int
    version_id: int
    match: Match


@dataclass(frozen=True)
class StoryMatch:
    story: Story
    match: Match
    also: tuple[AlsoMatched, ...] = ()  # other open stories it matches, the best first


def evidence_for(headline: str, text: str, received_at, provider: Provider) -> ItemEvidence:
    """The engine's evidence of an item. The provider matters: two items of one agency
    are the same story only when one re-files the other."""
    known = str(provider.pk) if provider.name != UNATTRIBUTED else None
    return evidence_of(headline, text, received_at.timestamp() if received_at else None, known)


def item_evidence(parsed: ParsedCopy, received_at, provider: Provider) -> ItemEvidence:
    """The evidence of an item as read (ingest and `manage.py fingerprint` both use it)."""
    return evidence_for(parsed.headline, parsed.text, received_at, provider)


# The candidates of the last item this thread looked up, by its band keys: the revisit that
# follows the item's commit (services.story_revisits) ranks its neighbours from them rather
# than running the ranking query again. Another item's keys differ, and then it is run.
_LOOKED_UP = threading.local()


def matching_story(evidence: ItemEvidence) -> StoryMatch | None:
    """The open story whose items the new one matches best, when one matches well enough."""
    keys = band_keys(evidence)
    if not keys:
        return None
    candidates = list(_candidates(keys, evidence.received_at))
    scores = [pair_score(evidence, stored) for _, _, stored in candidates]  # each pair scored once
    _LOOKED_UP.last = (keys, candidates, scores)
    found = best_story(evidence, ((story_id, stored) for story_id, _, stored in candidates), scores)
    if found is None:
        return None
    story_id, best = found
    return StoryMatch(Story.objects.get(pk=story_id), best, _also_matched(evidence, candidates, scores, story_id))


def neighbour_stories(evidence: ItemEvidence, story_id: int) -> list[tuple[int, float]]:
    """The open stories other than `story_id` among an item's candidates, each with the
    item's best `story_revisits.linkage` to its candidates there, the nearest first: the
    stories grouping revisits with the item's own (services.story_revisits), and whether the
    item could change any of them. The candidates are those its grouping fetched, when this
    thread's last lookup was of the same item (`_LOOKED_UP`)."""
    keys = band_keys(evidence)
    last = getattr(_LOOKED_UP, "last", None)
    if last is not None and last[0] == keys:
        candidates, scores = last[1], last[2]
    else:
        candidates = list(_candidates(keys, evidence.received_at)) if keys else []
        scores = [None] * len(candidates)
    best: dict[int, float] = {}
    for (other, _, stored), score in zip(candidates, scores):
        if other != story_id:
            best[other] = max(best.get(other, 0.0), linkage(evidence, stored, score))
    return sorted(best.items(), key=lambda near: -near[1])


def _also_matched(
    evidence: ItemEvidence, candidates: list[Candidate], scores: list[float], joined: int
) -> tuple[AlsoMatched, ...]:
    """The open stories other than the one joined that the item matches well enough to have
    joined (each by its best-matching item), the best first, and that read as one story with
    the one joined, the new item counted in it (`story_merges.one_story`): the item bridges
    them. Which story the item joins stays the engine's `best_story`; this only looks at
    the rest."""
    best: dict[int, AlsoMatched] = {}
    for (story_id, version_id, stored), score in zip(candidates, scores):
        if story_id == joined or not joins(evidence, stored, score):
            continue
        if story_id not in best or score > best[story_id].match.score:
            best[story_id] = AlsoMatched(story_id, version_id, match(evidence, stored, score))
    if not best:
        return ()
    items = _newest_items([joined, *best])
    ours = [*items[joined], evidence]
    alike = [also for also in best.values() if one_story(ours, items[also.story_id])]
    return tuple(sorted(alike, key=lambda also: -also.match.score))


def _newest_items(story_ids: list[int]) -> dict[int, list[ItemEvidence]]:
    """The evidence of each story's newest MERGE_ITEMS stored items, oldest first."""
    newest = {
        story_id: list(
            ItemFingerprint.objects.filter(version__source__story_id=story_id)
            .order_by("-pk")
            .values_list("pk", "version__sha256")[:MERGE_ITEMS]
        )[::-1]
        for story_id in story_ids
    }
    evidence = STORED_EVIDENCE.evidence_of((key for keys in newest.values() for key in keys), engine=GROUPING_ENGINE)
    return {story_id: [evidence[pk] for pk, _ in keys] for story_id, keys in newest.items()}


def remember_fingerprint(version: SourceVersion, evidence: ItemEvidence, *, new: bool = False) -> ItemFingerprint:
    """Store the version's evidence and band keys, so later copy can find its story. A
    `new` version (stored in this transaction) has no fingerprint yet to replace."""
    if new:
        fingerprint = ItemFingerprint.objects.create(
            version=version, evidence=evidence.to_dict(), engine=GROUPING_ENGINE
        )
    else:
        fingerprint, _ = ItemFingerprint.objects.update_or_create(
            version=version, defaults={"evidence": evidence.to_dict(), "engine": GROUPING_ENGINE}
        )
        fingerprint.bands.all().delete()
    _insert_bands(fingerprint.pk, sorted(set(band_keys(evidence))))
    key = (fingerprint.pk, version.sha256)
    transaction.on_commit(lambda: STORED_EVIDENCE.keep(key, evidence))
    return fingerprint


def _insert_bands(fingerprint_id: int, keys: list[str]) -> None:
    """An item's band rows in one statement: through `bulk_create` its 128 to 144 rows cost
    a model instance each and came back with their ids, about a sixth of an item's ingest."""
    table = FingerprintBand._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"INSERT INTO {table} (fingerprint_id, key) SELECT %s, unnest(%s::varchar[])", [fingerprint_id, keys]
            )
        else:
            cursor.executemany(
                f"INSERT INTO {table} (fingerprint_id, key) VALUES (%s, %s)", [(fingerprint_id, key) for key in keys]
            )


# The rows read of each of a new item's band keys: its newest. A common key (a word pair
# the day's copy keeps using) is shared by a fixed share of the archive, so reading all its
# rows made finding the story slower as the archive grew (at 100,000 items, 20,000 rows
# of 16,000 items aggregated and sorted); the newest KEY_ROWS of each bound the work at
# 128 * KEY_ROWS rows whatever the archive's size. An older item is still found through
# the rarer keys it shares: a re-file shares most of its original's 128 keys, most of them
# shared by a handful of items. The key index (key, item) is read backwards, newest item
# first, stopping at the limit. 50, 25 or every row group ECB+ and Reuters alike
# (benchmarks/grouping.py --key-rows); 50 leaves a margin for rewrites, which share few keys.
KEY_ROWS = 50

# The stored items sharing the most of those rows' keys with a new one, in open stories and
# received since a moment. Raw SQL because the ranking is a subquery in FROM, which the ORM
# does not write: ranked there (from the index alone), then joined in rank order, so the
# database looks up the story and receive time of the best-ranked items only until enough
# pass. On PostgreSQL each key's newest rows are a LATERAL subquery over the array of keys,
# an index scan that stops at the limit (on a table autovacuum keeps: on one never vacuumed
# the planner fetches a key's rows from the table and sorts them, as cheap while few share
# it). SQLite (`make run`) has no LATERAL join and numbers every row of the keys instead
# (the same rows kept; its archives are small).
_RANKED = """
SELECT ranked.fingerprint_id, source.story_id, version.id, version.sha256
FROM (
    SELECT fingerprint_id, COUNT(*) AS shared FROM ({newest}) AS newest
    GROUP BY fingerprint_id ORDER BY shared DESC, fingerprint_id DESC
) AS ranked
JOIN stories_itemfingerprint fingerprint ON fingerprint.id = ranked.fingerprint_id
JOIN stories_sourceversion version ON version.id = fingerprint.version_id
JOIN stories_source source ON source.id = version.source_id
JOIN stories_story story ON story.id = source.story_id
WHERE story.merged_into_id IS NULL {window}
ORDER BY ranked.shared DESC, ranked.fingerprint_id DESC
LIMIT %s
"""
_NEWEST_LATERAL = """
    SELECT band.fingerprint_id FROM unnest(%s::varchar[]) AS wanted (key)
    CROSS JOIN LATERAL (
        SELECT fingerprint_id FROM stories_fingerprintband
        WHERE key = wanted.key ORDER BY fingerprint_id DESC LIMIT %s
    ) AS band
"""
_NEWEST_NUMBERED = """
    SELECT fingerprint_id FROM (
        SELECT fingerprint_id, ROW_NUMBER() OVER (PARTITION BY key ORDER BY fingerprint_id DESC) AS newness
        FROM stories_fingerprintband WHERE key IN ({keys})
    ) AS numbered WHERE newness <= %s
"""


def _candidates(keys: list[str], received_at: float | None) -> Iterator[Candidate]:
    """(story id, version id, evidence) of the CANDIDATES stored items sharing the most band
    keys with the new one among the newest KEY_ROWS of each key (the newest first among
    equals), in open stories and received within the engine's time window (which `match`
    would refuse anyway), best first. Only their evidence is fetched and decoded, however
    many items share a key, and what this process decoded before is not fetched again
    (`evidence_cache`)."""
    ranked = _ranked(sorted(set(keys)), received_at)
    evidence = STORED_EVIDENCE.evidence_of(((pk, sha256) for pk, _, _, sha256 in ranked), engine=GROUPING_ENGINE)
    for pk, story_id, version_id, _ in ranked:
        yield story_id, version_id, evidence[pk]


def _ranked(keys: list[str], received_at: float | None) -> list[tuple[int, int, int, str]]:
    """(fingerprint id, story id, version id, SHA-256) of the best-ranked stored items."""
    params: list[Any]
    if connection.vendor == "postgresql":
        newest, params = _NEWEST_LATERAL, [keys, KEY_ROWS]
    else:
        newest, params = _NEWEST_NUMBERED.format(keys=", ".join(["%s"] * len(keys))), [*keys, KEY_ROWS]
    window = ""
    if received_at is not None:
        since = datetime.fromtimestamp(received_at - WINDOW_HOURS * 3600, tz=UTC)
        params.append(connection.ops.adapt_datetimefield_value(since))
        window = "AND version.received_at >= %s"
    with connection.cursor() as cursor:
        cursor.execute(_RANKED.format(newest=newest, window=window), [*params, CANDIDATES])
        return cursor.fetchall()
