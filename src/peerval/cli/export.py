"""``peerval export``: import response files and write the protected exports for sharing."""

from __future__ import annotations

from pathlib import Path

import typer

from peerval.disclosure import DEFAULT_THRESHOLD, LOWEST_THRESHOLD, DisclosurePolicy
from peerval.evaluation import EXPORTS, export_files
from peerval.outfiles import writable_folder

from .app import app, friendly, out
from .files import INSTRUMENTS, MAPPINGS, OUT_DIR, PLACES, RESPONSES, WAVE

_WHAT = "; ".join(f"{name}: {what}" for name, what in EXPORTS.items())


@app.command(
    "export",
    help=f"""Write protected CSV exports of responses in files, for sharing.

The same tables as the web app's downloads: attribute values held by fewer people than the
disclosure minimum read "Other (fewer than N)" (or are blank), free text has names and other
personal details replaced, and cells a spreadsheet would run as formulas are made safe.
Files written: {_WHAT}.""",
)
@friendly
def export(
    responses: list[Path] = RESPONSES,
    instruments: list[str] = INSTRUMENTS,
    mappings: list[Path] = MAPPINGS,
    out_dir: Path = OUT_DIR,
    wave: str = WAVE,
    threshold: int = typer.Option(
        DEFAULT_THRESHOLD,
        metavar="N",
        help=f"Smallest group shown (at least {LOWEST_THRESHOLD}).",
    ),
    rule: str = typer.Option("threshold", metavar="RULE", help="threshold, or nhs_1_7."),
    places: list[str] = PLACES,
) -> None:
    policy = DisclosurePolicy(rule=rule, threshold=threshold)  # type: ignore[arg-type]
    writable_folder(out_dir)
    written = export_files(
        responses, instruments, mappings, out_dir, wave=wave, policy=policy, places=places
    )
    for path in written:
        out.print(f"  wrote {path}", markup=False)
    out.print(f"Disclosure control: {policy.describe()}", markup=False)
