"""``peerval report``: import response files, analyse them, and write the evaluation report."""

from __future__ import annotations

from pathlib import Path

import typer

from peerval.disclosure import DEFAULT_THRESHOLD, LOWEST_THRESHOLD, DisclosurePolicy
from peerval.evaluation import evaluate_files, parse_invited
from peerval.outfiles import writable_folder

from .app import app, friendly, out
from .files import INSTRUMENTS, MAPPINGS, OUT_DIR, PLACES, RESPONSES, WAVE
from .progress import progress


@app.command("report")
@friendly
def report(
    responses: list[Path] = RESPONSES,
    instruments: list[str] = INSTRUMENTS,
    mappings: list[Path] = MAPPINGS,
    out_dir: Path = OUT_DIR,
    name: str = typer.Option(
        "Peer support evaluation", metavar="TEXT", help="The evaluation's name, the report's title."
    ),
    organisation: str = typer.Option(
        "", metavar="TEXT", help="Who the report is from (the Trust): the Word file's author."
    ),
    wave: str = WAVE,
    disclosure: str = typer.Option(
        "publish", metavar="MODE", help="publish (small groups hidden) or internal."
    ),
    threshold: int = typer.Option(
        DEFAULT_THRESHOLD,
        metavar="N",
        help=f"Smallest group shown when publishing (at least {LOWEST_THRESHOLD}).",
    ),
    rule: str = typer.Option("threshold", metavar="RULE", help="threshold, or nhs_1_7."),
    invited: list[str] = typer.Option(
        [], metavar="GROUP=N", help="How many were invited, e.g. staff=120; gives response rates."
    ),
    places: list[str] = PLACES,
) -> None:
    """Write results.json and the HTML, PDF and Word reports for responses in files."""
    policy = DisclosurePolicy(mode=disclosure, rule=rule, threshold=threshold)  # type: ignore[arg-type]
    invited_by_group = parse_invited(invited)
    writable_folder(out_dir)
    with progress() as bar:
        task = bar.add_task("Importing, scoring and writing the report", total=None)
        written = evaluate_files(
            responses,
            instruments,
            mappings,
            out_dir,
            name=name,
            wave=wave,
            policy=policy,
            invited=invited_by_group,
            organisation=organisation,
            places=places,
        )
        bar.update(task, completed=1)
    for path in written:
        out.print(f"  wrote {path}", markup=False)
