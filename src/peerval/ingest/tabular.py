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

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd

from peerval.errors import DataError, ImportProblem, ImportValidationError, Location
from peerval.instruments.schema import Instrument, Item
from peerval.responses import ResponseSet

from .mapping import Mapping

__all__ = ["import_table", "read_table"]

NOT_STATED = "Not stated"

_SPACES = re.compile(r"\s+")


def read_table(path: str | Path, sheet: str | int | None = None) -> pd.DataFrame:
    """Read a CSV or XLSX file as text, header row included as row 0 (nothing inferred)."""
    path = Path(path)
    if not path.is_file():
        raise DataError("file not found", Location(file=str(path)))
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            raw = pd.read_excel(
                path,
                sheet_name=0 if sheet is None else sheet,
                header=None,
                dtype=object,
                engine="openpyxl",
            )
            table = raw.map(_cell_text)
        elif suffix in (".csv", ".txt", ".tsv"):
            sep = "\t" if suffix == ".tsv" else ","
            try:
                table = _read_csv(path, sep, "utf-8-sig")
            except UnicodeDecodeError:
                # Excel's "CSV" (not "CSV UTF-8") in the UK is Windows-1252
                table = _read_csv(path, sep, "cp1252")
        else:
            raise DataError(
                f"unsupported file type {suffix or '(none)'}; use .csv or .xlsx",
                Location(file=str(path)),
            )
    except (pd.errors.ParserError, ValueError, KeyError) as exc:
        raise DataError(f"cannot read the table: {exc}", Location(file=str(path))) from None
    if table.empty:
        raise DataError("the file is empty", Location(file=str(path)))
    return table


def _read_csv(path: Path, sep: str, encoding: str) -> pd.DataFrame:
    return pd.read_csv(
        path,
        sep=sep,
        header=None,
        dtype=str,
        keep_default_na=False,
        encoding=encoding,
        skip_blank_lines=False,
    )


def _cell_text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):  # openpyxl gives datetime; pandas Timestamp is one too
        midnight = (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0)
        return value.date().isoformat() if midnight else value.isoformat()
    return str(value)


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


@dataclass
class _Plan:
    """Which source column feeds what."""

    items: dict[str, tuple[Item, dict[str, int]]]  # column -> (item, extra labels)
    attributes: dict[str, str]  # column -> attribute name
    id_column: str | None
    respondent_id_column: str | None
    wave_column: str | None


class _Problems:
    def __init__(self, file: str) -> None:
        self.file = file
        self.found: list[ImportProblem] = []

    def add(
        self,
        kind: str,
        message: str,
        row: int | None = None,
        column: str | None = None,
        item: str | None = None,
    ) -> None:
        location = Location(file=self.file, row=row, column=column, item=item)
        self.found.append(ImportProblem(kind, message, location))


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
    problems = _Problems(file)

    plan = _plan(header, instrument, mapping, problems)
    group = (
        respondent_group
        or mapping.respondent_group
        or (instrument.respondent_group if instrument.respondent_group != "any" else None)
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
        converter = _converter(instrument, item, extra, mapping, column, problems)
        kind = item.type
        if kind == "free_text":
            texts[item.id] = cells.where(cells != "")
        elif kind == "date":
            texts[item.id] = _dates(cells, rows, column, item, problems)
        elif kind == "multi_choice":
            multi[item.id] = _multi(cells, rows, column, item, mapping, converter, problems)
        else:
            expected = _expected(instrument, item)
            coded[item.id] = _codes(cells, rows, column, item, expected, converter, problems)

    _check_required(instrument, coded, blank, rows, plan, problems)

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
    header: list[str], instrument: Instrument, mapping: Mapping, problems: _Problems
) -> _Plan:
    by_id = {item.id: item for item in instrument.items}
    by_text = {_norm(item.text): item for item in instrument.items if item.text}
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
        elif _norm(name) in by_text:
            item, extra = by_text[_norm(name)], {}
        elif name == "response_id" and mapping.response_id is None:
            special = special | {name}
            continue
        else:
            problems.add(
                "unknown_column",
                f"not an item of {instrument.id!r}; map it, or list it under ignore",
                row=1,
                column=name,
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
    problems: _Problems,
) -> pd.Series:
    if id_column is None or id_column not in col:
        return pd.Series([f"row-{r}" for r in rows], dtype=object)
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


def _converter(
    instrument: Instrument,
    item: Item,
    extra: dict[str, int],
    mapping: Mapping,
    column: str,
    problems: _Problems,
) -> Callable[[str], tuple[float | None, str]]:
    """A function from one cell text to (code, problem kind); used once per unique value."""
    options = instrument.options_for(item)
    codes = {o.code for o in options}
    labels = {_norm(o.label): float(o.code) for o in options}
    labels |= {_norm(k): float(v) for k, v in extra.items()}
    if item.type == "yes_no":
        labels |= {"y": 1.0, "n": 0.0, "true": 1.0, "false": 0.0}
    bad_extra = sorted(v for v in extra.values() if v not in codes)
    if bad_extra and item.type != "number":
        problems.add(
            "bad_mapping",
            f"the mapping's labels give codes {bad_extra} that item {item.id} does not have",
            row=1,
            column=column,
            item=item.id,
        )

    def convert(text: str) -> tuple[float | None, str]:
        if item.type == "number":
            try:
                number = float(text.replace(",", ""))  # "1,000": thousands separator
            except ValueError:
                if _norm(text) in labels:
                    return labels[_norm(text)], ""
                return None, "wrong_type"
            if not math.isfinite(number):
                return None, "wrong_type"
            low = item.min if item.min is not None else -math.inf
            high = item.max if item.max is not None else math.inf
            return (number, "") if low <= number <= high else (None, "out_of_range")
        key = _norm(text)
        if key in labels:
            return labels[key], ""
        try:
            number = float(text)
        except ValueError:
            return None, "unknown_label"
        if number.is_integer() and int(number) in codes:
            return number, ""
        return None, "out_of_range"

    return convert


def _expected(instrument: Instrument, item: Item) -> str:
    if item.type == "number":
        low = "" if item.min is None else f"{item.min:g}"
        high = "" if item.max is None else f"{item.max:g}"
        return f"a number {low}-{high}".rstrip("-") if low or high else "a number"
    shown = [f"{o.code}={o.label}" for o in instrument.options_for(item)]
    return "one of " + ", ".join(shown)


def _codes(
    cells: pd.Series,
    rows: np.ndarray,
    column: str,
    item: Item,
    expected: str,
    convert: Callable[[str], tuple[float | None, str]],
    problems: _Problems,
) -> pd.Series:
    uniques = pd.unique(cells[cells != ""])
    lookup = {u: convert(u) for u in uniques}
    values = cells.map(lambda t: lookup[t][0] if t in lookup else None).astype(float)
    bad = (cells != "") & values.isna()
    if bad.any():
        for idx in np.flatnonzero(bad.to_numpy()):
            text = cells.iloc[idx]
            kind = lookup[text][1]
            what = {
                "unknown_label": f"unknown answer {text!r}",
                "out_of_range": f"value {text!r} is out of range",
                "wrong_type": f"{text!r} is not a number",
            }[kind]
            problems.add(
                kind,
                f"{what}; expected {expected}",
                row=int(rows[idx]),
                column=column,
                item=item.id,
            )
    return values


def _dates(
    cells: pd.Series, rows: np.ndarray, column: str, item: Item, problems: _Problems
) -> pd.Series:
    present = cells != ""
    uniques = pd.unique(cells[present])
    lookup: dict[str, str | None] = {}
    for text in uniques:
        value = None
        try:
            value = datetime.fromisoformat(text).date().isoformat()
        except ValueError:
            try:
                value = datetime.strptime(text, "%d/%m/%Y").date().isoformat()
            except ValueError:
                value = None
        lookup[text] = value
    result = cells.map(lambda t: lookup.get(t) if t else None)
    bad = present & result.isna()
    for idx in np.flatnonzero(bad.to_numpy()):
        problems.add(
            "wrong_type",
            f"{cells.iloc[idx]!r} is not a date (use YYYY-MM-DD or DD/MM/YYYY)",
            row=int(rows[idx]),
            column=column,
            item=item.id,
        )
    return result.astype(object)


def _multi(
    cells: pd.Series,
    rows: np.ndarray,
    column: str,
    item: Item,
    mapping: Mapping,
    convert: Callable[[str], tuple[float | None, str]],
    problems: _Problems,
) -> list[tuple[np.ndarray, float]]:
    """(row positions, code) for every chosen option."""
    chosen: dict[float, list[int]] = {}
    sep = mapping.multi_separator
    for idx in np.flatnonzero((cells != "").to_numpy()):
        for part in cells.iloc[idx].split(sep):
            part = part.strip()
            if not part:
                continue
            code, kind = convert(part)
            if code is None:
                what = "unknown answer" if kind == "unknown_label" else "out-of-range value"
                problems.add(
                    kind,
                    f"{what} {part!r} for item {item.id}",
                    row=int(rows[idx]),
                    column=column,
                    item=item.id,
                )
                continue
            chosen.setdefault(code, []).append(idx)
    return [(np.array(sorted(set(v))), k) for k, v in chosen.items()]


def _check_required(
    instrument: Instrument,
    coded: dict[str, pd.Series],
    blank_cells: dict[str, np.ndarray],
    rows: np.ndarray,
    plan: _Plan,
    problems: _Problems,
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
    respondent_ids = (
        body[col[plan.respondent_id_column]].astype(str).str.strip().to_numpy(dtype=object)
        if plan.respondent_id_column
        else id_array
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
