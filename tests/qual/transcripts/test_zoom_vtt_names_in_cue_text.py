from peerval.qual.transcripts import read_vtt


def test_zoom_speaker_names_are_taken_from_the_cue_text(data):
    document = read_vtt(data / "zoom.vtt")
    assert [(t.speaker, t.begins_at, t.ends_at) for t in document.turns] == [
        ("Interviewer", 2.31, 5.48),
        ("Morgan Ellery", 6.1, 12.05),
        ("Interviewer", 12.9, 14.3),
    ]
    second = document.turns[1]
    assert document.text[second.start : second.end] == (
        "No problem. I wanted to talk about the peer worker on our ward. "
        "She has been there about a year now."
    )
