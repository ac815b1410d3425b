"""Conflicting facts on the way to publication: which ones a draft or a version touches,
how an editor settles one, and what approval waits for.

A conflict is named by its facts (kind and both values: `conflict_key`), the same key the
compare page puts in its links, so a settlement holds wherever the sources disagree on
those facts, and after a new version of a source arrives. House-style differences are not
conflicts and never wait for anyone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from stories.compare_page import conflict_key
from stories.drafting import SourceInfo
from stories.models import ArticleDraft, AuditAction, ConflictSettlement, Story
from stories.services.audit import record_event
from stories.services.compose import current_analysis
from stories.services.draft_edits import DraftChange, change_draft


class SettleError(Exception):
    """The conflict cannot be settled as asked; the message says why."""


@dataclass(frozen=True)
class FactConflict:
    """One conflicting fact of the story's sources, and how it was settled, if it was."""

    key: str
    kind: str
    a_text: str
    b_text: str
    a_where: str  # "Agency One ¶3"
    b_where: str
    note: str
    settlement: ConflictSettlement | None = None


@dataclass(frozen=True)
class Touch:
    """A conflict whose values a text states: one of them, or both (then it contradicts itself)."""

    conflict: FactConflict
    states_a: bool
    states_b: bool

    @property
    def states_both(self) -> bool:
        return self.states_a and self.states_b

    @property
    def is_open(self) -> bool:
        """Not settled, or settled for a value while the text still states the other."""
        settlement = self.conflict.settlement
        if settlement is None:
            return True
        overruled = settlement.overruled
        return bool(overruled) and (self.states_a if overruled == self.conflict.a_text else self.states_b)

    @property
    def problem(self) -> str:
        conflict, settlement = self.conflict, self.conflict.settlement
        pair = f"“{conflict.a_text}” / “{conflict.b_text}”"
        if settlement is not None:
            return f"{pair}: “{settlement.stands}” was settled, but the text still says “{settlement.overruled}”"
        if self.states_both:
            return f"{pair}: the text states both"
        return f"{pair} ({conflict.kind}): not settled"


def story_conflicts(story: Story, analysis: tuple[dict, dict[str, SourceInfo]] | None = None) -> list[FactConflict]:
    """The conflicting facts between the story's default sources, one per pair of values;
    `analysis` is `current_analysis(story)` when the caller has it already."""
    result, info = analysis or current_analysis(story)
    providers = {key: source.provider for key, source in info.items()}
    settled = {settlement.key: settlement for settlement in story.settlements.select_related("settled_by")}
    conflicts: dict[str, FactConflict] = {}
    for entry in result["conflicts"]:
        if entry["kind"] == "style":
            continue
        a, b = entry["a"], entry["b"]
        key = conflict_key(entry["kind"], a["text"], b["text"])
        if key not in conflicts:
            conflicts[key] = FactConflict(
                key,
                entry["kind"],
                a["text"],
                b["text"],
                _where(a["block"], providers),
                _where(b["block"], providers),
                entry.get("note", ""),
                settled.get(key),
            )
    return list(conflicts.values())


def touched(conflicts: list[FactConflict], text: str) -> list[Touch]:
    """The conflicts whose values `text` states."""
    touches = []
    for conflict in conflicts:
        states_a, states_b = _states(text, conflict.a_text), _states(text, conflict.b_text)
        if states_a or states_b:
            touches.append(Touch(conflict, states_a, states_b))
    return touches


def approval_blockers(story: Story, text: str, conflicts: list[FactConflict] | None = None) -> list[Touch]:
    """The conflicts that keep a version with this text from approval: touched and open.
    None when the desk approves with open conflicts (NEWSROOM_APPROVE_WITH_OPEN_CONFLICTS)."""
    if settings.NEWSROOM_APPROVE_WITH_OPEN_CONFLICTS:
        return []
    found = story_conflicts(story) if conflicts is None else conflicts
    return [touch for touch in touched(found, text) if touch.is_open]


def settle_conflict(
    *, story: Story, key: str, stands: Literal["a", "b", ""], note: str, by: User
) -> ConflictSettlement:
    """Record which value stands (or that the two do not conflict), audited on the story."""
    conflict = next((c for c in story_conflicts(story) if c.key == key), None)
    if conflict is None:
        raise SettleError("That conflict is no longer between the story's sources; reload the page.")
    value = {"a": conflict.a_text, "b": conflict.b_text}.get(stands, "")
    with transaction.atomic():
        settlement, _ = ConflictSettlement.objects.update_or_create(
            story=story,
            key=key,
            defaults={
                "kind": conflict.kind,
                "a_text": conflict.a_text,
                "b_text": conflict.b_text,
                "stands": value,
                "note": note.strip()[:500],
                "settled_by": by,
                "settled_at": timezone.now(),
            },
        )
        record_event(
            action=AuditAction.SETTLE_CONFLICT,
            actor=by,
            story=story,
            subject=f"ConflictSettlement {settlement.pk}",
            summary=f"Settled “{conflict.a_text}” / “{conflict.b_text}”: {settlement.outcome}"
            + (f" ({settlement.note})" if settlement.note else ""),
            detail={"key": key, "kind": conflict.kind, "stands": value, "note": settlement.note},
        )
    return settlement


def follow_settlement(draft: ArticleDraft, settlement: ConflictSettlement) -> DraftChange:
    """Make the draft say what was settled: the value that gave way becomes the one that stands."""

    def follow(locked: ArticleDraft) -> None:
        if not settlement.overruled:
            return
        locked.headline = _replace(locked.headline, settlement.overruled, settlement.stands)
        for paragraph in locked.paragraphs:
            text = _replace(paragraph["text"], settlement.overruled, settlement.stands)
            if text != paragraph["text"]:
                paragraph.update(text=text, edited=True)

    return change_draft(draft, change=follow)


def _where(block_id: str, providers: dict[str, str]) -> str:
    key = block_id.rstrip("0123456789")
    return f"{providers.get(key, key)} ¶{block_id[len(key) :]}"


def _pattern(value: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(value) + r"(?!\w)", re.IGNORECASE)


def _states(text: str, value: str) -> bool:
    return bool(value.strip()) and _pattern(value).search(text) is not None


def _replace(text: str, old: str, new: str) -> str:
    def keep_case(match: re.Match[str]) -> str:
        return new[:1].upper() + new[1:] if match.group(0)[:1].isupper() else new

    return _pattern(old).sub(keep_case, text)
