"""``peerval score``: score a file of responses against an instrument."""

from __future__ import annotations

from pathlib import Path

import typer

from peerval.ingest import Mapping, import_table, load_mapping
from peerval.instruments import default_registry
from peerval.outfiles import writable_file, write_csv
from peerval.scoring import score_responses, scores_to_wide

from .app import app, friendly, out
from .plural import counted
from .progress import progress


@app.command("score")
@friendly
def score(
    instrument_id: str = typer.Option(
        ...,
        "--instrument",
        "-i",
        metavar="ID",
        help="Instrument id (see 'peerval instruments list').",
    ),
    responses: Path = typer.Option(
        ...,
        "--responses",
        "-r",
        metavar="FILE",
        help="Responses as CSV or XLSX, one row per response.",
    ),
    mapping_file: Path = typer.Option(
        None, "--mapping", "-m", metavar="FILE", help="Column mapping (YAML); see docs/import.md."
    ),
    preset: str = typer.Option(
        None, metavar="NAME", help="Read an export of a known tool: msforms (Microsoft Forms)."
    ),
    out_file: Path = typer.Option(
        ..., "--out", "-o", metavar="FILE", help="Where to write the scores (CSV)."
    ),
    wave: str = typer.Option(
        "1", metavar="WAVE", help="Wave label, if the mapping does not give one."
    ),
    group: str = typer.Option(
        None,
        metavar="GROUP",
        help="Respondent group (service_user or staff), if the "
        "instrument is for any group and the mapping does not say.",
    ),
) -> None:
    """Import, validate and score responses; write one row per response with reasons."""
    writable_file(out_file)
    instrument = default_registry().get(instrument_id)
    mapping = (load_mapping(mapping_file) if mapping_file else Mapping()).using(preset)
    with progress() as bar:
        task = bar.add_task("Importing and validating", total=2)
        imported = import_table(
            responses, instrument, mapping, wave=mapping.wave or wave, respondent_group=group
        )
        bar.update(task, advance=1, description="Scoring")
        scores = score_responses(imported, instrument)
        bar.update(task, advance=1)
    wide = scores_to_wide(scores)
    write_csv(wide, out_file)
    out.print(
        f"Scored {counted(len(wide), 'response')} on "
        f"{counted(len(instrument.scales), 'scale')} -> {out_file}",
        markup=False,
    )
    not_scorable = scores.loc[scores["status"] != "scored"]
    for scale_id, count in not_scorable.groupby("scale", sort=False).size().items():
        out.print(
            f"  {scale_id}: {count} not scorable (reasons in {scale_id}_reason)", markup=False
        )
