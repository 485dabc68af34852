"""The Word report's properties (File > Info) say what it is, who it is from and when it was
made, not the defaults of the library that wrote it."""

import dataclasses
from datetime import UTC, datetime, timedelta

from docx import Document

from peerval.report.docx import write_docx

from .small import small_report


def test_title_author_subject_created_and_language_are_the_reports(tmp_path):
    report = small_report()
    path = write_docx(report, tmp_path / "report.docx")
    properties = Document(path).core_properties
    assert properties.title == report.title
    assert properties.subject == report.subtitle
    # with no organisation named, the evaluation's name (naming the Trust) stands for it
    assert properties.author == properties.last_modified_by == report.title
    assert "python-docx" not in (properties.author + properties.comments)
    now = datetime.now(UTC)
    assert now - timedelta(minutes=1) <= properties.created <= now + timedelta(seconds=1)
    assert properties.modified == properties.created
    assert properties.language == "en-GB"


def test_the_text_is_marked_as_british_english(tmp_path):
    path = write_docx(small_report(), tmp_path / "report.docx")
    styles = Document(path).styles.element
    namespace = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    (language,) = styles.iter(f"{namespace}lang")
    assert language.get(f"{namespace}val") == "en-GB"


def test_the_author_is_the_organisation_where_it_is_known(tmp_path):
    report = dataclasses.replace(small_report(), organisation="Example NHS Foundation Trust")
    properties = Document(write_docx(report, tmp_path / "report.docx")).core_properties
    assert properties.author == "Example NHS Foundation Trust"
