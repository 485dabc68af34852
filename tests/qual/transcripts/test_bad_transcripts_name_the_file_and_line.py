import pytest

from peerval.errors import PeervalError
from peerval.qual.transcripts import read_transcript


def test_a_bad_vtt_timing_line_is_named(data):
    with pytest.raises(PeervalError) as caught:
        read_transcript(data / "bad_timing.vtt")
    assert "bad_timing.vtt, line 8" in str(caught.value) and "cue timing" in str(caught.value)


def test_a_vtt_without_its_header(tmp_path):
    path = tmp_path / "nohead.vtt"
    path.write_text("1\n00:00:01.000 --> 00:00:02.000\nHi\n", encoding="utf-8")
    with pytest.raises(PeervalError, match="nohead.vtt, line 1: a WebVTT file must start with"):
        read_transcript(path)


def test_a_bad_srt_number_is_named(data):
    with pytest.raises(PeervalError, match="bad_number.srt, line 5: expected a subtitle number"):
        read_transcript(data / "bad_number.srt")


def test_a_text_file_with_no_speakers(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("just some notes about the day\n", encoding="utf-8")
    with pytest.raises(PeervalError, match="notes.txt: no speaker turns found"):
        read_transcript(path)


def test_a_docx_that_is_not_a_word_file(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(PeervalError, match="fake.docx: not a"):
        read_transcript(path)


def test_an_unknown_extension(tmp_path):
    path = tmp_path / "audio.mp3"
    path.write_bytes(b"ID3")
    with pytest.raises(PeervalError, match=r"audio.mp3: cannot read .mp3 as a transcript"):
        read_transcript(path)
