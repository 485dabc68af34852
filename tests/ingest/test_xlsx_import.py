"""An .xlsx file imports to the same answers as the same data in a CSV."""

from __future__ import annotations

import datetime

import pandas as pd
import pytest
from openpyxl import Workbook

from peerval.errors import ImportValidationError
from peerval.ingest import import_table

CSV_ROWS = [
    ["response_id", "age", "start", "channels", "rating"],
    ["p1", "34", "2024-01-05", "Phone;Text;", "High"],
    ["p2", "16.5", "2023-11-30", "In person", "2"],
    ["p3", "99", "", "", "low"],
]
# the same data as a person would type it into Excel: numbers as numbers, dates as dates
XLSX_ROWS = [
    ["response_id", "age", "start", "channels", "rating"],
    ["p1", 34, datetime.datetime(2024, 1, 5), "Phone;Text;", "High"],
    ["p2", 16.5, datetime.date(2023, 11, 30), "In person", 2],
    ["p3", 99.0, None, None, "low"],
]


def _write_xlsx(path, rows):
    book = Workbook()
    sheet = book.active
    sheet.title = "Responses"
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_xlsx_gives_the_same_answers_and_respondents_as_csv(tmp_path, write_csv, test_instrument):
    from_csv = import_table(write_csv(CSV_ROWS), test_instrument, wave="2026")
    from_xlsx = import_table(
        _write_xlsx(tmp_path / "responses.xlsx", XLSX_ROWS), test_instrument, wave="2026"
    )
    assert len(from_xlsx.answers) == 11  # p1: 5, p2: 4, p3: 2
    pd.testing.assert_frame_equal(from_xlsx.answers, from_csv.answers)
    pd.testing.assert_frame_equal(from_xlsx.respondents, from_csv.respondents)


def test_xlsx_date_cells_become_iso_dates_and_integer_floats_become_codes(
    tmp_path, test_instrument
):
    result = import_table(
        _write_xlsx(tmp_path / "responses.xlsx", XLSX_ROWS), test_instrument, wave="2026"
    )
    answers = result.answers.set_index(["response_id", "item_id"])
    assert answers.loc[("p1", "start"), "text"] == "2024-01-05"
    assert answers.loc[("p2", "start"), "text"] == "2023-11-30"
    assert answers.loc[("p3", "age"), "value"] == 99.0
    assert answers.loc[("p2", "rating"), "value"] == 2.0


def test_xlsx_staff_file_matches_csv(tmp_path, write_csv, staff):
    rows = [
        [
            "response_id",
            "profession",
            "care_group",
            "valued_member",
            "helps_recovery",
            "what_works",
        ],
        ["1", "Social worker", "Forensic and secure", "Disagree", "Don't know", "Listening"],
        ["2", "", "3", "5", "4", ""],
    ]
    xlsx_rows = [rows[0], [1, "Social worker", "Forensic and secure", "Disagree", "Don't know",
                           "Listening"], [2, None, 3, 5, 4, None]]  # fmt: skip
    from_csv = import_table(write_csv(rows), staff, wave="2026")
    from_xlsx = import_table(_write_xlsx(tmp_path / "staff.xlsx", xlsx_rows), staff, wave="2026")
    pd.testing.assert_frame_equal(from_xlsx.answers, from_csv.answers)
    pd.testing.assert_frame_equal(from_xlsx.respondents, from_csv.respondents)
    assert list(from_xlsx.respondents["response_id"]) == ["1", "2"]
    assert list(from_xlsx.respondents["profession"]) == ["Social worker", "Not stated"]


def test_xlsx_problems_name_the_excel_row_and_column(tmp_path, test_instrument):
    rows = [*XLSX_ROWS, ["p4", 12, None, None, "High"]]  # age below min in Excel row 5
    path = _write_xlsx(tmp_path / "bad.xlsx", rows)
    with pytest.raises(ImportValidationError) as info:
        import_table(path, test_instrument, wave="2026")
    [problem] = info.value.problems
    assert problem.kind == "out_of_range"
    assert problem.location.row == 5
    assert problem.location.column == "age"
    assert problem.location.file == str(path)
