"""A small per-process cache of replayed projects, keyed by core id and last event number.

A reader gets the immutable :class:`~.records.Snapshot` of the log as it stands; a writer
*takes* the core project out (so no other request in this process can touch it while it is
changed) and offers it back once its transaction has committed. An entry whose event
number is not the one the database holds is never used: another process may have
appended since, and the log is replayed afresh.
"""

from __future__ import annotations

from collections import OrderedDict
from threading import Lock
from typing import Any

from .records import Snapshot

__all__ = ["ProjectCache"]


class ProjectCache:
    def __init__(self, size: int = 16) -> None:
        self.size = size
        self._entries: OrderedDict[str, tuple[int, Any, Snapshot]] = OrderedDict()
        self._lock = Lock()

    def snapshot(self, key: str, seq: int) -> Snapshot | None:
        """The snapshot at event ``seq``, if this process has it."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] != seq:
                return None
            self._entries.move_to_end(key)
            return entry[2]

    def take(self, key: str, seq: int) -> Any | None:
        """Remove and return the core project at event ``seq``, if this process has it."""
        with self._lock:
            entry = self._entries.pop(key, None)
        if entry is None or entry[0] != seq:
            return None
        return entry[1]

    def offer(self, key: str, seq: int, project: Any, snapshot: Snapshot) -> None:
        """Keep a project replayed to event ``seq`` unless a later one is kept already."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry[0] >= seq:
                return
            self._entries[key] = (seq, project, snapshot)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
