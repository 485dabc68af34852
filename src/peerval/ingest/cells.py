"""Reading cells: answer labels and codes, numbers, dates and multiple choices.

Each reader works on one column, calls its converter once per unique value, and records a
problem (with row and column) for every cell it cannot read.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import datetime

import numpy as np
import pandas as pd

from peerval.errors import ImportProblem, Location
from peerval.instruments.schema import Instrument, Item

from .mapping import Mapping

__all__ = ["Problems", "codes", "converter", "dates", "expected", "multi", "norm"]

_SPACES = re.compile(r"\s+")


def norm(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


class Problems:
    """Every problem found in one file."""

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


def converter(
    instrument: Instrument,
    item: Item,
    extra: dict[str, int],
    mapping: Mapping,
    column: str,
    problems: Problems,
) -> Callable[[str], tuple[float | None, str]]:
    """A function from one cell text to (code, problem kind); used once per unique value."""
    options = instrument.options_for(item)
    codes = {o.code for o in options}
    labels = {norm(o.label): float(o.code) for o in options}
    labels |= {norm(k): float(v) for k, v in extra.items()}
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
                if norm(text) in labels:
                    return labels[norm(text)], ""
                return None, "wrong_type"
            if not math.isfinite(number):
                return None, "wrong_type"
            low = item.min if item.min is not None else -math.inf
            high = item.max if item.max is not None else math.inf
            return (number, "") if low <= number <= high else (None, "out_of_range")
        key = norm(text)
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


def expected(instrument: Instrument, item: Item) -> str:
    if item.type == "number":
        low = "" if item.min is None else f"{item.min:g}"
        high = "" if item.max is None else f"{item.max:g}"
        return f"a number {low}-{high}".rstrip("-") if low or high else "a number"
    shown = [f"{o.code}={o.label}" for o in instrument.options_for(item)]
    return "one of " + ", ".join(shown)


def codes(
    cells: pd.Series,
    rows: np.ndarray,
    column: str,
    item: Item,
    expected: str,
    convert: Callable[[str], tuple[float | None, str]],
    problems: Problems,
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


def dates(
    cells: pd.Series, rows: np.ndarray, column: str, item: Item, problems: Problems
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


def multi(
    cells: pd.Series,
    rows: np.ndarray,
    column: str,
    item: Item,
    mapping: Mapping,
    convert: Callable[[str], tuple[float | None, str]],
    problems: Problems,
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
