"""Rendered reports kept on disk, one folder per fingerprint of what they show.

Building a report with its charts and PDF takes seconds, so the files are kept under
``settings.REPORT_CACHE`` in ``wave-<pk>/<fingerprint>/``. A new fingerprint (a new
submission, changed disclosure settings, a new peerval version) means a new folder. A folder
is built under a temporary name and renamed into place when complete, so a request never
sees a half-written file; when two requests build at once, the first rename wins and the
other's work is thrown away.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["fingerprint", "folder_for"]

_BUILDING = ".building-"
#: folders of older fingerprints are removed once they are this old (seconds), so a
#: download that has just found one can still open its file
_KEEP_OLD_FOR = 300


def fingerprint(parts: dict[str, Any]) -> str:
    """A short stable hash of what a report shows.

    >>> fingerprint({"wave": 1, "responses": 12}) == fingerprint({"responses": 12, "wave": 1})
    True
    """
    text = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def folder_for(root: Path, key: str, build: Callable[[Path], None]) -> Path:
    """The complete folder for ``key`` under ``root``, made by ``build(folder)`` if missing."""
    folder = root / key
    if folder.is_dir():
        return folder
    root.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=_BUILDING, dir=root))
    try:
        build(building)
        os.rename(building, folder)
    except OSError:
        shutil.rmtree(building, ignore_errors=True)
        if not folder.is_dir():  # not a lost race: a real failure
            raise
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    _prune(root, keep=key)
    return folder


def _prune(root: Path, keep: str) -> None:
    """Remove other fingerprints' folders (and abandoned builds) once they are old."""
    now = time.time()
    for path in root.iterdir():
        if path.name == keep:
            continue
        try:
            old = now - path.stat().st_mtime > _KEEP_OLD_FOR
        except OSError:
            continue
        if old:
            shutil.rmtree(path, ignore_errors=True)
