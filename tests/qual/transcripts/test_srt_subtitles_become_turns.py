from peerval.qual.transcripts import read_transcript


def test_srt_keeps_times_strips_tags_and_marks_unnamed_speakers(data):
    document = read_transcript(data / "interview.srt")
    turns = [
        (t.speaker, document.text[t.start : t.end], t.begins_at, t.ends_at) for t in document.turns
    ]
    assert turns == [
        ("Interviewer", "Thanks for making time for this today.", 2.31, 5.48),
        (
            "Morgan Ellery",
            "No problem. I wanted to talk about the peer worker on our ward. "
            "She has been there about a year now.",
            6.1,
            12.05,
        ),
        ("Unknown speaker", "and nobody said who this was", 12.9, 14.3),
    ]
