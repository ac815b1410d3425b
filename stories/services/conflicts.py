"""Conflicting facts on the way to publication: which ones a draft or a version touches,
how an editor settles one, and what approval waits for.

A conflict is named by its facts (kind and values: `conflict_key`), the same key the
compare page puts in its links, so a settlement holds wherever the sources disagree on
those facts, and after a new version of a source arrives. House-style differences are not
conflicts and never wait for anyone.

Between two sources a conflict has two values, `a` and `b`. When three or more sources
state one fact it has every source's value, and settling it names the value that stands
(`stands` "a", "b", "c" ... in the order of `FactConflict.texts`); the settlement keeps
that value's text, and the first two values as `a_text` / `b_text`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from stories.analysis.model import Comparison, Conflict, FactRef
from stories.models import ArticleDraft, AuditAction, ConflictSettlement, Story
from stories.services.audit import record_event
from stories.services.compose import current_analysis
from stories.services.draft_edits import DraftChange, change_draft
from stories.services.drafting import SourceInfo

LETTERS = "abcdefghijklmnopqrstuvwxyz"  # what a settle button sends for each value: a, b, c ...


class SettleError(Exception):
    """The conflict cannot be settled as asked; the message says why."""


@dataclass(frozen=True)
class FactValue:
    text: str
    where: str  # "Agency One ¶3"


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
    more: tuple[FactValue, ...] = ()  # the values of further sources, when three or more state the fact

    @property
    def values(self) -> tuple[FactValue, ...]:
        return (FactValue(self.a_text, self.a_where), FactValue(self.b_text, self.b_where), *self.more)

    @property
    def texts(self) -> list[str]:
        """The different values, each once, in the order the sources give them."""
        return list(dict.fromkeys(value.text for value in self.values))

    @property
    def choices(self) -> list[tuple[str, FactValue]]:
        """What settling offers: a letter ("a", "b", "c" ...) for each different value, and
        the value with every place that states it."""
        return [
            (LETTERS[n], FactValue(text, ", ".join(v.where for v in self.values if v.text == text)))
            for n, text in enumerate(self.texts)
        ]

    def overruled(self) -> list[str]:
        """The values that gave way to the settled one; none when it is not a real conflict."""
        stands = self.settlement.stands if self.settlement is not None else ""
        return [text for text in self.texts if stands and text != stands]

    def describe(self) -> str:
        return " / ".join(f"“{text}”" for text in self.texts)


@dataclass(frozen=True)
class Touch:
    """A conflict whose values a text states: one of them, or more (then it contradicts itself)."""

    conflict: FactConflict
    stated: tuple[str, ...]  # the values the text states

    @property
    def states_both(self) -> bool:
        """More than one of the values: both, between two sources."""
        return len(self.stated) > 1

    @property
    def still_says(self) -> list[str]:
        """The values the text states although they gave way to the settled one."""
        return [text for text in self.conflict.overruled() if text in self.stated]

    @property
    def is_open(self) -> bool:
        """Not settled, or settled for a value while the text still states another."""
        return self.conflict.settlement is None or bool(self.still_says)

    @property
    def problem(self) -> str:
        conflict, settlement = self.conflict, self.conflict.settlement
        values = conflict.describe()
        if settlement is not None:
            said = " and ".join(f"“{text}”" for text in self.still_says)
            return f"{values}: “{settlement.stands}” was settled, but the text still says {said}"
        if self.states_both:
            return f"{values}: the text states {'both' if len(conflict.texts) == 2 else 'more than one'}"
        return f"{values} ({conflict.kind}): not settled"


def story_conflicts(
    story: Story, analysis: tuple[Comparison, dict[str, SourceInfo]] | None = None
) -> list[FactConflict]:
    """The conflicting facts between the story's default sources, one per set of values;
    `analysis` is `current_analysis(story)` when the caller has it already."""
    result, info = analysis or current_analysis(story)
    providers = {key: source.label or source.provider for key, source in info.items()}
    settled = {settlement.key: settlement for settlement in story.settlements.select_related("settled_by")}
    conflicts: dict[str, FactConflict] = {}
    for entry in result.conflicts:
        if entry.kind == "style":
            continue
        key = entry_key(entry)
        if key not in conflicts:
            a, b, *more = (FactValue(value.text, _where(value, providers)) for value in entry.values)
            conflicts[key] = FactConflict(
                key, entry.kind, a.text, b.text, a.where, b.where, entry.note, settled.get(key), tuple(more)
            )
    return list(conflicts.values())


def touched(conflicts: list[FactConflict], text: str) -> list[Touch]:
    """The conflicts whose values `text` states."""
    touches = []
    for conflict in conflicts:
        stated = tuple(value for value in conflict.texts if _states(text, value))
        if stated:
            touches.append(Touch(conflict, stated))
    return touches


def approval_blockers(story: Story, text: str, conflicts: list[FactConflict] | None = None) -> list[Touch]:
    """The conflicts that keep a version with this text from approval: touched and open.
    None when the desk approves with open conflicts (NEWSROOM_APPROVE_WITH_OPEN_CONFLICTS)."""
    if settings.NEWSROOM_APPROVE_WITH_OPEN_CONFLICTS:
        return []
    found = story_conflicts(story) if conflicts is None else conflicts
    return [touch for touch in touched(found, text) if touch.is_open]


def settle_conflict(*, story: Story, key: str, stands: str, note: str, by: User) -> ConflictSettlement:
    """Record which value stands ("a", "b", "c" ... of `FactConflict.texts`; "" when the
    values do not conflict), audited on the story."""
    conflict = next((c for c in story_conflicts(story) if c.key == key), None)
    if conflict is None:
        raise SettleError("That conflict is no longer between the story's sources; reload the page.")
    values = dict(zip(LETTERS, conflict.texts))
    if stands and stands not in values:
        raise SettleError("That value is not one of the conflict's; reload the page.")
    value = values.get(stands, "")
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
            summary=f"Settled {conflict.describe()}: {settlement.outcome}"
            + (f" ({settlement.note})" if settlement.note else ""),
            detail={
                "key": key,
                "kind": conflict.kind,
                "values": conflict.texts,
                "stands": value,
                "note": settlement.note,
            },
        )
    return settlement


def follow_settlement(draft: ArticleDraft, settlement: ConflictSettlement) -> DraftChange:
    """Make the draft say what was settled: every value that gave way becomes the one that stands."""
    overruled = _overruled(settlement)

    def follow(locked: ArticleDraft) -> None:
        if not overruled:
            return
        locked.headline = _replace(locked.headline, overruled, settlement.stands)
        for paragraph in locked.paragraphs:
            text = _replace(paragraph["text"], overruled, settlement.stands)
            if text != paragraph["text"]:
                paragraph.update(text=text, edited=True)

    return change_draft(draft, change=follow, what="following a settled conflict")


def _overruled(settlement: ConflictSettlement) -> list[str]:
    """The values that gave way. The settlement keeps the first two values; a fact of more
    values (its key is not that of those two) is read from the story's conflicts."""
    if not settlement.stands:
        return []
    if settlement.key == conflict_key(settlement.kind, settlement.a_text, settlement.b_text):
        return [settlement.overruled]
    conflict = next((c for c in story_conflicts(settlement.story) if c.key == settlement.key), None)
    return conflict.overruled() if conflict is not None else [settlement.overruled]


def _where(value: FactRef, providers: dict[str, str]) -> str:
    return f"{providers.get(value.source, value.source)} ¶{value.number}"


def _pattern(*values: str) -> re.Pattern[str]:
    """Any of the values, as words of their own, in any letter case; the longest first."""
    either = "|".join(re.escape(value) for value in sorted(values, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + either + r")(?!\w)", re.IGNORECASE)


def _states(text: str, value: str) -> bool:
    return bool(value.strip()) and _pattern(value).search(text) is not None


def _replace(text: str, old: list[str], new: str) -> str:
    """Every one of the `old` values in the text replaced by `new`, in one pass (so a value
    put in is never replaced again)."""

    def keep_case(match: re.Match[str]) -> str:
        return new[:1].upper() + new[1:] if match.group(0)[:1].isupper() else new

    return _pattern(*old).sub(keep_case, text)


def entry_key(conflict: Conflict) -> str:
    """The `conflict_key` of a conflict the engine found."""
    a, b, *more = (value.text for value in conflict.values)
    return conflict_key(conflict.kind, a, b, *more)


def conflict_key(kind: str, a_text: str, b_text: str, *more_texts: str) -> str:
    """A short name for a conflict made of what it is, not where it falls in the list: a
    shared link still opens the same conflict after a source gets a new version or the
    sources are chosen in another order (the values are taken in sorted order).

    A fact of three or more sources is named by its different values, each once: when a
    third source says what one of two said, the fact keeps the name (and the settlement)
    it had between two."""
    different = sorted({a_text, b_text, *more_texts})
    values = different if more_texts and len(different) >= 2 else sorted([a_text, b_text])
    facts = "\x1f".join([kind, *values])
    return hashlib.sha256(facts.encode()).hexdigest()[:10]
