"""A workbook that is a zip bomb, too large, misnamed or uncalculated gets a clear DataError."""

from __future__ import annotations

import zipfile

import pytest
from openpyxl import Workbook

from peerval.errors import DataError
from peerval.ingest import read_table
from tests.archives.bombs import replace_members

SHEET = "xl/worksheets/sheet1.xml"


def _workbook(path, rows, title="Responses"):
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _sheet_xml(path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(SHEET)


def test_a_sheet_that_expands_like_a_zip_bomb_is_refused_before_reading(tmp_path):
    good = _workbook(tmp_path / "good.xlsx", [["response_id"], ["r1"]])
    padded = _sheet_xml(good).replace(b"</worksheet>", b" " * (40 * 2**20) + b"</worksheet>")
    path = replace_members(good, tmp_path / "bomb.xlsx", {SHEET: padded})
    with pytest.raises(DataError, match="zip bomb") as caught:
        read_table(path)
    assert "bomb.xlsx" in str(caught.value)
    assert SHEET in str(caught.value)


def test_a_tiny_sheet_claiming_a_vast_area_is_refused(tmp_path):
    good = _workbook(tmp_path / "good.xlsx", [["response_id"], ["r1"]])
    far = b'<row r="400"><c r="XFD400" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    path = replace_members(
        good, tmp_path / "vast.xlsx", {SHEET: _sheet_xml(good).replace(b"</sheetData>", far)}
    )
    with pytest.raises(DataError, match="too large to import") as caught:
        read_table(path)
    assert "'Responses'" in str(caught.value)


def test_a_workbook_saved_with_a_csv_name_says_so(tmp_path):
    workbook = _workbook(tmp_path / "real.xlsx", [["response_id"], ["r1"]])
    path = tmp_path / "responses.csv"
    path.write_bytes(workbook.read_bytes())
    with pytest.raises(DataError, match="looks like an Excel workbook saved with a .csv name"):
        read_table(path)


def test_a_csv_saved_with_an_xlsx_name_says_so(tmp_path):
    path = tmp_path / "responses.xlsx"
    path.write_text("response_id,age\nr1,30\n", encoding="utf-8")
    with pytest.raises(DataError, match="looks like a CSV or text file saved with an .xlsx name"):
        read_table(path)


def test_an_old_xls_workbook_with_an_xlsx_name_says_so(tmp_path):
    path = tmp_path / "responses.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(DataError, match=r"old Excel \(.xls\) workbook"):
        read_table(path)


def test_formula_cells_without_a_saved_value_are_named(tmp_path):
    path = _workbook(tmp_path / "sums.xlsx", [["response_id", "age"], ["r1", "=20+14"]])
    with pytest.raises(DataError, match="sheet 'Responses': formula cell B2 has no saved value"):
        read_table(path)


def test_formula_cells_with_a_saved_value_are_read_as_that_value(tmp_path):
    good = _workbook(
        tmp_path / "sums.xlsx", [["response_id", "age", "note"], ["r1", "=20+14", '=""']]
    )
    xml = _sheet_xml(good)
    xml = xml.replace(b"<f>20+14</f><v></v>", b"<f>20+14</f><v>34</v>")
    xml = xml.replace(b'<c r="C2">', b'<c r="C2" t="str">')  # Excel's mark of a text result
    path = replace_members(good, tmp_path / "saved.xlsx", {SHEET: xml})
    table = read_table(path)
    assert table.values.tolist() == [["response_id", "age", "note"], ["r1", "34", ""]]


def test_a_missing_sheet_is_named_with_the_sheets_there_are(tmp_path):
    path = _workbook(tmp_path / "book.xlsx", [["response_id"], ["r1"]])
    with pytest.raises(DataError, match="no sheet named 'Survey' \\(its sheets: 'Responses'\\)"):
        read_table(path, "Survey")
