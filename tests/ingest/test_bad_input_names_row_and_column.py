"""Every problem in a data file is reported with its kind, spreadsheet row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerval.errors import DataError, ImportProblem, ImportValidationError
from peerval.ingest import Mapping, import_table

STAFF_HEADER = ["response_id", "care_group", "valued_member", "helps_recovery"]


def _problems(path: Path, instrument, mapping: Mapping | None = None) -> list[ImportProblem]:
    with pytest.raises(ImportValidationError) as info:
        import_table(path, instrument, mapping, wave="2026")
    return info.value.problems


def _only(problems: list[ImportProblem], kind: str) -> ImportProblem:
    matching = [p for p in problems if p.kind == kind]
    assert len(matching) == 1, f"expected one {kind} problem, got {problems}"
    return matching[0]


def test_unknown_column_is_named_in_row_one(write_csv, staff):
    path = write_csv(
        [STAFF_HEADER + ["Team"], ["r1", "1", "4", "4", "North"], ["r2", "2", "5", "5", "South"]]
    )
    problems = _problems(path, staff)
    assert [p.kind for p in problems] == ["unknown_column"]
    problem = problems[0]
    assert problem.location.row == 1
    assert problem.location.column == "Team"
    assert problem.location.file == str(path)
    assert "staff-psw-survey" in problem.message
    assert "ignore" in problem.message


def test_unknown_label_names_row_column_item_and_the_options(write_csv, staff):
    path = write_csv(
        [STAFF_HEADER, ["r1", "1", "Agree", "4"], ["r2", "2", "Agreee", "5"], ["r3", "1", "4", "4"]]
    )
    problem = _only(_problems(path, staff), "unknown_label")
    assert problem.location.row == 3
    assert problem.location.column == "valued_member"
    assert problem.location.item == "valued_member"
    assert "'Agreee'" in problem.message
    assert "Strongly agree" in problem.message  # the expected answers are listed


def test_code_that_is_not_an_option_is_out_of_range(write_csv, staff):
    path = write_csv(
        [STAFF_HEADER, ["r1", "1", "4", "4"], ["r2", "2", "4", "4"], ["r3", "1", "4", "7"]]
    )
    problem = _only(_problems(path, staff), "out_of_range")
    assert problem.location.row == 4
    assert problem.location.column == "helps_recovery"
    assert problem.location.item == "helps_recovery"
    assert "'7'" in problem.message
    assert "out of range" in problem.message
    assert "5=Strongly agree" in problem.message


def test_number_above_max_is_out_of_range(write_csv, test_instrument):
    path = write_csv([["response_id", "age"], ["a", "40"], ["b", "150"]])
    problem = _only(_problems(path, test_instrument), "out_of_range")
    assert problem.location.row == 3
    assert problem.location.column == "age"
    assert "'150'" in problem.message
    assert "16-100" in problem.message


def test_text_in_a_number_item_is_wrong_type(write_csv, test_instrument):
    path = write_csv([["response_id", "Age"], ["a", "40"], ["b", "41"], ["c", "twenty"]])
    problem = _only(_problems(path, test_instrument), "wrong_type")
    assert problem.location.row == 4
    assert problem.location.column == "Age"  # the header as written, not the item id
    assert problem.location.item == "age"
    assert "'twenty'" in problem.message
    assert "not a number" in problem.message


def test_text_in_a_date_item_is_wrong_type(write_csv, test_instrument):
    path = write_csv(
        [["response_id", "age", "start"], ["a", "40", "2024-03-01"], ["b", "41", "last spring"]]
    )
    problem = _only(_problems(path, test_instrument), "wrong_type")
    assert problem.location.row == 3
    assert problem.location.column == "start"
    assert problem.location.item == "start"
    assert "'last spring'" in problem.message
    assert "not a date" in problem.message


def test_blank_required_answer_is_missing_required(write_csv, staff):
    path = write_csv(
        [STAFF_HEADER, ["r1", "1", "4", "4"], ["r2", "2", "4", "4"], ["r3", "", "4", "4"]]
    )
    problem = _only(_problems(path, staff), "missing_required")
    assert problem.location.row == 4
    assert problem.location.column == "care_group"
    assert problem.location.item == "care_group"
    assert "required" in problem.message


def test_repeated_response_id_is_duplicate_id_naming_the_first_row(write_csv, staff):
    path = write_csv(
        [STAFF_HEADER, ["r1", "1", "4", "4"], ["r2", "2", "4", "4"], ["r1", "3", "4", "4"]]
    )
    problem = _only(_problems(path, staff), "duplicate_id")
    assert problem.location.row == 4
    assert problem.location.column == "response_id"
    assert "'r1'" in problem.message
    assert "row 2" in problem.message


def test_same_header_twice_is_duplicate_column(write_csv, staff):
    path = write_csv(
        [STAFF_HEADER + ["valued_member"], ["r1", "1", "4", "4", "4"], ["r2", "2", "4", "4", "5"]]
    )
    problems = _problems(path, staff)
    assert problems, "expected problems"
    assert {p.kind for p in problems} == {"duplicate_column"}
    assert all(p.location.row == 1 for p in problems)
    assert all(p.location.column == "valued_member" for p in problems)
    assert any("columns 3 and 5" in p.message for p in problems)


def test_one_item_read_from_two_columns_is_duplicate_column(write_csv, staff):
    # the item once by its id and once by its text
    text = "Peer Support Workers are valued members of our team."
    path = write_csv([STAFF_HEADER + [text], ["r1", "1", "4", "4", "4"]])
    problem = _only(_problems(path, staff), "duplicate_column")
    assert problem.location.row == 1
    assert problem.location.column == text
    assert problem.location.item == "valued_member"
    assert "'valued_member'" in problem.message  # names the column already used


def test_required_item_with_no_column_is_missing_column(write_csv, staff):
    path = write_csv([["response_id", "care_group", "valued_member"], ["r1", "1", "4"]])
    problem = _only(_problems(path, staff), "missing_column")
    assert problem.location.row == 1
    assert problem.location.item == "helps_recovery"
    assert "helps_recovery" in problem.message
    assert "no column" in problem.message


def test_id_column_named_by_the_mapping_but_absent_is_missing_column(write_csv, staff):
    path = write_csv([STAFF_HEADER, ["r1", "1", "4", "4"]])
    problem = _only(
        _problems(path, staff, Mapping(response_id="Response number")), "missing_column"
    )
    assert problem.location.row == 1
    assert problem.location.column == "Response number"
    assert "no" in problem.message and "column" in problem.message


def test_blank_response_id_is_missing_id(write_csv, staff):
    path = write_csv(
        [STAFF_HEADER, ["r1", "1", "4", "4"], ["", "2", "4", "4"], ["r3", "1", "4", "4"]]
    )
    problem = _only(_problems(path, staff), "missing_id")
    assert problem.location.row == 3
    assert problem.location.column == "response_id"
    assert "response id" in problem.message


def test_blank_id_in_a_mapped_id_column_is_missing_id(write_csv, staff):
    path = write_csv(
        [
            ["ID", "care_group", "valued_member", "helps_recovery"],
            ["1", "1", "4", "4"],
            ["2", "2", "4", "4"],
            ["  ", "2", "4", "4"],
        ]
    )
    problem = _only(_problems(path, staff, Mapping(response_id="ID")), "missing_id")
    assert problem.location.row == 4
    assert problem.location.column == "ID"


def test_every_problem_is_reported_in_one_pass_in_row_order(write_csv, staff):
    path = write_csv(
        [
            STAFF_HEADER + ["Team"],  # row 1: unknown column
            ["r1", "1", "Agreee", "4", "x"],  # row 2: unknown label
            ["r2", "2", "4", "8", "x"],  # row 3: out of range
            ["r3", "", "4", "4", "x"],  # row 4: missing required
            ["r1", "1", "4", "4", "x"],  # row 5: duplicate id
            ["", "1", "4", "4", "x"],  # row 6: missing id
        ]
    )
    with pytest.raises(ImportValidationError) as info:
        import_table(path, staff, wave="2026")
    found = [(p.kind, p.location.row, p.location.column) for p in info.value.problems]
    assert found == [
        ("unknown_column", 1, "Team"),
        ("unknown_label", 2, "valued_member"),
        ("out_of_range", 3, "helps_recovery"),
        ("missing_required", 4, "care_group"),
        ("duplicate_id", 5, "response_id"),
        ("missing_id", 6, "response_id"),
    ]
    assert all(p.location.file == str(path) for p in info.value.problems)


def test_error_text_names_the_file_rows_and_columns(write_csv, staff):
    path = write_csv(
        [STAFF_HEADER, ["r1", "1", "Agreee", "4"], ["r2", "9", "4", "4"]], name="staff-2026.csv"
    )
    with pytest.raises(ImportValidationError) as info:
        import_table(path, staff, wave="2026")
    error = info.value
    text = str(error)
    assert text.startswith("2 problems found; nothing was imported")
    assert str(path) in text
    assert "row 2, column 'valued_member'" in text
    assert "row 3, column 'care_group'" in text
    assert error.location is not None and error.location.file == str(path)
    assert error.first_line().startswith(f"{path}, row 2, column 'valued_member'")
    assert error.first_line().endswith("(and 1 more problem)")
    assert isinstance(error, DataError)


def test_row_numbers_count_blank_lines_as_a_spreadsheet_shows_them(tmp_path, staff):
    # Opened in a spreadsheet, the blank line is row 3, so the bad answer is in row 4.
    path = tmp_path / "gap.csv"
    path.write_text(
        "response_id,care_group,valued_member,helps_recovery\nr1,1,4,4\n\nr2,1,4,77\n",
        encoding="utf-8",
    )
    problem = _only(_problems(path, staff), "out_of_range")
    assert problem.location.column == "helps_recovery"
    assert problem.location.row == 4


@pytest.mark.parametrize("text", ["0000-01-01", "0000", "-0001-06-01"])
def test_date_before_year_one_is_wrong_type_not_a_crash(write_csv, test_instrument, text):
    # pandas parses these as ISO 8601, but Python dates start at year 1
    path = write_csv(
        [["response_id", "age", "start"], ["a", "40", "2024-03-01"], ["b", "41", text]]
    )
    problem = _only(_problems(path, test_instrument), "wrong_type")
    assert problem.location.row == 3
    assert problem.location.column == "start"
    assert repr(text) in problem.message


def test_a_blank_wave_cell_is_reported_with_its_row(tmp_path, staff):
    from peerval.ingest import Mapping

    path = tmp_path / "waves.csv"
    path.write_text(
        "response_id,Year,care_group,valued_member,helps_recovery\na,2025,1,4,4\nb,,1,4,4\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportValidationError) as caught:
        import_table(path, staff, Mapping(wave_column="Year"))
    (problem,) = caught.value.problems
    assert problem.kind == "missing_wave"
    assert (problem.location.row, problem.location.column) == (3, "Year")


def test_a_number_with_a_thousands_separator_is_read(tmp_path, test_instrument):
    path = tmp_path / "age.csv"
    path.write_text('response_id,age\na,"1,000"\nb,42\n', encoding="utf-8")
    with pytest.raises(ImportValidationError) as caught:
        import_table(path, test_instrument, wave="1")
    # 1,000 is read as one thousand, which is above the item's maximum of 100
    (problem,) = caught.value.problems
    assert problem.kind == "out_of_range" and problem.location.row == 2


def test_dates_must_be_whole_iso_or_uk_dates(tmp_path, test_instrument):
    path = tmp_path / "dates.csv"
    path.write_text(
        "response_id,age,start\na,30,2024-01-05T10:00\nb,30,05/01/2024\nc,30,2024-01-05 junk\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportValidationError) as caught:
        import_table(path, test_instrument, wave="1")
    (problem,) = caught.value.problems
    assert problem.kind == "wrong_type" and problem.location.row == 4
