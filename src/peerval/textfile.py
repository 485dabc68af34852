"""Text files as people save them, decoded or refused with one clear line.

A file is read as UTF-8 (with or without a byte-order mark), as UTF-16 when it starts with
a UTF-16 byte-order mark (Excel's "Unicode Text"), or else as Windows-1252 (what Excel's
plain "CSV" gives on a UK computer). Anything else, and anything holding NUL bytes (UTF-16
without a byte-order mark, or not text at all), is refused with a
:class:`~peerval.errors.DataError` (or the subclass the caller names) that says where the
first byte that is not UTF-8 is, which encodings were tried, and how to save the file as
UTF-8. Tables say the row and column, as a spreadsheet numbers them (the header is row 1);
other text says the line and the byte on that line.

>>> decode_text("Café".encode("cp1252"), "notes.txt")
'Café'
>>> decode_text(b"id,name\\nr1,\\x8dava\\n", "people.csv", delimiter=",")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
peerval.errors.DataError: people.csv, row 2, column 'name': cannot read the text: ...
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

from peerval.errors import DataError, Location

__all__ = ["TRIED", "decode_text", "read_text"]

#: the encodings a file may be in, as messages name them
TRIED = "UTF-8, UTF-16 with a byte-order mark, Windows-1252"

_TABLE_ADVICE = 'save it as "CSV UTF-8" (in Excel: File > Save As) and try again'
_TEXT_ADVICE = "save it as UTF-8 text (in Word or Notepad: Save As, encoding UTF-8) and try again"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def read_text(
    path: str | Path, *, delimiter: str | None = None, error: type[DataError] = DataError
) -> str:
    """A text file's contents (see :func:`decode_text`); ``OSError`` passes through."""
    path = Path(path)
    return decode_text(path.read_bytes(), str(path), delimiter=delimiter, error=error)


def decode_text(
    data: bytes, file: str, *, delimiter: str | None = None, error: type[DataError] = DataError
) -> str:
    """Decode a file's bytes, or raise ``error`` naming ``file`` and where the problem is.

    ``delimiter`` marks the text as a table with that separator, so that a problem is
    placed by row and column instead of by line and byte.
    """
    advice = _TABLE_ADVICE if delimiter is not None else _TEXT_ADVICE
    if data.startswith(_UTF16_BOMS) and not data.startswith(codecs.BOM_UTF32_LE):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise error(
                f"starts like UTF-16 text but is not ({exc.reason}); {advice}",
                Location(file=file),
            ) from None
    else:
        body = data[len(codecs.BOM_UTF8) :] if data.startswith(codecs.BOM_UTF8) else data
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            try:
                text = body.decode("cp1252")
            except UnicodeDecodeError:
                raise _undecodable(body, exc.start, file, delimiter, advice, error) from None
    if "\x00" in text:
        if _looks_like_utf16(data):
            message = f"looks like UTF-16 text without a byte-order mark; {advice}"
        else:
            message = "is not a text file (it holds NUL bytes)"
        raise error(message, Location(file=file))
    return text


def _undecodable(
    body: bytes,
    start: int,
    file: str,
    delimiter: str | None,
    advice: str,
    error: type[DataError],
) -> DataError:
    """The error for bytes that are neither UTF-8 nor Windows-1252, placed at ``start``."""
    before = body[:start].decode("utf-8")  # everything before the first bad byte is UTF-8

    def message(place: str = "") -> str:
        return (
            f"cannot read the text: the byte 0x{body[start]:02X} here{place} is not UTF-8, "
            f"and the file is not Windows-1252 either (tried {TRIED}); {advice}"
        )

    if delimiter is None:
        line_start = body.rfind(b"\n", 0, start) + 1
        location = Location(file=file, line=before.count("\n") + 1)
        return error(message(f" (byte {start - line_start + 1} of the line)"), location)
    # a stand-in for the bad byte shows which row and field it falls in
    rows = list(csv.reader(io.StringIO(before + "?"), delimiter=delimiter))
    row, field = len(rows), len(rows[-1])
    if row == 1:
        return error(message(f" (field {field} of the header)"), Location(file=file, row=1))
    header = rows[0]
    column = header[field - 1].strip() if field <= len(header) else None
    if column:
        return error(message(), Location(file=file, row=row, column=column))
    return error(message(f" (field {field})"), Location(file=file, row=row))


def _looks_like_utf16(data: bytes) -> bool:
    """Mostly NUL bytes in the even or the odd places, as UTF-16 gives for Latin text."""
    sample = data[:4096]
    half = len(sample) // 2
    if half == 0:
        return False
    return max(sample[0::2].count(0), sample[1::2].count(0)) >= half * 0.6
