"""Text files as people save them, decoded or refused with one clear line.

A file is read as UTF-8 (with or without a byte-order mark), as UTF-16 when it starts with
a UTF-16 byte-order mark (Excel's "Unicode Text"), or else as Windows-1252 (what Excel's
plain "CSV" gives on a UK computer). Anything else, and anything holding NUL bytes (UTF-16
without a byte-order mark, UTF-32, or not text at all), is refused with a
:class:`~peerval.errors.DataError` (or the subclass the caller names) that says where the
first byte that is not UTF-8 is, which encodings were tried, and how to save the file as
UTF-8. Tables say the row and column, as a spreadsheet numbers them (the header is row 1);
other text says the line and the byte on that line.

A table whose header row is split by another separator than the one expected (a tab, as
in Excel's "Unicode Text", or a semicolon) is refused by :func:`decode_text` with a line
that says so, instead of being read as one column; :func:`read_table_text` reads it with
the separator its header row uses.

>>> decode_text("Café".encode("cp1252"), "notes.txt")
'Café'
>>> decode_text(b"id,name\\nr1,\\x8dava\\n", "people.csv", delimiter=",")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
peerval.errors.DataError: people.csv, row 2, column 'name': cannot read the text: ...
>>> table = codecs.BOM_UTF16_LE + "id\\tname\\nr1\\tAna\\n".encode("utf-16-le")
>>> decode_text(table, "people.csv", delimiter=",")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
peerval.errors.DataError: people.csv, row 1: the header row is tab-separated, not comma-...
>>> table_separator("id\\tname\\nr1\\tAna\\n", ",")
'\\t'
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from pathlib import Path

from peerval.errors import DataError, Location

__all__ = ["SEPARATORS", "TRIED", "decode_text", "read_table_text", "read_text", "table_separator"]

#: the encodings a file may be in, as messages name them
TRIED = "UTF-8, UTF-16 with a byte-order mark, Windows-1252"

#: the separators a table may use, as messages name them
SEPARATORS = {",": "comma", "\t": "tab", ";": "semicolon"}

_TABLE_ADVICE = 'save it as "CSV UTF-8" (in Excel: File > Save As) and try again'
_TEXT_ADVICE = "save it as UTF-8 text (in Word or Notepad: Save As, encoding UTF-8) and try again"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_LINE_END = re.compile(r"\r\n|\r|\n")


def read_text(
    path: str | Path, *, delimiter: str | None = None, error: type[DataError] = DataError
) -> str:
    """A text file's contents (see :func:`decode_text`); ``OSError`` passes through."""
    path = Path(path)
    return decode_text(path.read_bytes(), str(path), delimiter=delimiter, error=error)


def read_table_text(
    path: str | Path, *, delimiter: str = ",", error: type[DataError] = DataError
) -> tuple[str, str]:
    """A table file's text and the separator to read it with (see :func:`table_separator`).

    Excel's "Unicode Text" (UTF-16, tab-separated) saved as ``.csv`` or ``.txt`` is read
    as the table it is. Problems with the encoding are placed by row and column as
    :func:`decode_text` places them; ``OSError`` passes through.
    """
    path = Path(path)
    text, _ = _decode(path.read_bytes(), str(path), delimiter, error)
    separator = table_separator(text, delimiter)
    return text, separator


def decode_text(
    data: bytes, file: str, *, delimiter: str | None = None, error: type[DataError] = DataError
) -> str:
    """Decode a file's bytes, or raise ``error`` naming ``file`` and where the problem is.

    ``delimiter`` marks the text as a table with that separator, so that a problem is
    placed by row and column instead of by line and byte, and a header row split by
    another separator (and not by ``delimiter``) is refused.
    """
    text, utf16 = _decode(data, file, delimiter, error)
    if delimiter is not None:
        found = table_separator(text, delimiter)
        if found != delimiter:
            raise error(_separator_message(found, delimiter, utf16), Location(file=file, row=1))
    return text


def table_separator(text: str, delimiter: str = ",") -> str:
    """The separator of a table's header row: ``delimiter`` unless the header row holds
    a single field by it and several by another of :data:`SEPARATORS`."""
    header = _LINE_END.split(text, maxsplit=1)[0]
    best, most = delimiter, _fields(header, delimiter)
    if most > 1:
        return delimiter
    for separator in SEPARATORS:
        count = _fields(header, separator) if separator != delimiter else 0
        if count > most:
            best, most = separator, count
    return best


def _fields(line: str, separator: str) -> int:
    """How many fields ``line`` has, read as CSV with ``separator`` (one if it cannot be)."""
    try:
        return len(next(csv.reader([line], delimiter=separator), []))
    except csv.Error:  # a field longer than the csv module allows
        return 1


def _separator_message(found: str, expected: str, utf16: bool) -> str:
    found_name = SEPARATORS.get(found, repr(found))
    expected_name = SEPARATORS.get(expected, repr(expected))
    message = f"the header row is {found_name}-separated, not {expected_name}-separated"
    if utf16 and found == "\t":
        message += ' (the file is UTF-16, as Excel\'s "Unicode Text" saves it)'
    return f"{message}; {_TABLE_ADVICE}"


def _decode(
    data: bytes, file: str, delimiter: str | None, error: type[DataError]
) -> tuple[str, bool]:
    """The text of ``data``, and whether it was UTF-16; or raise ``error``."""
    advice = _TABLE_ADVICE if delimiter is not None else _TEXT_ADVICE
    not_text = "is not a text file (it holds NUL bytes)"
    if data.startswith(_UTF32_BOMS):
        raise error(f"is UTF-32 text; {advice}", Location(file=file))
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise error(
                f"starts like UTF-16 text but is not ({exc.reason}); {advice}",
                Location(file=file),
            ) from None
        if "\x00" in text:
            raise error(not_text, Location(file=file))
        return text, True
    if b"\x00" in data:  # never in UTF-8 or Windows-1252 text
        if _looks_like_utf16(data):
            raise error(
                f"looks like UTF-16 text without a byte-order mark; {advice}", Location(file=file)
            )
        raise error(not_text, Location(file=file))
    body = data[len(codecs.BOM_UTF8) :] if data.startswith(codecs.BOM_UTF8) else data
    try:
        return body.decode("utf-8"), False
    except UnicodeDecodeError as exc:
        try:
            return body.decode("cp1252"), False
        except UnicodeDecodeError:
            raise _undecodable(body, exc.start, file, delimiter, advice, error) from None


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

    def by_line() -> DataError:
        line_start = body.rfind(b"\n", 0, start) + 1
        location = Location(file=file, line=before.count("\n") + 1)
        return error(message(f" (byte {start - line_start + 1} of the line)"), location)

    if delimiter is None:
        return by_line()
    # a stand-in for the bad byte shows which row and field it falls in
    try:
        rows = list(csv.reader(io.StringIO(before + "?"), delimiter=delimiter))
    except csv.Error:  # a field longer than the csv module allows: say the line instead
        return by_line()
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
