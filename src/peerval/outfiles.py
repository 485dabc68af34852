"""Files peerval writes: whole or not at all, safe to open in a spreadsheet, and into a
folder checked before long work starts.

* :func:`replacing` opens a temporary file beside the target; once the caller has written
  it, it is flushed to disk and renamed over the target in one step. If anything fails,
  the temporary file is removed and a file already at the target is left as it was, so
  nobody ever opens half a report or half a project. :func:`write_text` and
  :func:`write_bytes` are the one-call forms.
* :func:`write_csv` writes every CSV peerval makes, and :func:`csv_bytes` gives the same
  bytes for a download. Both pass each text cell through :func:`spreadsheet_safe`, the one
  rule against spreadsheet formula injection: a respondent who answers
  ``=HYPERLINK("http://x","click")`` must not get a live link into an analyst's Excel.
* :func:`writable_folder` and :func:`writable_file` check where output goes before an
  import or analysis that takes minutes, so a typo fails at once.

Every failure is an :class:`OutputError` naming the file or folder.

>>> spreadsheet_safe("=1+1"), spreadsheet_safe("-3"), spreadsheet_safe("-3+cmd")
("'=1+1", '-3', "'-3+cmd")
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pandas as pd

from peerval.errors import Location, PeervalError

__all__ = [
    "FORMULA_START",
    "OutputError",
    "csv_bytes",
    "replacing",
    "spreadsheet_safe",
    "spreadsheet_unsafe",
    "writable_file",
    "writable_folder",
    "write_bytes",
    "write_csv",
    "write_text",
]

#: first characters that make a spreadsheet read a cell as a formula (or hide what
#: follows): the ASCII ones and the full-width forms some spreadsheets also accept
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")


class OutputError(PeervalError):
    """A file or folder that peerval was asked to write cannot be written."""


# ------------------------------------------------------------------------------- whole files
def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


@contextlib.contextmanager
def replacing(path: str | Path, mode: str = "wb") -> Iterator[IO[Any]]:
    """A file object to write ``path`` through: ``"wb"`` for bytes, ``"w"`` for UTF-8 text
    (newlines written as given). ``path`` is replaced only when the block ends normally.

    The temporary file sits in the target's folder (so the rename stays on one disk) and is
    named ``.<name>.<random>.partial``. The new file keeps the permissions of the one it
    replaces (a new one gets the usual permissions), a symbolic link is written through,
    and an :class:`OSError` on the way becomes an :class:`OutputError`.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"mode must be 'w' or 'wb', not {mode!r}")
    named = Path(path)
    path = named.resolve() if named.is_symlink() else named
    partial = path.with_name(f".{path.name}.{secrets.token_hex(4)}.partial")
    try:
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise OutputError(f"cannot write here: {_reason(exc)}", Location(file=str(named))) from exc
    with contextlib.suppress(OSError):  # no earlier file, or a system without modes
        os.chmod(partial, stat.S_IMODE(path.stat().st_mode))
    try:
        text = {"encoding": "utf-8", "newline": ""} if mode == "w" else {}
        with os.fdopen(descriptor, mode, **text) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(partial)
        if isinstance(exc, OSError):
            raise OutputError(f"not written: {_reason(exc)}", Location(file=str(named))) from exc
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (not on Windows)."""
    with contextlib.suppress(OSError, AttributeError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` whole, or leave ``path`` as it was."""
    with replacing(path, "wb") as handle:
        handle.write(data)
    return Path(path)


def write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` to ``path`` as UTF-8, whole, or leave ``path`` as it was."""
    return write_bytes(path, text.encode("utf-8"))


# ------------------------------------------------------------------------------- CSV
def spreadsheet_safe(cell: str) -> str:
    """A text cell that a spreadsheet would run as a formula, with ``'`` in front.

    A cell that looks like a plain number (``-3``, ``+2.5``, ``1e-4``) is left alone, as is
    any cell not starting with one of :data:`FORMULA_START`. A cell that already starts
    with ``'`` before such a character gets one more, so :func:`spreadsheet_unsafe` gives
    back exactly what was written.

    >>> spreadsheet_safe('@cmd'), spreadsheet_safe('fine'), spreadsheet_safe("'=x")
    ("'@cmd", 'fine', "''=x")
    """
    if _formula_like(cell) or (cell.startswith("'") and _formula_like(cell.lstrip("'"))):
        return "'" + cell
    return cell


def spreadsheet_unsafe(cell: str) -> str:
    """The text :func:`spreadsheet_safe` was given, for reading back a file peerval wrote.

    >>> spreadsheet_unsafe(spreadsheet_safe('=SUM(1)'))
    '=SUM(1)'
    """
    if cell.startswith("'") and _formula_like(cell.lstrip("'")):
        return cell[1:]
    return cell


def _formula_like(cell: str) -> bool:
    return cell.startswith(FORMULA_START) and not _NUMBER.fullmatch(cell)


def _safe(value: Any) -> Any:
    return spreadsheet_safe(value) if isinstance(value, str) else value


def _safe_table(table: pd.DataFrame) -> pd.DataFrame:
    """The table with every text cell and column name made safe; numbers are untouched."""
    safe = table.copy()
    types = pd.api.types
    for position in range(safe.shape[1]):
        column = safe.iloc[:, position]
        if not (types.is_numeric_dtype(column) or types.is_datetime64_any_dtype(column)):
            safe.isetitem(position, column.map(_safe))
    safe.columns = [_safe(name) for name in safe.columns]
    return safe


def csv_bytes(table: pd.DataFrame, *, for_excel: bool = False) -> bytes:
    """The table as CSV bytes (UTF-8, no index), every text cell spreadsheet-safe.

    ``for_excel`` adds a byte order mark (so Excel reads accents correctly) and ends lines
    with CRLF, as the shared exports do.
    """
    text = _safe_table(table).to_csv(index=False, lineterminator="\r\n" if for_excel else "\n")
    return text.encode("utf-8-sig" if for_excel else "utf-8")


def write_csv(table: pd.DataFrame, path: str | Path, *, for_excel: bool = False) -> Path:
    """Write :func:`csv_bytes` of the table to ``path``, whole or not at all."""
    return write_bytes(path, csv_bytes(table, for_excel=for_excel))


# ------------------------------------------------------------------------------- checks
def writable_folder(folder: str | Path) -> Path:
    """``folder``, created if missing, once a file has been made and removed in it.

    Raises :class:`OutputError` naming the folder when it is a file, cannot be created, or
    does not accept new files.
    """
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError("is a file, not a folder", Location(file=str(folder))) from None
    except OSError as exc:
        raise OutputError(
            f"the output folder cannot be created: {_reason(exc)}", Location(file=str(folder))
        ) from None
    _probe(folder)
    return folder


def writable_file(path: str | Path) -> Path:
    """``path``, once its folder is known to exist and accept new files (the folder is not
    created: a file's folder that is missing is more likely a typo than a wish)."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise OutputError("the folder to write into does not exist", Location(file=str(folder)))
    if path.is_dir():
        raise OutputError("is a folder, not a file", Location(file=str(path)))
    _probe(folder)
    return path


def _probe(folder: Path) -> None:
    probe = folder / f".peerval-check.{secrets.token_hex(4)}.partial"
    try:
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(
            f"the output folder does not accept new files: {_reason(exc)}",
            Location(file=str(folder)),
        ) from None
