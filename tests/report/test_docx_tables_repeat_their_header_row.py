"""Every table in the Word report marks its first row as the header, so that a table split
over pages repeats its header on each page (and screen readers know the column names)."""

from docx import Document
from docx.oxml.ns import qn

from peerval.report.docx import write_docx

from .small import small_report


def repeats_header(table) -> bool:
    properties = table.rows[0]._tr.trPr
    if properties is None:
        return False
    mark = properties.find(qn("w:tblHeader"))
    return mark is not None and mark.get(qn("w:val"), "true") in ("true", "1", "on")


def test_a_long_table_repeats_its_header_row_and_only_that_row(tmp_path):
    path = write_docx(small_report(rows=120), tmp_path / "report.docx")
    (table,) = Document(path).tables
    assert len(table.rows) == 121
    assert repeats_header(table)
    assert [c.text for c in table.rows[0].cells] == ["Team", "Agree", "Disagree"]
    assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])


def test_every_table_of_the_demo_report_repeats_its_header_row(published):
    document = Document(published[0] / "report.docx")
    assert len(document.tables) > 10
    assert all(repeats_header(table) for table in document.tables)
