"""WebVTT (.vtt) transcripts, as Microsoft Teams and Zoom export them, read with webvtt-py.

Teams marks the speaker with a voice tag (``<v Ana Silva>Thanks for coming.</v>``); Zoom
starts the cue text with the name (``Ana Silva: Thanks for coming.``). Consecutive cues of
one speaker become one turn, from the first cue's start to the last cue's end. The file is
checked line by line first, so that a bad timing line (a malformed time, minutes or seconds
past 59, a cue that ends before it starts) is reported with its line number.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from peerval.errors import Location
from peerval.qual.documents import Document

from .plain import decode, seconds
from .turns import (
    UNKNOWN_SPEAKER,
    RawTurn,
    TranscriptError,
    check_cue_times,
    merge_turns,
    transcript_document,
)

__all__ = ["read_vtt"]

_STAMP = r"(?:(\d{1,9}):)?(\d{2}):(\d{2})\.(\d{3})"
_TIMING = re.compile(rf"^{_STAMP}[ \t]+-->[ \t]+{_STAMP}(?:[ \t].*)?$")
_EXAMPLE = "00:00:01.000 --> 00:00:04.000"
_LOOKS_TIMED = re.compile(r"^(?:\d+:)?\d{2}:\d{2}[.,]\d")
_NAMED = re.compile(r"^(?P<speaker>[^\W\d_][^:\n]{0,60}?):[ \t]+(?P<text>.+)$", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def _check(text: str, file: str) -> None:
    lines = text.split("\n")
    if not lines[0].startswith("WEBVTT"):
        raise TranscriptError("a WebVTT file must start with 'WEBVTT'", Location(file=file, line=1))
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if "-->" in line or _LOOKS_TIMED.match(line):
            timing = _TIMING.match(line)
            location = Location(file=file, line=number)
            if not timing:
                raise TranscriptError(
                    f"bad cue timing {line[:60]!r} (expected {_EXAMPLE})", location
                )
            check_cue_times(timing.groups(), line, location, _EXAMPLE)


def read_vtt(
    path: str | Path,
    *,
    document_id: str | None = None,
    name: str | None = None,
    case_id: str | None = None,
) -> Document:
    """Read a Teams or Zoom WebVTT transcript."""
    import webvtt  # loads slowly; only when a .vtt is read
    from webvtt.errors import MalformedCaptionError, MalformedFileError

    path = Path(path)
    text = decode(path.read_bytes(), str(path))
    _check(text, str(path))
    try:
        captions = list(webvtt.from_buffer(io.StringIO(text)))
    except (MalformedFileError, MalformedCaptionError, ValueError, IndexError) as exc:
        raise TranscriptError(f"not a valid WebVTT file: {exc}", Location(file=str(path))) from None
    turns = []
    for caption in captions:
        words = " ".join(_TAG.sub("", caption.text).split())
        speaker = caption.voice
        if not speaker:
            named = _NAMED.match(words)
            speaker, words = (
                (named["speaker"], named["text"]) if named else (UNKNOWN_SPEAKER, words)
            )
        turns.append(RawTurn(speaker, words, seconds(caption.start), seconds(caption.end)))
    return transcript_document(
        merge_turns(turns),
        document_id=document_id or path.stem,
        name=name or path.name,
        file=str(path),
        case_id=case_id,
    )
