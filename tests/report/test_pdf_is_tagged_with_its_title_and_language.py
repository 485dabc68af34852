"""The PDF report is tagged for screen readers (PDF/UA-1), shows its title rather than its
file name, and says its language."""

import shutil
import subprocess

import pytest
from pypdf import PdfReader

TITLE = "Peer support service evaluation (demo Trust): Evaluation report, wave 2026"


def test_the_pdf_catalog_is_marked_structured_titled_and_in_british_english(published):
    reader = PdfReader(published[0] / "report.pdf")
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "en-GB"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert reader.metadata.title == TITLE
    assert b"pdfuaid:part" in catalog["/Metadata"].get_object().get_data()


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo (poppler-utils) missing")
def test_pdfinfo_reads_it_as_tagged_with_its_title(published):
    info = subprocess.run(
        ["pdfinfo", str(published[0] / "report.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert fields["Tagged"].strip() == "yes"
    assert fields["Title"].strip() == TITLE
