"""Where peerval keeps a user's files."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

__all__ = ["data_home"]


def data_home() -> Path:
    """The user's peerval folder: ``$PEERVAL_HOME`` if set, else the platform's data folder."""
    configured = os.environ.get("PEERVAL_HOME")
    return Path(configured).expanduser() if configured else Path(user_data_dir("peerval"))
