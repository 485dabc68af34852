"""The ``peerval`` command line: a thin face over the core library.

Each command opens what it needs, calls the library, and turns a :class:`PeervalError` into
one clear line on stderr and exit code 2 (never a traceback).
"""

from __future__ import annotations

import sys

from . import autocode, demo, export, instruments, qual, redact, report, score, web  # noqa: F401  (each module registers its commands)
from .app import app, err

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        err.print("Interrupted.")
        sys.exit(130)
