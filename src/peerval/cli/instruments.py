"""``peerval instruments``: list, show and validate instruments; install wording packs."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Column, Table

from peerval.errors import InstrumentError
from peerval.instruments import (
    Instrument,
    Scale,
    default_registry,
    load_instrument,
    publish_problem,
)

from .app import app, err, friendly, out
from .plural import counted

instruments_app = typer.Typer(help="List, show and validate instruments.", no_args_is_help=True)
app.add_typer(instruments_app, name="instruments")

#: the narrowest the item table's wrapped columns (text, answers) may become
_WRAPPED_MIN = 10


@instruments_app.command("list")
@friendly
def list_instruments() -> None:
    """List every registered instrument (built-in and your own)."""
    table = Table(
        Column("id", no_wrap=True),
        Column("version", no_wrap=True),
        Column("for", no_wrap=True),
        Column("wording", no_wrap=True),
        "title",
        box=None,
        pad_edge=False,
    )
    registry = default_registry()
    for instrument in registry.all():
        wording = "included"
        if instrument.needs_wording_pack:
            wording = "installed" if instrument.has_wording else "pack needed"
        table.add_row(
            instrument.id,
            instrument.version,
            instrument.respondent_group,
            wording,
            instrument.title,
        )
    out.print(table)
    for problem in registry.broken():
        err.print(f"Warning: skipped {problem}", markup=False)


@instruments_app.command("show")
@friendly
def show(
    instrument_id: str = typer.Argument(..., metavar="ID", help="Instrument id, e.g. inspire."),
    version: str = typer.Option(None, help="A version other than the latest."),
) -> None:
    """Show an instrument's items, options and scoring rules."""
    registry = default_registry()
    instrument = registry.get(instrument_id, version)
    out.print(f"{instrument.title} ({instrument.id} {instrument.version})", markup=False)
    out.print(f"file: {registry.path(instrument_id, version)}", markup=False)
    out.print(f"content hash: {instrument.content_hash}")
    out.print(
        f"respondents: {instrument.respondent_group}; licence: {instrument.licence.name}",
        markup=False,
    )
    if instrument.citation:
        out.print(f"citation: {instrument.citation}", markup=False)
    problem = publish_problem(instrument)
    if problem:
        out.print(f"cannot be published: {problem}", markup=False)
    out.print(_items_table(instrument, out.width))
    for set_id, set_options in instrument.option_sets.items():
        labels = ", ".join(
            f"{o.code}={o.label}" + (" (missing)" if o.missing else "") for o in set_options
        )
        out.print(f"option set {set_id}: {labels}", markup=False)
    for scale in instrument.scales:
        low, high = instrument.score_range(scale)
        status = "verified" if scale.verified else "NOT VERIFIED against official scoring"
        gated = (
            " (each counted only if marked important)" if any(e.gate for e in scale.items) else ""
        )
        out.print(
            f"scale {scale.id}: {scale.title}; score = {_formula(scale)} over "
            f"{counted(len(scale.items), 'item')}{gated}, range {low:g}-{high:g}; {status}",
            markup=False,
        )


def _items_table(instrument: Instrument, width: int) -> Table:
    """The items as a table whose ids (in the item and flags columns) are never cut: the
    free text wraps, and on a terminal too narrow for that the table is wider than it."""
    table = Table(
        Column("item", no_wrap=True),
        Column("type", no_wrap=True),
        Column("text", overflow="fold"),
        Column("answers", overflow="fold"),
        Column("flags", no_wrap=True),
    )
    for item in instrument.items:
        if isinstance(item.options, str):
            options = f"set {item.options}"
        else:
            options = "\n".join(f"{o.code}={o.label}" for o in instrument.options_for(item))
        flags = [f for f, on in (("required", item.required), ("reverse", item.reverse)) if on]
        if item.show_if:
            flags.append(f"if {item.show_if.item} in {item.show_if.in_}")
        table.add_row(
            item.id, item.type, item.text or "(licensed wording)", options, "\n".join(flags)
        )
    whole = sum(
        max(len(line) for cell in [column.header, *column.cells] for line in str(cell).split("\n"))
        for column in table.columns
        if column.no_wrap
    )
    wrapped = sum(_WRAPPED_MIN for column in table.columns if not column.no_wrap)
    edges = 3 * len(table.columns) + 1  # a border and two spaces of padding each, one more border
    if whole + wrapped + edges > width:
        table.width = whole + wrapped + edges
    return table


def _formula(scale: Scale) -> str:
    """A scale's rule as people write it: "(mean - 1) x 25"."""
    text = scale.method
    if scale.offset:
        sign = "+" if scale.offset > 0 else "-"
        text = f"({text} {sign} {abs(scale.offset):g})"
    if scale.multiplier != 1:
        text += f" x {scale.multiplier:g}"
    return text


@instruments_app.command("validate")
@friendly
def validate(
    files: list[Path] = typer.Argument(..., metavar="FILE...", help="Instrument YAML files."),
) -> None:
    """Check instrument files; errors name the file, the field and the line."""
    failed = 0
    for path in files:
        try:
            instrument = load_instrument(path)
        except InstrumentError as exc:
            err.print(f"Error: {exc}", markup=False)
            failed += 1
            continue
        out.print(
            f"{path}: OK ({instrument.id} {instrument.version}, "
            f"{counted(len(instrument.items), 'item')}, "
            f"{counted(len(instrument.scales), 'scale')}, hash {instrument.content_hash[:12]})",
            markup=False,
        )
    if failed:
        raise typer.Exit(2)


@instruments_app.command("install-wording")
@friendly
def install_wording(
    file: Path = typer.Argument(..., metavar="FILE", help="A licensed wording pack (YAML)."),
) -> None:
    """Install a licensed wording pack (item text keyed by item id) for your own use."""
    instrument, target = default_registry().install_wording(file)
    out.print(
        f"Installed wording for {instrument.title} ({instrument.id} "
        f"{instrument.version}) to {target}",
        markup=False,
    )
