"""Undo: the event that reverses another, so that undoing appends rather than erases.

>>> from datetime import datetime, timezone
>>> renamed = Event(4, "code_renamed", "ana", datetime(2026, 1, 1, tzinfo=timezone.utc),
...                 {"code_id": "t", "name": "Trust in the PSW", "old_name": "Trust"})
>>> compensation(renamed)
('code_renamed', {'code_id': 't', 'name': 'Trust', 'old_name': 'Trust in the PSW'})
"""

from __future__ import annotations

from typing import Any

from peerval.qual.codings import CodingError
from peerval.qual.events import Event

__all__ = ["compensation"]


def compensation(event: Event) -> tuple[str, dict[str, Any]]:
    """The event kind and data that reverse ``event``."""
    data = dict(event.data)
    simple = {
        "code_created": ("code_removed", {"code": data.get("code")}),
        "code_removed": ("code_created", {"code": data.get("code")}),
        "coding_applied": ("coding_removed", {"coding": data.get("coding")}),
        "coding_removed": ("coding_applied", {"coding": data.get("coding")}),
        "memo_added": ("memo_removed", {"memo": data.get("memo")}),
        "memo_removed": ("memo_added", {"memo": data.get("memo")}),
        "suggestion_accepted": ("suggestion_reopened", {"coding_id": data.get("coding_id")}),
        "suggestion_rejected": ("suggestion_reopened", {"coding_id": data.get("coding_id")}),
    }
    if event.kind in simple:
        return simple[event.kind]
    if event.kind == "code_renamed":
        return "code_renamed", {
            "code_id": data["code_id"],
            "name": data["old_name"],
            "old_name": data["name"],
        }
    if event.kind == "code_moved":
        return "code_moved", {
            "code_id": data["code_id"],
            "parent_id": data["old_parent_id"],
            "old_parent_id": data["parent_id"],
        }
    if event.kind == "code_edited":
        return "code_edited", {
            "code_id": data["code_id"],
            "changes": data["old"],
            "old": data["changes"],
        }
    raise CodingError(f"event {event.seq} ({event.kind}) cannot be undone")
