"""Grouping revisits its own stories after each item it groups (stories.analysis.story_revisits).

A story is grouping's own, provisional work until someone touches it: opens it, composes
its article, or does anything else the audit records of a person other than sending copy
(regrouping, keeping two stories apart, settling a fact, saving) — `touched`. Once an item
grouped by similarity commits, its story and the REVISIT_STORIES untouched open stories
among its candidates that it scores best are clustered again from their newest
REVISIT_ITEMS sources each, unless the item can change no cluster (it started a story of
its own and links below the bar to every candidate: `may_regroup`, decided before any
query from the candidates its grouping scored), and the sources follow the clusters: each
cluster keeps the oldest of its stories that no earlier cluster kept, or starts a story; a
story left without sources is merged into the story that took most of them. Every change is audited as
grouping's (no user; actor "grouping") on each story it changed, so the desk sees it in the
story's history and undoes it with the regroup tools, as any move or merge. A touched story
is never changed: an item joining it offers merges to the desk as before
(services.merge_offers).

The clustering is done before any lock. The changes are made in one transaction that locks
the stories and their sources without waiting, and that gives up when any is locked, when
any source moved meanwhile or any story was merged or touched: the next item revisits them.
It runs after the item's own transaction, in one of its own, for the reason offers do: an
ingest holding its story's row must not wait for another story's lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from django.db import OperationalError, connection, transaction
from django.db.models import Max

from stories.analysis.grouping import ItemEvidence
from stories.analysis.story_revisits import REVISIT_ITEMS, REVISIT_STORIES, linkage, may_regroup, regrouped
from stories.models import Article, AuditAction, AuditEvent, ItemFingerprint, Source, SourceVersion, Story, StoryReading
from stories.services.analysis import queue_analysis
from stories.services.audit import record_event
from stories.services.evidence_cache import STORED_EVIDENCE
from stories.services.grouping import GROUPING_ENGINE, neighbour_stories
from stories.services.regroup import close_merge_offers, note_newer_copy

ACTOR = "grouping"
# What a person does to a story that leaves it grouping's own: sending copy.
SENDING_COPY = (AuditAction.INGEST, AuditAction.INGEST_DUPLICATE, AuditAction.INGEST_REFUSED)


@dataclass(frozen=True)
class Cluster:
    """One story as the revisit makes it: its sources, and the story it keeps (None: a new one)."""

    story_id: int | None
    source_ids: tuple[int, ...]


def revisit_after_commit(evidence: ItemEvidence, *, story_id: int, started: bool) -> None:
    """Revisit the stories around a new item grouped by similarity (its stored `evidence`;
    `story_id`, the story it `started` or joined) once its transaction commits, unless the
    item can change no cluster. Its neighbours are ranked now, from the candidates its
    grouping just scored."""
    near = neighbour_stories(evidence, story_id)
    if may_regroup((score for _, score in near), started=started):
        neighbours = [other for other, _ in near]
        transaction.on_commit(partial(revisit_around, story_id, neighbours), robust=True)


def revisit_stories(*, version_id: int) -> list[Cluster]:
    """`revisit_around` a stored item's story, its neighbours ranked again as its ingest
    ranked them; [] when its story was merged away."""
    row = ItemFingerprint.objects.filter(version_id=version_id, version__source__story__merged_into__isnull=True)
    found = row.values_list("pk", "version__sha256", "version__source__story_id").first()
    if found is None:
        return []
    pk, sha256, story_id = found
    own = STORED_EVIDENCE.evidence_of([(pk, sha256)], engine=GROUPING_ENGINE)[pk]
    return revisit_around(story_id, [other for other, _ in neighbour_stories(own, story_id)])


def revisit_around(story_id: int, neighbours: list[int]) -> list[Cluster]:
    """Cluster the story and its untouched `neighbours` (open stories, the nearest first)
    again and make the stories follow; the clusters that changed something, or [] when
    nothing changed."""
    items = _neighbourhood(story_id, neighbours)
    seen = {item.source_id: item.story_id for item in items}
    clusters = regrouped([item.evidence for item in items], [[k] for k in range(len(items))], pair=PAIRS.of(items))
    plan = _plan([[items[k].source_id for k in cluster] for cluster in clusters], seen)
    if all({seen[pk] for pk in cluster.source_ids} == {cluster.story_id} for cluster in plan):
        return []  # every story as it was
    try:
        with transaction.atomic():
            stories = _locked(seen)
            if _changed_meanwhile(seen, stories):
                return []
            return _apply(plan, seen, {story.pk: story for story in stories})
    except OperationalError:  # someone holds one of them (an ingest, an editor): left to the next item
        return []


def _locked(seen: dict[int, int]) -> list[Story]:
    """The stories and then the sources to move, locked without waiting: a revisit never
    waits on anyone, so it is never half of a deadlock (an ingest locks a source and then its
    story, an editor's regrouping the stories and then the source)."""
    stories = list(Story.objects.select_for_update(nowait=True).filter(pk__in=set(seen.values())).order_by("pk"))
    list(Source.objects.select_for_update(nowait=True).filter(pk__in=seen).order_by("pk").values_list("pk"))
    return stories


@dataclass(frozen=True)
class Item:
    """A source weighed: its story, its newest version's fingerprint and evidence."""

    source_id: int
    story_id: int
    fingerprint_id: int
    evidence: ItemEvidence


class PairScores:
    """The `linkage` of two stored items by their fingerprints, kept for the process (at
    most `size` pairs, the newest half of them at least): each new item's neighbourhood is
    mostly the one before it, so all but the new item's pairs were weighed already (a pair
    costs about 20 microseconds, and a neighbourhood of 120 items has 7,140). Kept in two
    generations, the older dropped whole when the newer fills: a lookup is a dict's, where
    keeping the order of use cost as much as a fifth of the pair's own score."""

    def __init__(self, size: int) -> None:
        self._newer: dict[tuple[int, int], float] = {}
        self._older: dict[tuple[int, int], float] = {}
        self._size = size
        self._lock = threading.Lock()

    def of(self, items: list[Item]) -> Callable[[int, int], float]:
        def pair(i: int, j: int) -> float:
            one, other = items[i].fingerprint_id, items[j].fingerprint_id
            key = (one, other) if one < other else (other, one)
            score = self._newer.get(key)
            if score is None:
                score = self._older.get(key)
                if score is None:
                    score = linkage(items[i].evidence, items[j].evidence)
                self._keep(key, score)
            return score

        return pair

    def _keep(self, key: tuple[int, int], score: float) -> None:
        with self._lock:
            self._newer[key] = score
            if len(self._newer) >= self._size // 2:
                self._older, self._newer = self._newer, {}


PAIRS = PairScores(200_000)


# The two queries every revisit makes, in SQL: the same statements through the ORM cost 3
# and 5 ms an item of Python building them (a UNION of three querysets, a window over a
# three-table join), against under 1 ms each written out.
_TOUCHED = """
SELECT story_id FROM {reading} WHERE story_id IN ({stories})
UNION SELECT story_id FROM {article} WHERE story_id IN ({stories})
UNION SELECT story_id FROM {audit} WHERE story_id IN ({stories})
    AND actor_id IS NOT NULL AND action NOT IN ({sending})
"""
_NEWEST = """
SELECT id, sha256, source_id, story_id FROM (
    SELECT fingerprint.id, version.sha256, version.source_id, source.story_id,
           ROW_NUMBER() OVER (PARTITION BY source.story_id ORDER BY fingerprint.id DESC) AS place
    FROM {fingerprint} fingerprint
    JOIN {version} version ON version.id = fingerprint.version_id
    JOIN {source} source ON source.id = version.source_id
    JOIN {story} story ON story.id = source.story_id
    WHERE source.story_id IN ({stories}) AND story.merged_into_id IS NULL
) AS numbered
WHERE place <= %s
ORDER BY id DESC
"""


def touched(story_ids: list[int]) -> set[int]:
    """The stories someone has touched: opened, composed, or acted on as the audit records
    (anything but sending copy)."""
    if not story_ids:
        return set()
    sql = _TOUCHED.format(
        reading=StoryReading._meta.db_table,
        article=Article._meta.db_table,
        audit=AuditEvent._meta.db_table,
        stories=_marks(story_ids),
        sending=_marks(SENDING_COPY),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*story_ids, *story_ids, *story_ids, *(action.value for action in SENDING_COPY)])
        return {story_id for (story_id,) in cursor.fetchall()}


def _marks(values: Sequence[object]) -> str:
    return ", ".join(["%s"] * len(values))


def _neighbourhood(story_id: int, neighbours: list[int]) -> list[Item]:
    """The newest REVISIT_ITEMS sources of the story and of its best untouched neighbours,
    oldest first; none when the story is touched or merged away."""
    near = [story_id, *(other for other in neighbours if other != story_id)]
    left_alone = touched(near)
    if story_id in left_alone:
        return []
    items = _newest_sources([story_id, *[other for other in near[1:] if other not in left_alone][:REVISIT_STORIES]])
    return items if any(item.story_id == story_id for item in items) else []


def _newest_sources(story_ids: list[int]) -> list[Item]:
    """The newest REVISIT_ITEMS sources of each story, each by its newest version, oldest first."""
    newest: dict[int, tuple[int, str, int]] = {}  # source id -> (fingerprint id, SHA-256, story id)
    by_story: dict[int, list[tuple[int, str, int]]] = {story_id: [] for story_id in story_ids}
    for pk, sha256, source_id, story_id in _newest_fingerprints(story_ids):
        by_story[story_id].append((pk, sha256, source_id))
    for story_id in story_ids:
        kept = 0
        for pk, sha256, source_id in by_story[story_id]:
            if source_id not in newest and kept < REVISIT_ITEMS:
                newest[source_id], kept = (pk, sha256, story_id), kept + 1
    decoded = STORED_EVIDENCE.evidence_of(((pk, sha256) for pk, sha256, _ in newest.values()), engine=GROUPING_ENGINE)
    items = [Item(source_id, story_id, pk, decoded[pk]) for source_id, (pk, _, story_id) in newest.items()]
    return sorted(items, key=lambda item: item.fingerprint_id)


def _newest_fingerprints(story_ids: list[int]) -> list[tuple[int, str, int, int]]:
    """The newest 3 x REVISIT_ITEMS fingerprints of each open story (newest first), as
    (fingerprint id, SHA-256, source id, story id): one query for all the stories, where one
    a story cost a round trip each. A story merged away has none."""
    sql = _NEWEST.format(
        fingerprint=ItemFingerprint._meta.db_table,
        version=SourceVersion._meta.db_table,
        source=Source._meta.db_table,
        story=Story._meta.db_table,
        stories=_marks(story_ids),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*story_ids, 3 * REVISIT_ITEMS])
        return cursor.fetchall()


def _plan(clusters: list[list[int]], seen: dict[int, int]) -> list[Cluster]:
    """Each cluster's story: the oldest of its sources' stories no earlier cluster kept (the
    clusters taken in the order of their first source), or a new one."""
    kept: set[int] = set()
    plan = []
    for sources in sorted(clusters, key=min):
        story_id = next((story for story in sorted({seen[pk] for pk in sources}) if story not in kept), None)
        if story_id is not None:
            kept.add(story_id)
        plan.append(Cluster(story_id, tuple(sorted(sources))))
    return plan


def _changed_meanwhile(seen: dict[int, int], stories: list[Story]) -> bool:
    now = dict(Source.objects.filter(pk__in=seen).values_list("pk", "story_id"))
    merged = any(story.merged_into_id is not None for story in stories)
    return now != seen or merged or bool(touched([story.pk for story in stories]))


def _apply(plan: list[Cluster], seen: dict[int, int], stories: dict[int, Story]) -> list[Cluster]:
    """Move the sources as planned, merge away the stories left empty, audit it all."""
    changed, moved_to = [], {}
    for cluster in plan:
        moving = [pk for pk in cluster.source_ids if seen[pk] != cluster.story_id]
        if moving:
            into = stories[cluster.story_id] if cluster.story_id is not None else _new_story(cluster.source_ids)
            Source.objects.filter(pk__in=moving).update(story=into)
            moved_to.update({pk: into for pk in moving})
            changed.append(Cluster(into.pk, cluster.source_ids))
    for source in Source.objects.filter(pk__in=moved_to).select_related("provider").order_by("pk"):
        old, new = stories[seen[source.pk]], moved_to[source.pk]
        summary = f"Grouping moved {source.provider} · {source.item_id} from “{old.headline}” to “{new.headline}”"
        _record(AuditAction.MOVE_SOURCE, [old, new], f"Source {source.pk}", summary, old, new)
    emptied = [story for story in stories.values() if not Source.objects.filter(story=story).exists()]
    for story in emptied:
        _merge_emptied(story, [into for pk, into in moved_to.items() if seen[pk] == story.pk])
    known = {**stories, **{into.pk: into for into in moved_to.values()}}
    for story_id in sorted({*(seen[pk] for pk in moved_to), *(into.pk for into in moved_to.values())}):
        if known[story_id] not in emptied:
            note_newer_copy(known[story_id])
            queue_analysis(story_id)
    return changed


def _new_story(source_ids: tuple[int, ...]) -> Story:
    """A story for a cluster that kept none: headed as its first source."""
    first = Source.objects.get(pk=min(source_ids))
    newest = SourceVersion.objects.filter(source_id__in=source_ids).aggregate(newest=Max("received_at"))["newest"]
    return Story.objects.create(headline=first.headline or "(no headline)", last_received_at=newest)


def _merge_emptied(story: Story, destinations: list[Story]) -> None:
    """A story all of whose sources left: merged into the story that took most of them."""
    into = max(destinations, key=lambda each: sum(other.pk == each.pk for other in destinations))
    story.merged_into, story.analysis = into, None
    story.save(update_fields=["merged_into", "analysis"])
    close_merge_offers(story, into, None)
    summary = f"Grouping merged “{story.headline}” into “{into.headline}”: its sources read as one story with it"
    _record(AuditAction.MERGE_STORY, [story, into], f"Story {story.pk}", summary, story, into)


def _record(action: str, stories: list[Story], subject: str, summary: str, old: Story, new: Story) -> None:
    """Audited on each story, as an editor's regrouping is, but as grouping's (no user)."""
    for story in stories:
        record_event(
            action=action,
            actor=None,
            actor_name=ACTOR,
            story=story,
            subject=subject,
            summary=summary,
            detail={"from_story": old.pk, "to_story": new.pk, "by": ACTOR},
        )
