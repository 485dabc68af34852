"""The Word report's contents are written out: each section's title, linking to its heading,
with nothing asking the reader to right-click and update a field."""

import zipfile

from docx import Document
from docx.oxml.ns import qn

from peerval.report.docx import write_docx

from .small import small_report


def contents(document) -> list[str]:
    """The paragraphs between the "Contents" heading and the next heading."""
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == "Contents")
    entries = []
    for paragraph in paragraphs[start + 1 :]:
        if paragraph.style.name.startswith("Heading"):
            break
        entries.append(paragraph)
    return entries


def test_the_contents_name_each_section_and_link_to_its_heading(tmp_path):
    report = small_report()
    document = Document(write_docx(report, tmp_path / "report.docx"))
    entries = contents(document)
    assert [p.text for p in entries] == ["Summary", "Results", "What next"]
    anchors = [p._p.find(qn("w:hyperlink")).get(qn("w:anchor")) for p in entries]
    headings = [p for p in document.paragraphs if p.style.name == "Heading 1"][1:]
    assert [h.text for h in headings] == ["Summary", "Results", "What next"]
    marks = [h._p.find(qn("w:bookmarkStart")).get(qn("w:name")) for h in headings]
    assert anchors == marks and len(set(marks)) == 3


def test_the_demo_reports_contents_are_its_section_headings(published):
    document = Document(published[0] / "report.docx")
    sections = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert sections[0] == "Contents"
    assert [p.text for p in contents(document)] == sections[1:]


def test_nothing_asks_to_update_a_field_and_no_contents_field_is_left(published):
    with zipfile.ZipFile(published[0] / "report.docx") as archive:
        parts = {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("word/") and name.endswith(".xml")
        }
    for name, xml in parts.items():
        for phrase in ("Update Field", "right-click", "Right-click"):
            assert phrase not in xml, (name, phrase)
        assert " TOC " not in xml and "TOC \\o" not in xml, name
    assert "updateFields" not in parts["word/settings.xml"]
