"""Recording what happened, append-only."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User

from stories.models import AuditEvent, Story


def record_event(
    *,
    action: str,
    actor: User | None,
    subject: str,
    summary: str,
    story: Story | None = None,
    actor_name: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the audit trail. `actor_name` names a feed or command acting alone."""
    name = actor.get_username() if actor is not None else (actor_name or "system")
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        actor_name=name,
        story=story,
        subject=subject[:200],
        summary=summary[:500],
        detail=detail or {},
    )
