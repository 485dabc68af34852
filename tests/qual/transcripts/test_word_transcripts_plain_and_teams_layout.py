import docx

from peerval.qual.transcripts import read_transcript


def write(path, paragraphs):
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(path)
    return path


def test_a_word_transcript_with_speaker_labels(tmp_path):
    path = write(
        tmp_path / "p5.docx",
        [
            "Interview 5",
            "Interviewer: How did you first meet?",
            "",
            "P5: On the ward.",
            "It was raining.",
        ],
    )
    document = read_transcript(path)
    assert [(t.speaker, document.text[t.start : t.end]) for t in document.turns] == [
        ("Interviewer", "How did you first meet?"),
        ("P5", "On the ward.\n\nIt was raining."),
    ]


def test_the_teams_word_layout_with_names_and_times_on_their_own_lines(tmp_path):
    path = write(
        tmp_path / "teams.docx",
        [
            "Peer support interview",
            "Interviewer started transcription",
            "Interviewer   0:03",
            "Thanks for coming along.",
            "Morgan Ellery   0:07",
            "Happy to.",
            "Morgan Ellery   0:09",
            "I have a lot to say about it.",
            "Interviewer   1:02:05",
            "Go on.",
        ],
    )
    document = read_transcript(path)
    assert [(t.speaker, document.text[t.start : t.end], t.begins_at) for t in document.turns] == [
        ("Interviewer", "Thanks for coming along.", 3.0),
        ("Morgan Ellery", "Happy to. I have a lot to say about it.", 7.0),
        ("Interviewer", "Go on.", 3725.0),
    ]
    assert document.text.startswith("Peer support interview\nInterviewer started transcription")
