import pytest

from peerval.errors import ImportValidationError
from peerval.qual.codebook_csv import read_codebook_csv


def read(tmp_path, text):
    path = tmp_path / "book.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportValidationError) as caught:
        read_codebook_csv(path)
    return caught.value


def test_every_problem_is_listed_with_its_row_and_column(tmp_path):
    error = read(
        tmp_path,
        "id,name,parent_id,colour\n"
        "a,A,,\n"
        "a,Again,,\n"  # row 3: duplicate
        "b,B,zz,\n"  # row 4: unknown parent
        "c,,,\n"  # row 5: no name
        "d,D,,blue\n",  # row 6: bad colour
    )
    found = {(p.location.row, p.location.column, p.kind) for p in error.problems}
    assert found == {
        (3, "id", "duplicate"),
        (4, "parent_id", "unknown_parent"),
        (5, "name", "blank"),
        (6, "colour", "value"),
    }
    assert "book.csv, row 3, column 'id': code id 'a' is also on row 2" in str(error)


def test_a_cycle_is_reported_once_on_its_first_row(tmp_path):
    error = read(tmp_path, "id,name,parent_id\nx,X,y\ny,Y,x\n")
    (problem,) = error.problems
    assert (problem.location.row, problem.kind) == (2, "cycle")
    assert "x -> y -> x" in problem.message


def test_a_missing_required_column_is_named(tmp_path):
    error = read(tmp_path, "code,label\na,A\n")
    assert {p.message for p in error.problems} == {
        "the header has no 'id' column",
        "the header has no 'name' column",
    }
