"""Import CSV and XLSX files into the response contract, validating everything in one pass.

Rows are numbered as a spreadsheet shows them: the header is row 1, the first answer row 2.
Every problem in the file is collected (unknown column, unknown answer label, value out of
range, wrong type, missing required answer, duplicate response id) and raised together as
one :class:`~peerval.errors.ImportValidationError`; an import returns a whole
:class:`~peerval.responses.ResponseSet` or nothing.

Work is done per column over unique values, so the cost grows with rows x columns, not with
Python calls per cell.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from peerval.archives import ArchiveLimits
from peerval.errors import DataError, ImportValidationError, Location
from peerval.instruments.schema import Instrument, Item
from peerval.responses import ResponseSet
from peerval.textfile import read_table_text

from . import cells as readers
from .mapping import Mapping
from .workbook import read_workbook, sniff

__all__ = ["import_table", "read_table"]

NOT_STATED = "Not stated"
RESPONDENT_GROUPS = ("service_user", "staff")
EMPTY = "the file is empty (no header row)"


def read_table(
    path: str | Path, sheet: str | int | None = None, *, limits: ArchiveLimits | None = None
) -> pd.DataFrame:
    """Read a CSV or XLSX file as text, header row included as row 0 (nothing inferred).

    A CSV file may be UTF-8 or Windows-1252 (see :mod:`peerval.textfile`); any other
    encoding, or an empty file, is a :class:`~peerval.errors.DataError` naming the file.
    An XLSX file is read by :func:`peerval.ingest.workbook.read_workbook`, within the
    archive ``limits`` (by default those of the environment).
    """
    path = Path(path)
    if path.is_dir():
        raise DataError("is a folder, not a file", Location(file=str(path)))
    if not path.is_file():
        raise DataError("file not found", Location(file=str(path)))
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv", ".txt", ".tsv"):
        raise DataError(
            f"unsupported file type {suffix or '(none)'}; use .csv or .xlsx",
            Location(file=str(path)),
        )
    try:
        if path.stat().st_size == 0:
            raise DataError(EMPTY, Location(file=str(path)))
        if suffix in (".xlsx", ".xlsm"):
            table = read_workbook(path, sheet, limits=limits)
        else:
            _not_a_workbook(path)
            sep = "\t" if suffix == ".tsv" else ","
            # UTF-8, or Excel's "CSV" (not "CSV UTF-8"), which in the UK is Windows-1252
            # Excel's "Unicode Text" (UTF-16, tab-separated) named .csv is read as what it is
            text, sep = read_table_text(path, delimiter=sep)
            if not text.strip():
                raise DataError(EMPTY, Location(file=str(path)))
            table = _read_csv(text, sep)
    except (pd.errors.ParserError, ValueError, KeyError) as exc:
        raise DataError(f"cannot read the table: {exc}", Location(file=str(path))) from None
    except OSError as exc:
        raise DataError(
            f"cannot read the file ({exc.strerror})", Location(file=str(path))
        ) from None
    if table.empty:
        raise DataError(EMPTY, Location(file=str(path)))
    return table


def _read_csv(text: str, sep: str) -> pd.DataFrame:
    return pd.read_csv(
        io.StringIO(text),
        sep=sep,
        header=None,
        dtype=str,
        keep_default_na=False,
        skip_blank_lines=False,
    )


def _not_a_workbook(path: Path) -> None:
    """Refuse a workbook saved under a text file's name, saying what it looks like."""
    kind = sniff(path)
    if kind == "zip":
        raise DataError(
            f"this looks like an Excel workbook saved with a {path.suffix} name; rename it "
            "to .xlsx, or save it from Excel as CSV UTF-8",
            Location(file=str(path)),
        )
    if kind == "ole":
        raise DataError(
            f"this looks like an old Excel (.xls) workbook saved with a {path.suffix} name; "
            "save it from Excel as CSV UTF-8 or as an Excel Workbook (.xlsx)",
            Location(file=str(path)),
        )


@dataclass
class _Plan:
    """Which source column feeds what."""

    items: dict[str, tuple[Item, dict[str, int]]]  # column -> (item, extra labels)
    attributes: dict[str, str]  # column -> attribute name
    id_column: str | None
    respondent_id_column: str | None
    wave_column: str | None


def import_table(
    path: str | Path,
    instrument: Instrument,
    mapping: Mapping | None = None,
    *,
    wave: str | None = None,
    respondent_group: str | None = None,
    mode: str = "import",
) -> ResponseSet:
    """Import one file of responses to one instrument; all or nothing."""
    mapping = (mapping or Mapping()).with_preset()
    file = str(path)
    if mapping.instrument and mapping.instrument != instrument.id:
        raise DataError(
            f"the mapping is for instrument {mapping.instrument!r}, not {instrument.id!r}",
            Location(file=mapping.file, field="instrument"),
        )
    table = read_table(path, mapping.sheet)
    header = [str(h).strip() for h in table.iloc[0].tolist()]
    body = table.iloc[1:]
    body.columns = range(len(header))
    # empty lines are skipped, but rows keep the numbers a spreadsheet shows (header = 1)
    filled = body.ne("").any(axis=1).to_numpy()
    rows = np.arange(2, len(body) + 2)[filled]
    body = body[filled].reset_index(drop=True)
    if body.empty:
        raise DataError("the file has a header row but no responses", Location(file=file))
    problems = readers.Problems(file)

    plan = _plan(header, instrument, mapping, problems)
    group = (
        respondent_group
        or mapping.respondent_group
        or (instrument.respondent_group if instrument.respondent_group != "any" else None)
    )
    if group is not None and group not in RESPONDENT_GROUPS:
        raise DataError(
            f"unknown respondent group {group!r} (use {' or '.join(RESPONDENT_GROUPS)})",
            Location(file=mapping.file or file, field="respondent_group"),
        )
    if group is None:
        raise DataError(
            f"instrument {instrument.id!r} is for any respondent group: say which "
            "(mapping field respondent_group, or --group)",
            Location(file=file),
        )
    wave_value = wave or mapping.wave
    if wave_value is None and plan.wave_column is None:
        raise DataError(
            "no wave given (mapping field wave or wave_column, or --wave)", Location(file=file)
        )

    col = {name: n for n, name in enumerate(header)}
    ids = _response_ids(body, col, plan.id_column, rows, problems)

    coded: dict[str, pd.Series] = {}  # item id -> float codes (NaN = blank or bad)
    texts: dict[str, pd.Series] = {}  # item id -> text answers
    multi: dict[str, list[tuple[np.ndarray, float]]] = {}
    blank: dict[str, np.ndarray] = {}  # item id -> empty cells
    for column, (item, extra) in plan.items.items():
        cells = body[col[column]].astype(str).str.strip()
        blank[item.id] = (cells == "").to_numpy()
        converter = readers.converter(instrument, item, extra, mapping, column, problems)
        kind = item.type
        if kind == "free_text":
            texts[item.id] = cells.where(cells != "")
        elif kind == "date":
            texts[item.id] = readers.dates(cells, rows, column, item, problems)
        elif kind == "multi_choice":
            multi[item.id] = readers.multi(cells, rows, column, item, mapping, converter, problems)
        else:
            expected = readers.expected(instrument, item)
            coded[item.id] = readers.codes(cells, rows, column, item, expected, converter, problems)

    _check_required(instrument, coded, blank, rows, plan, problems)

    if plan.respondent_id_column in col:
        people = body[col[plan.respondent_id_column]].astype(str).str.strip()
        for idx in np.flatnonzero((people == "").to_numpy()):
            problems.add(
                "missing_id",
                "no respondent id",
                row=int(rows[idx]),
                column=plan.respondent_id_column,
            )

    if plan.wave_column in col:
        waves = body[col[plan.wave_column]].astype(str).str.strip().to_numpy(dtype=object)
        for idx in np.flatnonzero(waves == ""):
            problems.add("missing_wave", "no wave", row=int(rows[idx]), column=plan.wave_column)
    else:
        waves = np.full(len(body), wave_value, dtype=object)

    if problems.found:
        problems.found.sort(key=lambda p: (p.location.row or 0, p.location.column or ""))
        raise ImportValidationError(problems.found, file=file)

    return _assemble(instrument, body, col, plan, ids, waves, group, mode, coded, texts, multi)


def _plan(
    header: list[str], instrument: Instrument, mapping: Mapping, problems: readers.Problems
) -> _Plan:
    by_id = {item.id: item for item in instrument.items}
    by_text = {readers.norm(item.text): item for item in instrument.items if item.text}
    items: dict[str, tuple[Item, dict[str, int]]] = {}
    attributes: dict[str, str] = {}
    seen: dict[str, int] = {}
    for n, name in enumerate(header):
        if name in seen:
            problems.add(
                "duplicate_column",
                f"column {name!r} appears twice (columns {seen[name] + 1} and {n + 1})",
                row=1,
                column=name,
            )
        seen[name] = n
    special = {mapping.response_id, mapping.respondent_id, mapping.wave_column} - {None}
    for name in special:
        if name not in seen:
            problems.add(
                "missing_column",
                "the mapping names this column but the file has none",
                row=1,
                column=name,
            )
    used_items: dict[str, str] = {}
    looks_like_msforms = (
        mapping.preset is None
        and mapping.response_id is None
        and {"ID", "Start time", "Completion time"} <= set(header)
    )
    for name in header:
        if name in special or mapping.ignores(name):
            continue
        if name in mapping.columns:
            target = mapping.columns[name]
            item = by_id.get(target.item)
            if item is None:
                problems.add(
                    "unknown_item",
                    f"the mapping sends this column to unknown item {target.item!r}",
                    row=1,
                    column=name,
                )
                continue
            extra = target.labels
        elif name in mapping.attributes:
            attributes[name] = mapping.attributes[name]
            continue
        elif name in by_id:
            item, extra = by_id[name], {}
        elif readers.norm(name) in by_text:
            item, extra = by_text[readers.norm(name)], {}
        elif name == "response_id" and mapping.response_id is None:
            special = special | {name}
            continue
        else:
            hint = "map it, or list it under ignore"
            if looks_like_msforms:
                hint = "this looks like a Microsoft Forms export: use the msforms preset"
            problems.add(
                "unknown_column", f"not an item of {instrument.id!r}; {hint}", row=1, column=name
            )
            continue
        if item.id in used_items:
            problems.add(
                "duplicate_column",
                f"item {item.id} is already read from column {used_items[item.id]!r}",
                row=1,
                column=name,
                item=item.id,
            )
            continue
        used_items[item.id] = name
        items[name] = (item, extra)
    id_column = mapping.response_id or ("response_id" if "response_id" in seen else None)
    return _Plan(items, attributes, id_column, mapping.respondent_id, mapping.wave_column)


def _response_ids(
    body: pd.DataFrame,
    col: dict[str, int],
    id_column: str | None,
    rows: np.ndarray,
    problems: readers.Problems,
) -> pd.Series:
    if id_column is None or id_column not in col:
        return ("row-" + pd.Series(rows).astype(str)).astype(object)
    ids = body[col[id_column]].astype(str).str.strip()
    for r in rows[(ids == "").to_numpy()]:
        problems.add("missing_id", "no response id", row=int(r), column=id_column)
    dup = ids.duplicated(keep="first") & (ids != "")
    if dup.any():
        first_row = dict(
            zip(ids[~ids.duplicated(keep="first")], rows[~ids.duplicated().to_numpy()], strict=True)
        )
        for idx in np.flatnonzero(dup.to_numpy()):
            value = ids.iloc[idx]
            problems.add(
                "duplicate_id",
                f"duplicate response id {value!r} (first seen in row {first_row[value]})",
                row=int(rows[idx]),
                column=id_column,
            )
    return ids.astype(object)


def _check_required(
    instrument: Instrument,
    coded: dict[str, pd.Series],
    blank_cells: dict[str, np.ndarray],
    rows: np.ndarray,
    plan: _Plan,
    problems: readers.Problems,
) -> None:
    column_of = {item.id: column for column, (item, _) in plan.items.items()}
    for item in instrument.items:
        if not item.required:
            continue
        if item.id not in column_of:
            problems.add(
                "missing_column",
                f"required item {item.id} has no column in the file",
                row=1,
                item=item.id,
            )
            continue
        blank = blank_cells[item.id].copy()
        if item.show_if is not None and item.show_if.item in coded:
            shown = coded[item.show_if.item].isin(item.show_if.in_).to_numpy()
            blank &= shown
        for idx in np.flatnonzero(blank):
            problems.add(
                "missing_required",
                "required answer is missing",
                row=int(rows[idx]),
                column=column_of[item.id],
                item=item.id,
            )


def _assemble(
    instrument: Instrument,
    body: pd.DataFrame,
    col: dict[str, int],
    plan: _Plan,
    ids: pd.Series,
    waves: np.ndarray,
    group: str,
    mode: str,
    coded: dict[str, pd.Series],
    texts: dict[str, pd.Series],
    multi: dict[str, list[tuple[np.ndarray, float]]],
) -> ResponseSet:
    id_array = ids.to_numpy(dtype=object)
    parts: list[pd.DataFrame] = []
    for item_id, values in coded.items():
        keep = values.notna().to_numpy()
        parts.append(
            pd.DataFrame(
                {
                    "row": np.flatnonzero(keep),
                    "item_id": item_id,
                    "value": values.to_numpy()[keep],
                    "text": None,
                }
            )
        )
    for item_id, text in texts.items():
        keep = text.notna().to_numpy()
        parts.append(
            pd.DataFrame(
                {
                    "row": np.flatnonzero(keep),
                    "item_id": item_id,
                    "value": np.nan,
                    "text": text.to_numpy()[keep],
                }
            )
        )
    for item_id, chosen in multi.items():
        for positions, code in chosen:
            parts.append(
                pd.DataFrame({"row": positions, "item_id": item_id, "value": code, "text": None})
            )
    long = (
        pd.concat(parts, ignore_index=True)
        if parts
        else pd.DataFrame(
            {
                "row": pd.Series(dtype=int),
                "item_id": pd.Series(dtype=object),
                "value": pd.Series(dtype=float),
                "text": pd.Series(dtype=object),
            }
        )
    )
    long = long.sort_values(["row"], kind="stable")
    positions = long["row"].to_numpy()
    answers = pd.DataFrame(
        {
            "response_id": id_array[positions],
            "wave": waves[positions],
            "instrument": instrument.id,
            "instrument_version": instrument.version,
            "respondent_group": group,
            "item_id": long["item_id"].to_numpy(),
            "value": long["value"].to_numpy(dtype=float),
            "text": long["text"].to_numpy(dtype=object),
        }
    )
    # without a person column each questionnaire is its own person, named so that the same
    # response id in another instrument's file ("1" in two Forms exports) is another person
    respondent_ids = (
        body[col[plan.respondent_id_column]].astype(str).str.strip().to_numpy(dtype=object)
        if plan.respondent_id_column
        else (f"{instrument.id}:" + pd.Series(id_array).astype(str)).to_numpy(dtype=object)
    )
    respondents = pd.DataFrame(
        {
            "response_id": id_array,
            "respondent_id": respondent_ids,
            "wave": waves,
            "respondent_group": group,
            "instrument": instrument.id,
            "mode": mode,
        }
    )
    for item in instrument.items:
        if item.attribute and item.id in coded:
            labels = {float(o.code): o.label for o in instrument.options_for(item)}
            respondents[item.attribute] = coded[item.id].map(labels).fillna(NOT_STATED).to_numpy()
        elif item.attribute and item.attribute not in respondents:
            respondents[item.attribute] = NOT_STATED
    for column, attribute in plan.attributes.items():
        values = body[col[column]].astype(str).str.strip()
        respondents[attribute] = values.where(values != "", NOT_STATED).to_numpy()
    return ResponseSet(answers, respondents)
