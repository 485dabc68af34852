"""Hierarchical codebooks as CSV: one row per code, checked as a whole before anything is used.

Columns (``id`` and ``name`` are required; the rest may be left out or blank):
``id, name, description, inclusion, exclusion, parent_id, colour, codable``.
A themed codebook table as the demo writes it (``theme_id, theme, code_id, code,
description, valence``) is read too, each theme becoming a parent code.
``codable`` takes yes/no, true/false or 1/0 and defaults to yes. Rows are numbered as a
spreadsheet shows them (the header is row 1), and every problem is reported at once.
The file may be UTF-8 or Windows-1252 (:mod:`peerval.textfile`).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pandas as pd

from peerval.errors import DataError, ImportProblem, ImportValidationError, Location
from peerval.outfiles import spreadsheet_unsafe, write_csv
from peerval.qual.hierarchy import (
    CodebookError,
    HierarchicalCode,
    HierarchicalCodebook,
)
from peerval.textfile import read_text

__all__ = ["COLUMNS", "read_codebook_csv", "write_codebook_csv"]

COLUMNS = ("id", "name", "description", "inclusion", "exclusion", "parent_id", "colour", "codable")
_TRUE = {"yes", "true", "1", "y"}
_FALSE = {"no", "false", "0", "n"}


def write_codebook_csv(codebook: HierarchicalCodebook, path: str | Path) -> Path:
    """Write the codebook as CSV (UTF-8), parents before their children, through
    :func:`peerval.outfiles.write_csv`: text a spreadsheet would run as a formula gets a
    ``'`` in front, which :func:`read_codebook_csv` takes off again."""
    rows = []
    for _, code in codebook.depth_first():
        row = code.to_dict()
        row["parent_id"] = code.parent_id or ""
        row["colour"] = code.colour or ""
        row["codable"] = "yes" if code.codable else "no"
        rows.append(row)
    return write_csv(pd.DataFrame(rows, columns=list(COLUMNS), dtype=object), path)


def read_codebook_csv(source: str | Path, *, text: str | None = None) -> HierarchicalCodebook:
    """Read a codebook CSV file (or ``text``, named ``source``); raise
    :class:`~peerval.errors.ImportValidationError` listing every problem with its row and
    column: missing columns, blank ids or names, duplicate ids, unknown parents, cycles."""
    name = str(source)
    if text is None:
        text = read_text(source, delimiter=",", error=CodebookError)
    if not text.strip():
        raise CodebookError("the file is empty (no header row)", Location(file=name))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    records: list[dict[str, Any]] = []
    try:  # read every row now, so that a row the csv module cannot parse is named here
        for record in reader:
            records.append(record)
    except csv.Error as exc:
        row = len(records) + (2 if reader.fieldnames is not None else 1)
        raise CodebookError(
            f"the row cannot be read as CSV: {exc}", Location(file=name, row=row)
        ) from exc

    header = [h.strip() for h in (reader.fieldnames or [])]
    if {"theme_id", "code_id"} <= set(header):
        return _themed(records, name)
    problems: list[ImportProblem] = []

    def problem(kind: str, message: str, row: int | None, column: str | None) -> None:
        problems.append(ImportProblem(kind, message, Location(file=name, row=row, column=column)))

    for required in ("id", "name"):
        if required not in header:
            problem("missing_column", f"the header has no {required!r} column", 1, None)
    if problems:
        raise ImportValidationError(problems, file=name)

    rows: list[tuple[int, HierarchicalCode]] = []
    first_row: dict[str, int] = {}
    for number, raw in enumerate(records, start=2):
        row = {k.strip(): _cell(v) for k, v in raw.items() if k is not None}
        code_id, label = row.get("id", ""), row.get("name", "")
        if not code_id:
            problem("blank", "the code id is blank", number, "id")
            continue
        if code_id in first_row:
            problem(
                "duplicate",
                f"code id {code_id!r} is also on row {first_row[code_id]}",
                number,
                "id",
            )
            continue
        first_row[code_id] = number
        if not label:
            problem("blank", f"code {code_id!r} has no name", number, "name")
            continue
        codable = row.get("codable", "").lower()
        if codable and codable not in _TRUE | _FALSE:
            problem("value", f"codable must be yes or no, not {codable!r}", number, "codable")
            continue
        try:
            code = HierarchicalCode(
                code_id,
                label,
                row.get("description", ""),
                row.get("inclusion", ""),
                row.get("exclusion", ""),
                row.get("parent_id") or None,
                row.get("colour") or None,
                codable not in _FALSE,
            )
        except CodebookError as exc:
            column = "colour" if "colour" in exc.message else "parent_id"
            problem("value", exc.message, number, column)
            continue
        rows.append((number, code))

    by_id = {code.id: (number, code) for number, code in rows}
    for number, code in rows:
        parent = code.parent_id
        if parent is not None and parent not in by_id and parent not in first_row:
            problem(
                "unknown_parent",
                f"parent {parent!r} of code {code.id!r} is not in the codebook",
                number,
                "parent_id",
            )
    reported: set[str] = set()
    for number, code in rows:
        chain, parent = [code.id], code.parent_id
        while parent is not None and parent in by_id and parent not in chain:
            chain.append(parent)
            parent = by_id[parent][1].parent_id
        if parent is not None and parent in chain and code.id not in reported:
            loop = chain[chain.index(parent) :]
            reported.update(loop)
            problem(
                "cycle",
                "codes form a cycle: " + " -> ".join([*loop, parent]),
                number,
                "parent_id",
            )
    if problems:
        problems.sort(key=lambda p: p.location.row or 0)
        raise ImportValidationError(problems, file=name)
    return HierarchicalCodebook(tuple(code for _, code in rows))


def _cell(value: str | None) -> str:
    """A cell as written, without the ``'`` that made it safe for a spreadsheet."""
    return spreadsheet_unsafe((value or "").strip())


def _themed(records: list[dict[str, Any]], name: str) -> HierarchicalCodebook:
    """A themed codebook table (one row per code, with its theme) as a hierarchical one."""
    from peerval.qual.codebook import Code, Codebook, Theme

    themes: dict[str, tuple[str, list[Code]]] = {}
    problems: list[ImportProblem] = []
    for number, raw in enumerate(records, start=2):
        row = {k.strip(): _cell(v) for k, v in raw.items() if k is not None}
        for column in ("theme_id", "code_id"):
            if not row.get(column):
                problems.append(
                    ImportProblem(
                        "blank",
                        f"{column} is blank",
                        Location(file=name, row=number, column=column),
                    )
                )
        if problems and problems[-1].location.row == number:
            continue
        theme = themes.setdefault(row["theme_id"], (row.get("theme") or row["theme_id"], []))
        theme[1].append(
            Code(
                row["code_id"],
                row.get("code") or row["code_id"],
                row.get("description", ""),
                row.get("valence") or "positive",
            )
        )
    if problems:
        raise ImportValidationError(problems, file=name)
    try:
        book = Codebook(
            name, "1", tuple(Theme(i, t, "", tuple(codes)) for i, (t, codes) in themes.items())
        )
        return HierarchicalCodebook.from_themed(book)
    except DataError as exc:  # a code in two themes, or a theme with a code's id
        raise CodebookError(exc.message, Location(file=name)) from None
