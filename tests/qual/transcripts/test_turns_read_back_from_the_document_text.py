import pytest

from peerval.qual.transcripts import read_transcript, turns_in_text


@pytest.mark.parametrize("name", ["teams.vtt", "zoom.vtt", "interview.srt", "interview.txt"])
def test_the_text_layout_gives_back_the_same_turns_without_times(data, name):
    document = read_transcript(data / name)
    assert [(t.speaker, t.start, t.end) for t in turns_in_text(document.text)] == [
        (t.speaker, t.start, t.end) for t in document.turns
    ]
