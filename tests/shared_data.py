"""Where the shared test data lives: the real FFT comments are never copied into the
repository (CC BY-NC-SA), so tests look for them beside it.

``PEERVAL_SHARED_DATA`` names the folder; otherwise ``../shared/data`` beside the
repository, then ``/work/shared/data`` (where a clone elsewhere on this machine finds it).
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["FFT_NAME", "fft_file"]

FFT_NAME = "fft_comments_dev.csv"
REPO = Path(__file__).resolve().parents[1]


def _folders() -> list[Path]:
    named = os.environ.get("PEERVAL_SHARED_DATA")
    found = [Path(named)] if named else []
    return [*found, REPO.parent / "shared" / "data", Path("/work/shared/data")]


def fft_file() -> Path:
    """The FFT comments file if any folder has it, else where it was first looked for."""
    for folder in _folders():
        if (folder / FFT_NAME).is_file():
            return folder / FFT_NAME
    return _folders()[0] / FFT_NAME
