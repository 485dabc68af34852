"""A code cell other than 0 or 1 is reported with its row and column; all at once."""

import pandas as pd
import pytest

from peerval.errors import ImportValidationError
from peerval.qual.autocode import read_coded_file


def test_every_bad_code_cell_is_reported_with_row_and_column(tmp_path):
    path = tmp_path / "coded.csv"
    pd.DataFrame(
        {
            "comment": ["kind staff", "long wait", "both", "neither"],
            "staff": ["1", "0", "yes", "0"],
            "waiting": ["0", "2", "1", ""],
        }
    ).to_csv(path, index=False)
    with pytest.raises(ImportValidationError) as caught:
        read_coded_file(path, "comment", "staff,waiting")
    found = [(p.location.row, p.location.column) for p in caught.value.problems]
    # rows as a spreadsheet shows them: the header is row 1
    assert found == [(3, "waiting"), (4, "staff"), (5, "waiting")]
    assert "'yes' is not a code value" in str(caught.value)
    assert "a blank cell" in str(caught.value)
    assert all(p.location.file == str(path) for p in caught.value.problems)


def test_one_and_zero_written_as_decimals_are_accepted(tmp_path):
    path = tmp_path / "coded.csv"
    path.write_text("comment,staff\nkind staff,1.0\nlong wait,0.0\n")
    assert read_coded_file(path, "comment", "staff").labels.tolist() == [[1], [0]]


def test_rows_without_text_are_left_out(tmp_path):
    path = tmp_path / "coded.csv"
    path.write_text("comment,staff\nkind staff,1\n,0\nlong wait,0\n")
    coded = read_coded_file(path, "comment", "staff")
    assert coded.texts == ("kind staff", "long wait")
