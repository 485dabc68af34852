"""Any bytes decode to text or raise a DataError naming the file, never a codec error; UTF-16,
UTF-32, NUL bytes and tables split by another separator are named for what they are."""

import codecs
import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerval.errors import DataError, Location
from peerval.textfile import decode_text, read_table_text, table_separator


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=120), delimiter=st.sampled_from([",", "\t", None]))
def test_any_bytes_give_text_or_a_data_error_naming_the_file(data, delimiter):
    try:
        text = decode_text(data, "any.csv", delimiter=delimiter)
    except DataError as exc:
        assert str(exc).startswith("any.csv")
        assert "codec" not in str(exc)
        return
    assert isinstance(text, str) and "\x00" not in text


def test_a_utf32_file_is_named_as_utf32():
    data = codecs.BOM_UTF32_LE + "id,name\nr1,Ana\n".encode("utf-32-le")
    with pytest.raises(DataError) as caught:
        decode_text(data, "people.csv", delimiter=",")
    assert caught.value.location == Location(file="people.csv")
    assert "UTF-32" in caught.value.message and '"CSV UTF-8"' in caught.value.message


def test_utf16_with_a_byte_order_mark_holding_nul_characters_is_not_text():
    data = codecs.BOM_UTF16_LE + "Interviewer: hi\x00\x00\n".encode("utf-16-le")
    with pytest.raises(DataError) as caught:
        decode_text(data, "interview.txt")
    assert caught.value.message == "is not a text file (it holds NUL bytes)"


def test_nul_bytes_in_a_file_that_is_not_utf16_say_it_is_not_text():
    data = b"id,name\nr1,Ana\x00\x01\x02\xff\xfe\x90\x10\x00\x00\x00\x00\x00\x01\x02\x03\x04"
    with pytest.raises(DataError) as caught:
        decode_text(data, "photo.csv", delimiter=",")
    assert str(caught.value) == "photo.csv: is not a text file (it holds NUL bytes)"


def test_a_bad_byte_after_a_field_longer_than_the_csv_module_allows_is_placed_by_line():
    data = b"id,name\nr1," + b"a" * 200_000 + b"\n\x81\n"
    with pytest.raises(DataError) as caught:
        decode_text(data, "big.csv", delimiter=",")
    assert caught.value.location == Location(file="big.csv", line=3)
    assert "0x81" in caught.value.message


@pytest.mark.parametrize(
    ("header", "found"),
    [("id\tname", "tab"), ("id;name", "semicolon")],
)
def test_a_table_split_by_another_separator_is_refused_at_its_header_row(header, found):
    data = (header + "\r\nr1" + header[2] + "Ana\r\n").encode("utf-8")
    with pytest.raises(DataError) as caught:
        decode_text(data, "people.csv", delimiter=",")
    assert caught.value.location == Location(file="people.csv", row=1)
    assert f"{found}-separated, not comma-separated" in caught.value.message


def test_a_quoted_comma_in_a_tab_separated_header_row_does_not_change_its_separator():
    text = 'id\t"name, given"\nr1\tAna\n'
    assert table_separator(text, "\t") == "\t"
    assert decode_text(text.encode("utf-8"), "people.tsv", delimiter="\t") == text


def test_excel_unicode_text_is_read_as_a_tab_separated_table(tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes(codecs.BOM_UTF16_LE + "id\tname\r\nr1\tZoë, Ann\r\n".encode("utf-16-le"))
    text, separator = read_table_text(path, delimiter=",")
    assert separator == "\t"
    rows = list(csv.reader(io.StringIO(text), delimiter=separator))
    assert rows == [["id", "name"], ["r1", "Zoë, Ann"]]


def test_a_one_column_table_keeps_the_separator_asked_for():
    assert table_separator("id\nr1\n", ",") == ","
    assert table_separator("", ",") == ","
