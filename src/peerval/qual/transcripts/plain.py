"""Plain-text transcripts: ``Speaker: words`` turns, paragraphs split by blank lines.

A line that starts with a short speaker label and a colon (``Interviewer:``, ``P1:``,
``Dr Ana Silva:``; at most four words, starting with a letter) opens a turn, optionally
after a time such as ``[00:01:05]`` (a time whose minutes or seconds pass 59 is refused
with its line number). Lines and paragraphs that follow belong to the same turn. Lines
before the first turn (a title, a date) are kept as a preamble.

>>> text = "Interview 2\\n\\nInterviewer: How long have you known her?\\n\\nP2: A year."
>>> [(t.speaker, text[t.start:t.end]) for t in turns_in_text(text)]
[('Interviewer', 'How long have you known her?'), ('P2', 'A year.')]
"""

from __future__ import annotations

import re
from pathlib import Path

from peerval.errors import Location
from peerval.qual.documents import Document, SpeakerTurn
from peerval.textfile import decode_text

from .turns import RawTurn, TranscriptError, merge_turns, transcript_document

__all__ = ["SPEAKER_LINE", "decode", "parse_lines", "read_txt", "turns_in_text"]

_TIME = r"(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?)"
SPEAKER_LINE = re.compile(
    rf"^[ \t]*(?:[\[(]{_TIME}[\])][ \t]*)?"
    r"(?P<speaker>[^\W\d_][\w.'’()-]*(?: [\w.'’()-]+){0,3}?)[ \t]*:(?:[ \t]+(?P<text>.*))?$"
)


def seconds(text: str | None) -> float | None:
    """``h:mm:ss.fff``, ``mm:ss`` or ``mm:ss,fff`` as seconds."""
    if not text:
        return None
    total = 0.0
    for part in text.replace(",", ".").split(":"):
        total = total * 60 + float(part)
    return total


def decode(data: bytes, file: str) -> str:
    """Text from bytes, with ``\\n`` line ends: UTF-8 (with or without a byte-order mark),
    UTF-16 with a byte-order mark, or Windows-1252 (see :mod:`peerval.textfile`)."""
    text = decode_text(data, file, error=TranscriptError)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_lines(lines: list[str], file: str) -> tuple[str, list[RawTurn]]:
    """The preamble and the turns in a list of lines (blank lines split paragraphs)."""
    preamble: list[str] = []
    turns: list[tuple[str, list[str], float | None]] = []
    for number, line in enumerate(lines, start=1):
        match = SPEAKER_LINE.match(line)
        if match:
            at = _checked_seconds(match["time"], Location(file=file, line=number))
            turns.append((match["speaker"], [match["text"] or ""], at))
        elif turns:
            turns[-1][1].append(line.strip())
        else:
            preamble.append(line.strip())
    raw = [RawTurn(s, _paragraphs(body), at) for s, body, at in turns]
    return _paragraphs(preamble), merge_turns(raw, joiner="\n\n")


def _checked_seconds(time: str | None, location: Location) -> float | None:
    """A speaker line's time as seconds, refused when its minutes or seconds pass 59."""
    clock = re.split(r"[.,]", time)[0] if time is not None else ""
    if any(int(part) > 59 for part in clock.split(":")[1:]):
        raise TranscriptError(
            f"bad time {time!r} (minutes and seconds go up to 59, as in 00:01:05)", location
        )
    return seconds(time)


def _paragraphs(lines: list[str]) -> str:
    """Lines joined into paragraphs: a blank line ends a paragraph."""
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return "\n\n".join(" ".join(p) for p in paragraphs if p)


def read_txt(
    path: str | Path,
    *,
    document_id: str | None = None,
    name: str | None = None,
    case_id: str | None = None,
) -> Document:
    """Read a plain-text transcript."""
    path = Path(path)
    text = decode(path.read_bytes(), str(path))
    preamble, turns = parse_lines(text.split("\n"), str(path))
    return transcript_document(
        turns,
        document_id=document_id or path.stem,
        name=name or path.name,
        file=str(path),
        case_id=case_id,
        preamble=preamble,
    )


def turns_in_text(text: str) -> tuple[SpeakerTurn, ...]:
    """The speaker turns of a document laid out by peerval (times are not in the text)."""
    turns: list[SpeakerTurn] = []
    offset = 0
    for paragraph in text.split("\n\n"):
        match = SPEAKER_LINE.match(paragraph.split("\n", 1)[0])
        if match and match["time"] is None and match["text"]:
            start = offset + match.start("text")
            turns.append(SpeakerTurn(match["speaker"], start, offset + len(paragraph)))
        elif turns and paragraph:
            last = turns[-1]
            turns[-1] = SpeakerTurn(last.speaker, last.start, offset + len(paragraph))
        offset += len(paragraph) + 2
    return tuple(turns)
