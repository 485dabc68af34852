from peerval.qual.transcripts import read_transcript


def test_speaker_lines_open_turns_and_other_lines_continue_them(data):
    document = read_transcript(data / "interview.txt")
    turns = [(t.speaker, document.text[t.start : t.end], t.begins_at) for t in document.turns]
    assert turns == [
        (
            "Interviewer",
            "Thanks for making time for this today. Could you start by telling me about your role?",
            None,
        ),
        (
            "P3",
            "I'm a support worker on the rehab ward.\n\nI've been there four years, on and off.",
            None,
        ),
        ("Interviewer", "And the peer support worker?", 135.0),
        ("P3", "She joined last spring. Honestly, it took a while to see what she was for.", None),
    ]
    assert document.text.startswith("Interview 3, staff member, spring\n\nInterviewer: ")
