"""Reading one sheet of an Excel workbook (.xlsx) as text, without trusting the file.

The archive is checked against :class:`~peerval.archives.ArchiveLimits` before openpyxl
opens it, and the sheet is read row by row with a budget of :data:`MAX_CELLS`, so neither a
zip bomb nor a tiny sheet that claims a cell in column XFD of row 1,048,576 can exhaust the
memory. Cells become text exactly as :func:`peerval.ingest.read_table` has always given them.

A formula cell is read as the value Excel saved beside it. A file written by a program that
does not calculate formulas has none, and such a cell is refused by name rather than read
as a blank.
"""

from __future__ import annotations

import math
import warnings
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from peerval.archives import ArchiveLimits, check_archive
from peerval.errors import DataError, Location, PeervalError

__all__ = ["MAX_CELLS", "cell_text", "read_workbook", "sniff"]

#: the most cells (rows x columns, blanks included) a sheet may span
MAX_CELLS = 5_000_000

_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and Office files protected by a password


def sniff(path: Path) -> str:
    """What the first bytes of a file say it is: ``zip``, ``ole``, ``text`` or ``binary``."""
    with path.open("rb") as handle:
        head = handle.read(4096)
    if head.startswith(_ZIP):
        return "zip"
    if head.startswith(_OLE):
        return "ole"
    if b"\x00" in head:
        return "binary"
    controls = sum(byte < 32 and byte not in (9, 10, 13) for byte in head)
    return "binary" if controls > len(head) // 20 else "text"


def cell_text(value: object) -> str:
    """A cell's value as the text an import reads (integer floats without ``.0``)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):  # openpyxl gives datetime; pandas Timestamp is one too
        midnight = (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0)
        return value.date().isoformat() if midnight else value.isoformat()
    return str(value)


def read_workbook(
    path: Path, sheet: str | int | None = None, *, limits: ArchiveLimits | None = None
) -> pd.DataFrame:
    """One sheet (the first unless named or numbered from 0) as text, header row included."""
    where = Location(file=str(path))
    kind = sniff(path)
    if kind == "ole":
        raise DataError(
            "not a valid .xlsx file: this looks like an old Excel (.xls) workbook or one "
            "protected by a password; save it from Excel as an Excel Workbook (.xlsx) "
            "without a password",
            where,
        )
    if kind == "text":
        raise DataError(
            "not a valid .xlsx file: this looks like a CSV or text file saved with an .xlsx "
            "name; rename it to .csv",
            where,
        )
    if kind != "zip":
        raise DataError("not a valid .xlsx file (it is not a zip archive)", where)
    check_archive(path, limits=limits, what="valid .xlsx (zip)")
    kinds: dict[tuple[int, int], str | None] = {}
    try:
        with warnings.catch_warnings():  # openpyxl's notes on styles and extensions it skips
            warnings.simplefilter("ignore", UserWarning)
            rows, formulas, name = _read(path, sheet, data_only=False)
            if formulas:  # read again for the values Excel saved beside the formulas
                rows, kinds, _ = _read(path, sheet, data_only=True, wanted=set(formulas))
    except PeervalError:
        raise
    except MemoryError:
        raise DataError("the workbook is too large to read", where) from None
    except Exception as exc:  # openpyxl raises assorted errors on damaged files
        raise DataError(
            f"not a valid .xlsx file, or a damaged one ({type(exc).__name__}: {exc})", where
        ) from None
    # no saved value reads as a blank number; a formula that gave "" is a blank *string*
    uncached = [c for c in formulas if kinds.get(c) == "n" and _at(rows, c) is None]
    if uncached:
        cells = ", ".join(_label(c) for c in uncached[:3])
        more = f" and {len(uncached) - 3} more" if len(uncached) > 3 else ""
        raise DataError(
            f"sheet {name!r}: formula cell {cells}{more} has no saved value (the file was "
            "written by a program that does not calculate formulas); open it in Excel and "
            "save it, or paste the values in place of the formulas",
            where,
        )
    width = max((len(row) for row in rows), default=0)
    table = [[cell_text(v) for v in row] + [""] * (width - len(row)) for row in rows]
    return pd.DataFrame(table, dtype=object)


def _label(coordinate: tuple[int, int]) -> str:
    from openpyxl.utils import get_column_letter

    row, column = coordinate
    return f"{get_column_letter(column)}{row}"


def _at(rows: list[list[Any]], coordinate: tuple[int, int]) -> Any:
    row, column = coordinate
    if row - 1 < len(rows) and column - 1 < len(rows[row - 1]):
        return rows[row - 1][column - 1]
    return None


def _read(
    path: Path,
    sheet: str | int | None,
    *,
    data_only: bool,
    wanted: set[tuple[int, int]] | None = None,
) -> tuple[list[list[Any]], Any, str]:
    """The sheet's values by row (trailing blanks trimmed), and its name.

    Read with ``data_only`` false, the second item lists the formula cells (whose values
    are left blank); read with it true, it gives the data type of each ``wanted`` cell.
    """
    from openpyxl import load_workbook

    # the file is opened here, so that it is closed even when openpyxl fails part-way
    with path.open("rb") as handle:
        book = load_workbook(handle, read_only=True, data_only=data_only, keep_links=False)
        try:
            return _rows(book, path, sheet, data_only, wanted)
        finally:
            book.close()


def _rows(
    book: Any,
    path: Path,
    sheet: str | int | None,
    data_only: bool,
    wanted: set[tuple[int, int]] | None,
) -> tuple[list[list[Any]], Any, str]:
    worksheet = _sheet(book, sheet, path)
    worksheet.reset_dimensions()  # the dimensions a file declares may be wrong
    rows: list[list[Any]] = []
    formulas: list[tuple[int, int]] = []
    kinds: dict[tuple[int, int], str | None] = {}
    filled = width = 0
    for number, cells in enumerate(worksheet.rows, start=1):
        values = []
        for column, cell in enumerate(cells, start=1):
            kind = getattr(cell, "data_type", None)
            if wanted and (number, column) in wanted:
                kinds[number, column] = kind
            if kind == "f":
                formulas.append((number, column))
                values.append(None)
            else:
                values.append(None if kind == "e" else cell.value)
        while values and cell_text(values[-1]) == "":
            values.pop()
        if values:
            filled, width = number, max(width, len(values))
            if filled * width > MAX_CELLS:
                raise DataError(
                    f"sheet {worksheet.title!r} is too large to import: it spans more than "
                    f"{MAX_CELLS:,} cells (at least {filled:,} rows by {width:,} columns)",
                    Location(file=str(path)),
                )
        rows.append(values)
    return rows[:filled], (kinds if data_only else formulas), worksheet.title


def _sheet(book: Any, sheet: str | int | None, path: Path) -> Any:
    sheets = book.worksheets
    names = ", ".join(repr(s.title) for s in sheets) or "none"
    if isinstance(sheet, str):
        found = next((s for s in sheets if s.title == sheet), None)
        if found is None:
            raise DataError(
                f"the workbook has no sheet named {sheet!r} (its sheets: {names})",
                Location(file=str(path), field="sheet"),
            )
        return found
    number = 0 if sheet is None else sheet
    if not 0 <= number < len(sheets):
        raise DataError(
            f"the workbook has no sheet number {number} (counting from 0; its sheets: {names})",
            Location(file=str(path), field="sheet"),
        )
    return sheets[number]
