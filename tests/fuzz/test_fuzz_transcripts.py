"""Fuzzing the text transcript readers (.txt, .vtt, .srt): random text and valid files the
test writes and then damages give a document or a PeervalError within the bound.

A document the readers give must hold together: turns inside the text, no turn that ends
before it begins, and, where every speaker's name fits a speaker label, a text whose layout
reads back as the same turns (what a REFI-QDA export relies on).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from peerval.errors import PeervalError
from peerval.qual.documents import Document
from peerval.qual.transcripts import read_transcript, turns_in_text
from peerval.qual.transcripts.plain import SPEAKER_LINE
from tests.fuzz.bounds import read_within

SPEAKERS = ["Interviewer", "P1", "Dr Ana Silva", "Zoë O'Neill", "Morgan Ellery-Price", "Ben"]
#: the encodings a transcript is read in (UTF-16 only with a byte-order mark)
READABLE = ["utf-8", "utf-8-sig", "utf-16", "cp1252"]
ENCODINGS = [*READABLE, "utf-16-le", "utf-16-be", "latin-1"]
words = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=30
).filter(str.strip)
plain_words = st.text("abcdefghij klmnop,.?'’-é", min_size=1, max_size=30).filter(str.strip)


@st.composite
def turn_lists(draw) -> list[tuple[str, str, int, int]]:
    """Turns as (speaker, words, start ms, end ms), in order."""
    turns = []
    at = draw(st.integers(0, 10_000))
    for _ in range(draw(st.integers(1, 6))):
        length = draw(st.integers(0, 9_000))
        turns.append((draw(st.sampled_from(SPEAKERS)), draw(plain_words), at, at + length))
        at += length + draw(st.integers(0, 3_000))
    return turns


def _clock(ms: int, comma: bool = False) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{',' if comma else '.'}{millis:03d}"


def _vtt(turns: list[tuple[str, str, int, int]], teams: bool) -> str:
    cues = []
    for number, (speaker, said, start, end) in enumerate(turns, start=1):
        body = f"<v {speaker}>{said}</v>" if teams else f"{speaker}: {said}"
        cues.append(f"{number}\n{_clock(start)} --> {_clock(end)}\n{body}\n")
    return "WEBVTT\n\n" + "\n".join(cues)


def _srt(turns: list[tuple[str, str, int, int]]) -> str:
    return "\n".join(
        f"{number}\n{_clock(start, True)} --> {_clock(end, True)}\n{speaker}: {said}\n"
        for number, (speaker, said, start, end) in enumerate(turns, start=1)
    )


def _txt(turns: list[tuple[str, str, int, int]]) -> str:
    lines = ["Interview 4, synthetic", ""]
    for speaker, said, start, _ in turns:
        lines += [f"[{_clock(start)[:8]}] {speaker}: {said}", ""]
    return "\n".join(lines)


@st.composite
def valid_files(draw) -> tuple[str, str]:
    """A suffix and the text of a valid transcript of that kind."""
    turns = draw(turn_lists())
    kind = draw(st.sampled_from(["teams", "zoom", "srt", "txt"]))
    if kind == "srt":
        return ".srt", _srt(turns)
    if kind == "txt":
        return ".txt", _txt(turns)
    return ".vtt", _vtt(turns, teams=kind == "teams")


@st.composite
def damaged(draw, text: str) -> str:
    """``text`` after a few random edits of its lines and characters."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, max(len(lines) - 1, 0)))
        edit = draw(
            st.sampled_from(["drop", "repeat", "swap", "insert", "char", "digit", "cut", "crlf"])
        )
        line = lines[where] if lines else ""
        if edit == "drop" and lines:
            del lines[where]
        elif edit == "repeat":
            lines.insert(where, line)
        elif edit == "swap" and lines:
            other = draw(st.integers(0, len(lines) - 1))
            lines[where], lines[other] = lines[other], lines[where]
        elif edit == "insert":
            lines.insert(where, draw(st.one_of(words, st.sampled_from(TRICKY))))
        elif edit == "char" and line:
            at = draw(st.integers(0, len(line) - 1))
            lines[where] = line[:at] + draw(st.characters(codec="utf-8")) + line[at + 1 :]
        elif edit == "digit" and any(c.isdigit() for c in line):
            at = draw(st.sampled_from([n for n, c in enumerate(line) if c.isdigit()]))
            lines[where] = line[:at] + draw(st.sampled_from("0123456789")) + line[at + 1 :]
        elif edit == "cut":
            lines = lines[:where]
        elif edit == "crlf" and lines:
            lines[where] = line + "\r"
    return "\n".join(lines)


TRICKY = [
    "WEBVTT",
    "NOTE a comment",
    "STYLE",
    "-->",
    "00:00:05.000 --> 00:00:01.000",
    "00:00:01,000 --> 00:00:02,000 X1:2 Y:3",
    "99:99:99.999 --> 99:99:99.999",
    "-1:00:00.000 --> 00:00:01.000",
    "<v>",
    "<v Ana",
    "<v Ana>unclosed",
    "<c.yellow>coloured</c>",
    "{\\an8}",
    "P1:",
    "P1:no space",
    "[99:99] P1: time past 59",
    "(1:2:3) P1: odd time",
    "Dr Ana\n: hello",
    ":",
    "\ufeff",
    "\u2028",
    "\x0c",
    "1",
]


def _check(document: object) -> None:
    if not isinstance(document, Document):
        assert isinstance(document, PeervalError) and str(document)
        return
    assert document.turns
    for turn in document.turns:
        assert 0 <= turn.start <= turn.end <= len(document.text)
        if turn.begins_at is not None and turn.ends_at is not None:
            assert turn.begins_at <= turn.ends_at
    if all(_laid_out(turn.speaker) for turn in document.turns):
        assert [(t.speaker, t.start, t.end) for t in turns_in_text(document.text)] == [
            (t.speaker, t.start, t.end) for t in document.turns
        ]


def _laid_out(speaker: str) -> bool:
    """Whether the text layout can show ``speaker`` as a speaker label (a name of at most
    four words starting with a letter: not, for example, Teams's "SILVA, Ana (Trust)")."""
    match = SPEAKER_LINE.match(f"{speaker}: words")
    return match is not None and match["speaker"] == speaker


def _read(suffix: str, data: bytes) -> object:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"interview{suffix}"
        path.write_bytes(data)
        return read_within(lambda: read_transcript(path), seconds=5)


@settings(max_examples=60, deadline=None)
@given(file=valid_files(), encoding=st.sampled_from(READABLE))
def test_a_valid_transcript_in_any_encoding_excel_or_notepad_saves_is_read(file, encoding):
    suffix, text = file
    document = _read(suffix, text.encode(encoding, errors="replace"))
    assert isinstance(document, Document), document
    _check(document)


@settings(max_examples=150, deadline=None)
@given(data=st.data(), file=valid_files(), encoding=st.sampled_from(ENCODINGS))
def test_a_damaged_transcript_gives_a_document_or_a_peerval_error(data, file, encoding):
    suffix, text = file
    broken = data.draw(damaged(text))
    _check(_read(suffix, broken.encode(encoding, errors="replace")))


@settings(max_examples=60, deadline=None)
@given(
    suffix=st.sampled_from([".txt", ".vtt", ".srt"]),
    text=st.lists(st.one_of(st.sampled_from(TRICKY), words, st.just("")), max_size=20).map(
        "\n".join
    ),
    header=st.sampled_from(["", "WEBVTT\n\n", "1\n"]),
)
def test_random_lines_give_a_document_or_a_peerval_error(suffix, text, header):
    _check(_read(suffix, (header + text).encode("utf-8", errors="replace")))


@settings(max_examples=40, deadline=None)
@given(
    suffix=st.sampled_from([".txt", ".vtt", ".srt"]),
    data=st.binary(max_size=400),
    prefix=st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"WEBVTT\n\n"]),
)
def test_random_bytes_give_a_document_or_a_peerval_error(suffix, data, prefix):
    _check(_read(suffix, prefix + data))


def test_a_huge_transcript_line_is_read_within_the_bound():
    said = "word " * 200_000
    for suffix, text in [
        (".txt", f"P1: {said}\n"),
        (".vtt", f"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v P1>{said}</v>\n"),
        (".srt", f"1\n00:00:01,000 --> 00:00:02,000\nP1: {said}\n"),
        (".vtt", "WEBVTT\n\n" + "9" * 100_000 + ":00:01.000 --> 00:00:02.000\nP1: hi\n"),
    ]:
        _check(_read(suffix, text.encode("utf-8")))
