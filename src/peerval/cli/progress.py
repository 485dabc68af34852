"""Progress bars on stderr, so that stdout stays clean for pipes."""

from __future__ import annotations

from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from .app import err

__all__ = ["progress"]


def progress() -> Progress:
    """A progress display that hides itself when the work is done."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )
