"""Fuzzing the shared text decoding (peerval.textfile): any bytes give text or a DataError
naming the file within the bound, and text saved the ways people save it reads back."""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from peerval.errors import DataError
from peerval.textfile import decode_text, read_table_text, table_separator
from tests.fuzz.bounds import read_within

BOMS = [
    b"",
    codecs.BOM_UTF8,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
]
DELIMITERS = [None, ",", "\t", ";"]
text_without_nul = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=200)
plain_fields = st.text("abcxyz é1 2-_.", min_size=1, max_size=8).filter(str.strip)


def _decode(data: bytes, delimiter: str | None) -> object:
    return read_within(lambda: decode_text(data, "upload.csv", delimiter=delimiter), seconds=5)


def _check(result: object) -> None:
    if isinstance(result, str):
        assert "\x00" not in result
    else:
        assert isinstance(result, DataError)
        assert str(result).startswith("upload.csv")
        assert "codec" not in str(result)


@settings(max_examples=300, deadline=None)
@given(
    bom=st.sampled_from(BOMS),
    data=st.binary(max_size=300),
    delimiter=st.sampled_from(DELIMITERS),
)
def test_any_bytes_give_text_or_a_data_error_naming_the_file(bom, data, delimiter):
    _check(_decode(bom + data, delimiter))


@settings(max_examples=200, deadline=None)
@given(
    text=text_without_nul,
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                              "utf-32", "cp1252", "cp1250", "shift_jis", "latin-1"]),
    delimiter=st.sampled_from(DELIMITERS),
)  # fmt: skip
def test_text_in_any_encoding_gives_text_or_a_data_error(text, encoding, delimiter):
    _check(_decode(text.encode(encoding, errors="replace"), delimiter))


@settings(max_examples=200, deadline=None)
@given(
    text=text_without_nul.filter(lambda t: not t.startswith("\ufeff")),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
def test_utf8_and_utf16_with_a_byte_order_mark_read_back_exactly(text, encoding):
    assert _decode(text.encode(encoding), None) == text


@settings(max_examples=150, deadline=None)
@given(text=st.text(st.characters(codec="cp1252", exclude_characters="\x00"), max_size=200))
def test_windows_1252_reads_back_unless_its_bytes_are_also_utf8(text):
    data = text.encode("cp1252")
    result = _decode(data, None)
    assert result == text or result == data.decode("utf-8", errors="strict")


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(st.lists(plain_fields, min_size=2, max_size=6), min_size=1, max_size=5),
    separator=st.sampled_from([",", "\t", ";"]),
    expected=st.sampled_from([",", "\t", ";"]),
    utf16=st.booleans(),
)
def test_a_table_is_read_with_the_separator_its_header_row_uses(rows, separator, expected, utf16):
    text = "".join(separator.join(row) + "\r\n" for row in rows)
    assert table_separator(text, expected) == separator
    data = codecs.BOM_UTF16_LE + text.encode("utf-16-le") if utf16 else text.encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "table.csv"
        path.write_bytes(data)
        assert read_within(lambda: read_table_text(path, delimiter=expected)) == (text, separator)
    result = _decode(data, expected)
    if separator == expected:
        assert result == text
    else:
        assert isinstance(result, DataError) and result.location.row == 1


def test_huge_and_late_problems_are_answered_within_the_bound():
    big = b"a" * 300_000
    for data, delimiter in [
        (b"id,name\nr1," + big + b"\n\x81\n", ","),
        (b'id,name\nr1,"' + big + b'\x8d"\n', ","),
        (big + b"\n" + b"\x00", None),
        (codecs.BOM_UTF16_LE + big + b"x", ","),
        (codecs.BOM_UTF16_LE + "\ud800".encode("utf-16-le", errors="surrogatepass"), None),
        (b"\t".join([b"col"] * 20_000) + b"\n", ","),
        (b"\r" * 100_000 + b"\x81", ","),
    ]:
        _check(_decode(data, delimiter))
