"""Human-coded text: the texts, the codebook (code names in order) and a 0/1 label per code.

A text may carry several codes (multi-label). A label may also be *undecided* (``-1``): a
coder who rejects one suggestion for a new text says nothing about the other codes, so
those stay undecided and that text is left out of training for them only.

Files are read with :func:`peerval.ingest.read_table` (CSV or XLSX, every cell as text);
rows are numbered as a spreadsheet shows them (the header is row 1). Every bad code cell is
reported at once, as an :class:`~peerval.errors.ImportValidationError` naming row and column.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from peerval.errors import DataError, ImportProblem, ImportValidationError, Location
from peerval.ingest import read_table

__all__ = [
    "UNDECIDED",
    "CodedTexts",
    "cell_text",
    "coded_texts_from_frame",
    "read_coded_file",
    "read_text_file",
    "resolve_code_columns",
]

#: the label of a code nobody has decided on for a text
UNDECIDED = -1
_ONE = frozenset({"1", "1.0"})
_ZERO = frozenset({"0", "0.0"})


@dataclass(frozen=True, eq=False)
class CodedTexts:
    """Texts with one label per code: 1 (has it), 0 (has not) or :data:`UNDECIDED`.

    >>> coded = CodedTexts(("kind staff", "long wait"), ("staff", "waiting"),
    ...                    np.array([[1, 0], [0, 1]]))
    >>> coded.positives()
    {'staff': 1, 'waiting': 1}
    >>> len(coded.data_hash())
    64
    """

    texts: tuple[str, ...]
    codes: tuple[str, ...]
    labels: np.ndarray

    def __post_init__(self) -> None:
        labels = np.asarray(self.labels)
        if labels.shape != (len(self.texts), len(self.codes)):
            raise DataError(
                f"labels have shape {labels.shape}; expected {len(self.texts)} texts x "
                f"{len(self.codes)} codes"
            )
        if not np.isin(labels, (UNDECIDED, 0, 1)).all():
            raise DataError("labels must be 1, 0 or -1 (undecided)")
        if len(set(self.codes)) != len(self.codes):
            raise DataError(f"a code is named twice in {list(self.codes)}")
        if not self.codes:
            raise DataError("no codes given")
        object.__setattr__(self, "texts", tuple(str(t) for t in self.texts))
        object.__setattr__(self, "codes", tuple(self.codes))
        object.__setattr__(self, "labels", labels.astype(np.int8))
        self.labels.setflags(write=False)

    def __len__(self) -> int:
        return len(self.texts)

    def positives(self) -> dict[str, int]:
        """How many texts carry each code."""
        counts = (self.labels == 1).sum(axis=0)
        return {code: int(n) for code, n in zip(self.codes, counts, strict=True)}

    def data_hash(self) -> str:
        """SHA-256 of the codes, texts and labels, in order (a model records it)."""
        digest = hashlib.sha256(b"peerval-autocode-data/1\n")
        digest.update(json.dumps(list(self.codes), ensure_ascii=False).encode("utf-8"))
        for text in self.texts:
            raw = text.encode("utf-8")
            digest.update(len(raw).to_bytes(8, "little"))
            digest.update(raw)
        digest.update(np.ascontiguousarray(self.labels, dtype=np.int8).tobytes())
        return digest.hexdigest()

    def to_frame(self, text_column: str = "text") -> pd.DataFrame:
        """One row per text, one column per code (undecided labels as ``-1``)."""
        frame = pd.DataFrame(self.labels, columns=list(self.codes))
        frame.insert(0, text_column, list(self.texts))
        return frame


def resolve_code_columns(
    columns: Sequence[str],
    codes: str | Sequence[str] | None = None,
    codes_from: str | None = None,
    *,
    text: str | None = None,
    file: str | None = None,
) -> list[str]:
    """The code columns asked for, checked against the table's ``columns``.

    ``codes`` is a list of names, or one string of comma-separated names; a name that itself
    holds a comma is found by joining neighbouring pieces. ``codes_from`` instead takes every
    column from that one to the last.

    >>> resolve_code_columns(["text", "Staff, kind", "Wait"], "Staff, kind,Wait")
    ['Staff, kind', 'Wait']
    >>> resolve_code_columns(["id", "text", "a", "b"], codes_from="a")
    ['a', 'b']
    """
    columns = [str(c) for c in columns]
    if (codes is None) == (codes_from is None):
        raise DataError("give the code columns, or the first code column, but not both")
    if codes_from is not None:
        if codes_from not in columns:
            raise DataError("no such column (the first code column)", _at(file, codes_from))
        chosen = columns[columns.index(codes_from) :]
    elif isinstance(codes, str):
        chosen = _split_names(codes, columns, file)
    else:
        chosen = [str(c) for c in codes or ()]
        for name in chosen:
            if name not in columns:
                raise DataError("no such column (a code column)", _at(file, name))
    if text is not None:
        chosen = [c for c in chosen if c != text] if codes_from is not None else chosen
        if text in chosen:
            raise DataError("the text column cannot also be a code column", _at(file, text))
    if not chosen:
        raise DataError("no code columns", Location(file=file))
    twice = sorted({c for c in chosen if chosen.count(c) > 1})
    if twice:
        raise DataError("code column named twice", _at(file, twice[0]))
    return chosen


def _split_names(spec: str, columns: list[str], file: str | None) -> list[str]:
    pieces = spec.split(",")
    names: list[str] = []
    start = 0
    while start < len(pieces):
        for end in range(len(pieces), start, -1):
            candidate = ",".join(pieces[start:end])
            if candidate in columns or candidate.strip() in columns:
                names.append(candidate if candidate in columns else candidate.strip())
                start = end
                break
        else:
            name = pieces[start].strip()
            if name:
                raise DataError("no such column (a code column)", _at(file, name))
            start += 1
    return names


def coded_texts_from_frame(
    frame: pd.DataFrame,
    text: str,
    codes: Sequence[str],
    *,
    file: str | None = None,
) -> CodedTexts:
    """Texts and their 0/1 codes from a table; rows with no text are left out.

    Code cells must be 0 or 1 (``1.0`` and ``0.0`` too); every other value is reported at
    once, with its row (header = row 1) and column.
    """
    if text not in frame.columns:
        raise DataError("no such column (the text column)", _at(file, text))
    codes = list(codes)
    missing = [c for c in codes if c not in frame.columns]
    if missing:
        raise DataError("no such column (a code column)", _at(file, missing[0]))
    texts = frame[text].map(cell_text)
    keep = (texts.str.strip() != "").to_numpy()
    problems: list[ImportProblem] = []
    labels = np.zeros((len(frame), len(codes)), dtype=np.int8)
    for j, code in enumerate(codes):
        cells = frame[code].map(cell_text).str.strip()
        ones = cells.isin(_ONE).to_numpy()
        bad = ~(ones | cells.isin(_ZERO).to_numpy()) & keep
        labels[:, j] = ones
        for position in np.flatnonzero(bad):
            value = cells.iloc[position]
            shown = repr(value) if value else "a blank cell"
            problems.append(
                ImportProblem(
                    "code_value",
                    f"{shown} is not a code value; use 1 (has the code) or 0 (has not)",
                    Location(file=file, row=int(position) + 2, column=code),
                )
            )
    if problems:
        problems.sort(key=lambda p: (p.location.row or 0, codes.index(p.location.column)))
        raise ImportValidationError(problems, file=file)
    if not keep.any():
        raise DataError("no row has any text", _at(file, text))
    return CodedTexts(tuple(texts[keep]), tuple(codes), labels[keep])


def read_coded_file(
    path: str | Path,
    text: str,
    codes: str | Sequence[str] | None = None,
    codes_from: str | None = None,
) -> CodedTexts:
    """Read coded texts from a CSV or XLSX file (see :func:`resolve_code_columns`)."""
    frame = read_text_file(path)
    chosen = resolve_code_columns(frame.columns, codes, codes_from, text=text, file=str(path))
    return coded_texts_from_frame(frame, text, chosen, file=str(path))


def read_text_file(path: str | Path) -> pd.DataFrame:
    """A CSV or XLSX file as a table of text cells, its first row the column names."""
    table = read_table(path)
    header = [str(h) for h in table.iloc[0]]
    twice = sorted({h for h in header if h and header.count(h) > 1})
    if twice:
        raise DataError("two columns have this name", _at(str(path), twice[0]))
    frame = table.iloc[1:].reset_index(drop=True)
    frame.columns = header
    return frame


def cell_text(value: object) -> str:
    """A table cell as text: blank for a missing value, ``3`` for a whole float ``3.0``."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _at(file: str | None, column: str) -> Location:
    return Location(file=file, column=column)
