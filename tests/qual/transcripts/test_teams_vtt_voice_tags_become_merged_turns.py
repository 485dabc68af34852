from peerval.qual.transcripts import read_transcript


def spoken(document):
    return [
        (t.speaker, document.text[t.start : t.end], t.begins_at, t.ends_at) for t in document.turns
    ]


def test_teams_cues_of_one_speaker_merge_keeping_first_start_and_last_end(data):
    document = read_transcript(data / "teams.vtt", case_id="ME")
    assert document.kind == "transcript" and document.id == "teams" and document.case_id == "ME"
    assert spoken(document) == [
        (
            "Interviewer",
            "Thanks for making time for this today. "
            "Could you start by telling me what your week looks like?",
            1.52,
            7.01,
        ),
        (
            "Morgan Ellery",
            "Mostly groups in the morning, then one to one time in the afternoons. "
            "The one to ones matter most to me.",
            7.88,
            13.95,
        ),
        ("Interviewer", "Why is that?", 14.6, 16.02),
    ]
    assert document.text.startswith("Interviewer: Thanks for making time")
    assert "\n\nMorgan Ellery: Mostly groups" in document.text
