"""A disk that fills up, for tests of what a failed write leaves behind.

:func:`fill_disk` makes the next files opened for writing accept ``room`` bytes and then
fail with ``ENOSPC``, as a full disk does part-way through a file. :func:`fail_rename`
makes the final rename onto the target fail the same way.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest


def no_space() -> OSError:
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class _FillingFile:
    """A file object that takes ``room`` bytes (or characters) and then raises ENOSPC."""

    def __init__(self, handle: Any, room: int) -> None:
        self._handle = handle
        self._room = room

    def write(self, data: Any) -> int:
        if len(data) > self._room:
            self._handle.write(data[: self._room])
            self._handle.flush()
            self._room = 0
            raise no_space()
        self._room -= len(data)
        return self._handle.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def __enter__(self) -> _FillingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


def fill_disk(monkeypatch: pytest.MonkeyPatch, room: int = 100) -> None:
    """Files opened from a descriptor take ``room`` bytes each, then the disk is full."""
    real = os.fdopen

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> _FillingFile:
        return _FillingFile(real(fd, *args, **kwargs), room)

    monkeypatch.setattr(os, "fdopen", fdopen)


def fail_rename(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ``os.replace`` fails as on a full disk."""

    def replace(*args: Any, **kwargs: Any) -> None:
        raise no_space()

    monkeypatch.setattr(os, "replace", replace)


FAILURES = {"disk fills part-way": fill_disk, "rename fails": fail_rename}


def only(folder: Path) -> list[str]:
    """Every name in ``folder``, hidden files included."""
    return sorted(p.name for p in folder.iterdir())
