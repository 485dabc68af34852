"""A text or code column that is not in the file is named, with the file, in the error."""

import pandas as pd
import pytest

from peerval.errors import DataError
from peerval.qual.autocode import read_coded_file, resolve_code_columns


@pytest.fixture
def csv(tmp_path):
    path = tmp_path / "coded.csv"
    pd.DataFrame(
        {"comment": ["kind staff", "long wait"], "staff": [1, 0], "waiting": [0, 1]}
    ).to_csv(path, index=False)
    return path


def test_a_missing_code_column_is_named(csv):
    with pytest.raises(DataError) as caught:
        read_coded_file(csv, "comment", "staff,food")
    assert caught.value.location.column == "food"
    assert "coded.csv" in str(caught.value) and "'food'" in str(caught.value)


def test_a_missing_text_column_is_named(csv):
    with pytest.raises(DataError) as caught:
        read_coded_file(csv, "answer", "staff,waiting")
    assert caught.value.location.column == "answer"
    assert "text column" in str(caught.value)


def test_a_missing_first_code_column_is_named(csv):
    with pytest.raises(DataError, match="'food'"):
        read_coded_file(csv, "comment", codes_from="food")


def test_codes_from_takes_every_later_column(csv):
    coded = read_coded_file(csv, "comment", codes_from="staff")
    assert coded.codes == ("staff", "waiting")
    assert coded.labels.tolist() == [[1, 0], [0, 1]]


def test_code_names_holding_commas_are_found():
    columns = ["comment", "Staff listening, understanding & involving patients", "Wait"]
    assert resolve_code_columns(
        columns, "Staff listening, understanding & involving patients,Wait"
    ) == ["Staff listening, understanding & involving patients", "Wait"]


def test_codes_and_codes_from_together_are_refused(csv):
    with pytest.raises(DataError, match="not both"):
        read_coded_file(csv, "comment", "staff", codes_from="staff")
