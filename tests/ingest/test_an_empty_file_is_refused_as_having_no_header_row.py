"""An empty file (or one of blank lines) is refused as having no header row, not with a
parser's message."""

import pytest

from peerval.errors import DataError, Location
from peerval.ingest import import_table, read_table


@pytest.mark.parametrize(
    ("name", "data"),
    [("empty.csv", b""), ("blank.csv", b"\r\n\r\n"), ("empty.xlsx", b""), ("empty.tsv", b"")],
)
def test_an_empty_file_has_no_header_row(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DataError) as caught:
        read_table(path)
    assert caught.value.location == Location(file=str(path))
    assert caught.value.message == "the file is empty (no header row)"


def test_importing_an_empty_file_says_so(tmp_path, staff):
    path = tmp_path / "responses.csv"
    path.write_bytes(b"")
    with pytest.raises(DataError, match=r"responses.csv: the file is empty \(no header row\)"):
        import_table(path, staff, wave="2026")
