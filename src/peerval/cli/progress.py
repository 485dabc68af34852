"""Progress bars on stderr, so that stdout stays clean for pipes."""

from __future__ import annotations

import io

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from .app import err

__all__ = ["progress"]


def progress() -> Progress:
    """A progress display that hides itself when done; silent when stderr is not a terminal."""
    console = err if err.is_terminal else Console(file=io.StringIO())
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
