"""The grouping evidence of stored items, decoded once in each process.

Grouping a new item scores the 100 stored items that share the most band keys with it,
and a feed's items mostly meet the same recent items: fetching their evidence from
PostgreSQL and decoding its JSON into sets again for every item was most of an item's
ingest. A process keeps the evidence it decoded last (NEWSROOM_GROUPING_CACHE_ITEMS
items), keyed by the fingerprint and the SHA-256 of the copy it was made from, and only
for evidence made by the running engine: what the engine makes of the same bytes never
changes, so a kept entry is never out of date, and an item whose evidence is older is
fetched every time until `manage.py fingerprint` makes it again.
"""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from collections.abc import Iterable

from django.conf import settings

from stories.analysis.grouping import ItemEvidence
from stories.models import ItemFingerprint

Key = tuple[int, str]  # the fingerprint's id, the SHA-256 of its version's original


class EvidenceCache:
    """The evidence of the stored items met most recently, least recently met dropped first."""

    def __init__(self) -> None:
        self._kept: OrderedDict[Key, ItemEvidence] = OrderedDict()
        self._lock = threading.Lock()  # a threaded server may group two items at once

    def evidence_of(self, items: Iterable[Key], *, engine: str) -> dict[int, ItemEvidence]:
        """Each item's evidence by fingerprint id: kept, or fetched and decoded (and kept,
        when the engine `engine` made it)."""
        found: dict[int, ItemEvidence] = {}
        missing: dict[int, Key] = {}
        with self._lock:
            for key in items:
                if key in self._kept:
                    self._kept.move_to_end(key)
                    found[key[0]] = self._kept[key]
                else:
                    missing[key[0]] = key
        if not missing:
            return found
        fetched = ItemFingerprint.objects.filter(pk__in=missing).values_list("pk", "evidence", "engine")
        with self._lock:
            for pk, evidence, made_by in fetched:
                found[pk] = _shared(ItemEvidence.from_dict(evidence))
                if made_by == engine:
                    self._keep(missing[pk], found[pk])
        return found

    def keep(self, key: Key, evidence: ItemEvidence) -> None:
        """Keep the evidence of an item just stored (by the running engine): the next items
        meet it among their candidates, and need not fetch it."""
        with self._lock:
            self._keep(key, _shared(evidence))

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()

    def _keep(self, key: Key, evidence: ItemEvidence) -> None:
        self._kept[key] = evidence
        while len(self._kept) > settings.NEWSROOM_GROUPING_CACHE_ITEMS:
            self._kept.popitem(last=False)


def _shared(evidence: ItemEvidence) -> ItemEvidence:
    """The evidence with its words interned: items share most of their vocabulary, so the
    kept evidence holds one copy of each word (about half the memory)."""
    return ItemEvidence(
        signature=evidence.signature,
        terms=frozenset(map(sys.intern, evidence.terms)),
        lead=frozenset(map(sys.intern, evidence.lead)),
        names=frozenset(map(sys.intern, evidence.names)),
        numbers=evidence.numbers,
        received_at=evidence.received_at,
        provider=evidence.provider,
    )


STORED_EVIDENCE = EvidenceCache()
