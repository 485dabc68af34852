"""``peerval autocode``: train, apply and evaluate automatic coding of free text."""

from __future__ import annotations

import typer

from .app import app

autocode_app = typer.Typer(
    help="Suggest codes for free text: train from coded text, apply, evaluate.",
    no_args_is_help=True,
)
app.add_typer(autocode_app, name="autocode")
