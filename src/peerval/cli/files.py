"""Options shared by the commands that read response files (``report``, ``export``)."""

from __future__ import annotations

import typer

__all__ = ["INSTRUMENTS", "MAPPINGS", "OUT_DIR", "PLACES", "RESPONSES", "WAVE"]

RESPONSES = typer.Option(
    ...,
    "--responses",
    "-r",
    metavar="FILE",
    help="A CSV or XLSX file of responses; repeat for several files.",
)
INSTRUMENTS = typer.Option(
    ...,
    "--instrument",
    "-i",
    metavar="ID",
    help="The instrument of each --responses file, in the same order (or one for all).",
)
MAPPINGS = typer.Option(
    [],
    "--mapping",
    "-m",
    metavar="FILE",
    help="Column mapping of each file, in the same order (or one for all).",
)
OUT_DIR = typer.Option(
    ...,
    "--out",
    "-o",
    metavar="DIR",
    help="Folder to write into (created if missing; checked before any file is read).",
)
WAVE = typer.Option("1", metavar="WAVE", help="Wave label, if a mapping gives none.")

PLACES = typer.Option(
    [],
    "--place",
    metavar="NAME",
    help=(
        "A ward, team or site of this evaluation, redacted from free text as [place]; "
        "repeat for several."
    ),
)
