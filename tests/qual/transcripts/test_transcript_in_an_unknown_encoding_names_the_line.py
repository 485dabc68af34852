"""A text transcript that is neither UTF-8 nor Windows-1252 is refused at its line, naming
the encodings tried; UTF-16 with a byte-order mark (Notepad's "Unicode") is read."""

import codecs

import pytest

from peerval.errors import Location
from peerval.qual.transcripts import TranscriptError, read_transcript

TEXT = "Interview 4\n\nInterviewer: Where did you meet?\n\nP4: At the Ťava café.\n"


def test_a_windows_1250_transcript_is_refused_at_its_line(tmp_path):
    path = tmp_path / "p4.txt"
    path.write_bytes(TEXT.encode("cp1250"))
    with pytest.raises(TranscriptError) as caught:
        read_transcript(path)
    assert caught.value.location == Location(file=str(path), line=5)
    assert "byte 12 of the line" in caught.value.message
    assert "UTF-8, UTF-16 with a byte-order mark, Windows-1252" in caught.value.message


def test_a_utf16_transcript_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "p4.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + TEXT.replace("\n", "\r\n").encode("utf-16-le"))
    document = read_transcript(path)
    assert [t.speaker for t in document.turns] == ["Interviewer", "P4"]
    assert "At the Ťava café." in document.text
