"""A codebook CSV that is neither UTF-8 nor Windows-1252, or empty, is one clear error."""

import pytest

from peerval.errors import Location
from peerval.qual.codebook_csv import read_codebook_csv
from peerval.qual.hierarchy import CodebookError


def test_a_windows_1250_codebook_is_refused_at_its_row_and_column(tmp_path):
    path = tmp_path / "book.csv"
    path.write_bytes("id,name\nhope,Hope\nwork,Práce a Ťah\n".encode("cp1250"))
    with pytest.raises(CodebookError) as caught:
        read_codebook_csv(path)
    assert caught.value.location == Location(file=str(path), row=3, column="name")
    assert "Windows-1252" in caught.value.message and "CSV UTF-8" in caught.value.message


def test_a_windows_1252_codebook_is_read(tmp_path):
    path = tmp_path / "book.csv"
    path.write_bytes("id,name\ncafe,Café\n".encode("cp1252"))
    assert read_codebook_csv(path).code("cafe").name == "Café"


def test_an_empty_codebook_has_no_header_row(tmp_path):
    path = tmp_path / "book.csv"
    path.write_bytes(b"")
    with pytest.raises(CodebookError, match=r"book.csv: the file is empty \(no header row\)"):
        read_codebook_csv(path)
