"""Writing audit events: the one place that does."""

from __future__ import annotations

from typing import Any

from .models import AuditEvent

__all__ = ["record"]


def record(
    action: str,
    summary: str,
    *,
    user: Any = None,
    username: str = "",
    evaluation: Any = None,
    **detail: Any,
) -> AuditEvent:
    """Append one event. ``user`` may be anonymous or missing (failed sign-ins)."""
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    return AuditEvent.objects.create(
        action=action,
        summary=summary[:300],
        user=user,
        username=username or (user.get_username() if user is not None else ""),
        evaluation=evaluation,
        detail=detail,
    )
