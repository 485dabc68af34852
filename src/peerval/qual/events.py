"""The append-only log of everything done to a project's analysis.

Each :class:`Event` says who did what and when: a code created, renamed, moved, edited or
removed; a coding applied or removed; a machine suggestion added, accepted, rejected or
reopened; a memo added or removed; a phase entered; machine suggestions switched on or off;
a codebook version saved. The project's codebook, codings, memos and phases are derived by
replaying the log (:mod:`peerval.qual.replay`). Nothing is ever erased: undoing an event
appends a compensating event whose ``undoes`` names the event it reverses.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from peerval.qual.codings import CodingError, format_time, parse_time

__all__ = ["EVENT_KINDS", "UNDOABLE", "Event", "EventLog"]

EVENT_KINDS = (
    "code_created",
    "code_renamed",
    "code_moved",
    "code_edited",
    "code_removed",
    "coding_applied",
    "coding_removed",
    "suggestion_added",
    "suggestion_accepted",
    "suggestion_rejected",
    "suggestion_reopened",
    "memo_added",
    "memo_removed",
    "phase_entered",
    "suggestions_switched",
    "codebook_version_saved",
)

#: the kinds a person can undo (a suggestion is rejected rather than undone; phases and
#: settings are changed again rather than undone)
UNDOABLE = frozenset(
    {
        "code_created",
        "code_renamed",
        "code_moved",
        "code_edited",
        "code_removed",
        "coding_applied",
        "coding_removed",
        "suggestion_accepted",
        "suggestion_rejected",
        "memo_added",
        "memo_removed",
    }
)


@dataclass(frozen=True)
class Event:
    """One entry of the log: its number, kind, actor (a person or a model), time and data."""

    seq: int
    kind: str
    actor: str
    at: datetime
    data: Mapping[str, Any] = field(default_factory=dict)
    undoes: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in EVENT_KINDS:
            raise CodingError(f"event {self.seq}: unknown kind {self.kind!r}")
        if not self.actor:
            raise CodingError(f"event {self.seq}: no actor")

    def to_dict(self) -> dict[str, Any]:
        """A plain dictionary (the project file's form)."""
        out: dict[str, Any] = {
            "seq": self.seq,
            "kind": self.kind,
            "actor": self.actor,
            "at": format_time(self.at),
            "data": dict(self.data),
        }
        if self.undoes is not None:
            out["undoes"] = self.undoes
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Event:
        """The event :meth:`to_dict` describes."""
        undoes = data.get("undoes")
        return cls(
            seq=int(data["seq"]),
            kind=str(data["kind"]),
            actor=str(data["actor"]),
            at=parse_time(data["at"]),
            data=dict(data.get("data") or {}),
            undoes=None if undoes is None else int(undoes),
        )


class EventLog:
    """Events in order; the only change allowed is :meth:`append`."""

    def __init__(self, events: list[Event] | tuple[Event, ...] = ()) -> None:
        self._events: list[Event] = []
        for event in events:
            self._check_next(event)
            self._events.append(event)

    def _check_next(self, event: Event) -> None:
        expected = len(self._events) + 1
        if event.seq != expected:
            raise CodingError(f"event log: expected event {expected}, found {event.seq}")

    def __iter__(self) -> Iterator[Event]:
        return iter(self._events)

    def __len__(self) -> int:
        return len(self._events)

    def __getitem__(self, seq: int) -> Event:
        """The event with this (1-based) number."""
        if not 1 <= seq <= len(self._events):
            raise CodingError(f"no event {seq}")
        return self._events[seq - 1]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EventLog) and self._events == other._events

    def append(
        self,
        kind: str,
        actor: str,
        at: datetime,
        data: Mapping[str, Any] | None = None,
        undoes: int | None = None,
    ) -> Event:
        """Add an event at the end and return it."""
        event = Event(len(self._events) + 1, kind, actor, at, dict(data or {}), undoes)
        self._events.append(event)
        return event

    def undone(self) -> set[int]:
        """The numbers of the events that a later event undoes."""
        return {e.undoes for e in self._events if e.undoes is not None}

    def last_undoable(self, actor: str) -> Event | None:
        """The latest event by ``actor`` that can be undone and has not been."""
        undone = self.undone()
        for event in reversed(self._events):
            if (
                event.actor == actor
                and event.kind in UNDOABLE
                and event.undoes is None
                and event.seq not in undone
            ):
                return event
        return None
