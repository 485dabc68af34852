"""A CSV file that is neither UTF-8 nor Windows-1252 is refused at the row and column of its
first character that is not UTF-8, naming the encodings tried; the encodings Excel saves in
are still read."""

import codecs

import pytest

from peerval.errors import DataError, Location
from peerval.ingest import read_table

HEADER = "response_id,care_group,what_works\n"


def test_a_windows_1250_file_is_refused_at_its_row_and_column(tmp_path):
    path = tmp_path / "responses.csv"
    # 0x8D is Ť in Windows-1250 and undefined in Windows-1252
    path.write_bytes((HEADER + "r1,1,Fine\nr2,2,Ťava\n").encode("cp1250"))
    with pytest.raises(DataError) as caught:
        read_table(path)
    error = caught.value
    assert error.location == Location(file=str(path), row=3, column="what_works")
    assert "0x8D" in error.message
    assert "UTF-8, UTF-16 with a byte-order mark, Windows-1252" in error.message
    assert "codec" not in str(error)


def test_a_bad_byte_in_the_header_names_the_field(tmp_path):
    path = tmp_path / "responses.csv"
    path.write_bytes("response_id,Ťým\nr1,1\n".encode("cp1250"))
    with pytest.raises(DataError) as caught:
        read_table(path)
    assert caught.value.location == Location(file=str(path), row=1)
    assert "field 2 of the header" in caught.value.message


def test_a_row_after_a_cell_spanning_lines_is_numbered_as_a_spreadsheet_shows_it(tmp_path):
    path = tmp_path / "responses.csv"
    text = HEADER + 'r1,1,"two\nlines"\nr2,1,\x8d\n'
    path.write_bytes(text.encode("utf-8").replace(b"\xc2\x8d", b"\x8d"))
    with pytest.raises(DataError) as caught:
        read_table(path)
    assert caught.value.location == Location(file=str(path), row=3, column="what_works")


def test_utf16_without_a_byte_order_mark_is_named_as_such(tmp_path):
    path = tmp_path / "responses.csv"
    path.write_bytes((HEADER + "r1,1,Fine\n").encode("utf-16-le"))
    with pytest.raises(DataError, match="UTF-16 text without a byte-order mark"):
        read_table(path)


@pytest.mark.parametrize(
    "data",
    [
        (HEADER + "r1,1,Café\n").encode("cp1252"),
        (HEADER + "r1,1,Café\n").encode("utf-8-sig"),
        codecs.BOM_UTF16_LE + (HEADER + "r1,1,Café\n").encode("utf-16-le"),
    ],
    ids=["windows-1252", "utf-8 with bom", "utf-16 with bom"],
)
def test_the_encodings_excel_saves_in_are_read(tmp_path, data):
    path = tmp_path / "responses.csv"
    path.write_bytes(data)
    table = read_table(path)
    assert table.iloc[0].tolist() == ["response_id", "care_group", "what_works"]
    assert table.iloc[1, 2] == "Café"
