"""A Word transcript that expands like a zip bomb is refused before docx2python reads it."""

from __future__ import annotations

import docx
import pytest

from peerval.qual.transcripts import TranscriptError
from peerval.qual.transcripts.word import read_docx
from tests.archives.bombs import MIB, declare_sizes, replace_members


@pytest.fixture
def good(tmp_path):
    document = docx.Document()
    document.add_paragraph("Interviewer: How was the group?")
    document.add_paragraph("Participant: It helped.")
    path = tmp_path / "good.docx"
    document.save(str(path))
    return path


def test_a_document_part_that_expands_a_thousand_times_is_refused(tmp_path, good):
    path = replace_members(good, tmp_path / "bomb.docx", {"word/bomb.xml": bytes(40 * MIB)})
    with pytest.raises(TranscriptError, match="zip bomb") as caught:
        read_docx(path)
    assert "bomb.docx" in str(caught.value)
    assert "word/bomb.xml" in str(caught.value)


def test_a_document_declaring_a_gigabyte_is_refused(tmp_path, good):
    path = replace_members(good, tmp_path / "huge.docx", {})
    declare_sizes(path, {"word/document.xml": 2**30})
    with pytest.raises(TranscriptError, match="'word/document.xml' would expand"):
        read_docx(path)


def test_a_good_document_still_reads(good):
    assert "It helped." in read_docx(good).text
