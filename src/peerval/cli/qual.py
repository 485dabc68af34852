"""``peerval qual``: qualitative projects, exchanged with other tools as REFI-QDA."""

from __future__ import annotations

import typer

from .app import app

qual_app = typer.Typer(
    help="Qualitative projects: import transcripts, export and import REFI-QDA (.qdpx).",
    no_args_is_help=True,
)
app.add_typer(qual_app, name="qual")
