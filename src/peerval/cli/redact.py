"""``peerval redact``: redact free text before quoting it, and show what went and why."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import typer

from peerval.errors import DataError, Location
from peerval.outfiles import writable_file, write_text
from peerval.qual.redact import Redactor
from peerval.textfile import read_table_text, read_text

from .app import app, friendly, out
from .files import PLACES

_KINDS = {
    "name": "a name",
    "place": "a place",
    "listed_term": "a listed place",
    "nhs_number": "an NHS number",
    "phone": "a phone number",
    "email": "an email address",
    "postcode": "a postcode",
    "date_of_birth": "a date of birth",
    "address": "an address",
}


def _answers(path: Path, column: str | None) -> list[str]:
    """The answers in a text file (one per line) or in a column of a CSV file."""
    if column is None:
        if path.suffix.lower() == ".csv":
            raise DataError("name the column of answers with --column", Location(file=str(path)))
        return read_text(path).splitlines()
    text, separator = read_table_text(path)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=separator)
    if column not in (reader.fieldnames or []):
        raise DataError(f"there is no column {column!r}", Location(file=str(path), row=1))
    return [(row.get(column) or "") for row in reader]


@app.command("redact")
@friendly
def redact(
    file: Path = typer.Argument(
        ..., metavar="FILE", help="A text file (one answer per line) or a CSV file."
    ),
    column: str = typer.Option(
        None, "--column", metavar="NAME", help="The CSV column holding the answers."
    ),
    places: list[str] = PLACES,
    review: bool = typer.Option(
        False,
        "--review",
        help="Show each answer that changed, what was taken out and why (for checking quotes; "
        "the output holds the words taken out, so do not share it).",
    ),
    out_file: Path = typer.Option(
        None, "--out", metavar="FILE", help="Write the redacted answers here, one per line."
    ),
) -> None:
    """Redact names, places, phone numbers and other personal details from free text."""
    if out_file is not None:
        writable_file(out_file)
    redactor = Redactor(places)
    results = [redactor.redact(answer) for answer in _answers(file, column)]
    if out_file is not None:
        write_text(out_file, "".join(result.text + "\n" for result in results))
        out.print(f"  wrote {out_file}", markup=False)
    elif not review:
        for result in results:
            out.print(result.text, markup=False)
    if review:
        changed = [(n, r) for n, r in enumerate(results, start=1) if r.redactions]
        for number, result in changed:
            out.print(f"answer {number}: {result.text}", markup=False)
            for span in result.redactions:
                out.print(
                    f"  - {span.text!r} taken as {_KINDS[span.kind]}: {span.reason}", markup=False
                )
        answers = "answer" if len(results) == 1 else "answers"
        out.print(f"{len(changed)} of {len(results)} {answers} changed.", markup=False)
