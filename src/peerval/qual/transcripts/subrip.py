"""SubRip (.srt) transcripts, read with pysrt.

Each subtitle is numbered and timed; a speaker is recognised from ``Name: words`` at the
start of its text (else the speaker is unknown). Consecutive subtitles of one speaker become
one turn. The file is checked block by block first, so that a bad number or timing line (a
malformed time, minutes or seconds past 59, a subtitle that ends before it starts) is
reported with its line number.
"""

from __future__ import annotations

import re
from pathlib import Path

from peerval.errors import Location
from peerval.qual.documents import Document

from .plain import decode
from .turns import (
    UNKNOWN_SPEAKER,
    RawTurn,
    TranscriptError,
    check_cue_times,
    merge_turns,
    transcript_document,
)

__all__ = ["read_srt"]

_STAMP = r"(\d{1,2}):(\d{2}):(\d{2})[,.](\d{1,3})"
_TIMING = re.compile(rf"^{_STAMP}[ \t]+-->[ \t]+{_STAMP}(?:[ \t].*)?$")
_EXAMPLE = "00:00:01,000 --> 00:00:04,000"
_NAMED = re.compile(r"^(?P<speaker>[^\W\d_][^:\n]{0,60}?):[ \t]+(?P<text>.+)$", re.DOTALL)
_TAG = re.compile(r"<[^>]*>|\{\\[^}]*\}")


def _check(text: str, file: str) -> None:
    lines = text.split("\n")
    number, block_start = 0, True
    found = False
    while number < len(lines):
        line = lines[number].strip()
        if not line:
            block_start = True
        elif block_start:
            if not line.isdigit():
                raise TranscriptError(
                    f"expected a subtitle number, found {line[:40]!r}",
                    Location(file=file, line=number + 1),
                )
            following = lines[number + 1].strip() if number + 1 < len(lines) else ""
            timing = _TIMING.match(following)
            location = Location(file=file, line=number + 2)
            if not timing:
                raise TranscriptError(
                    f"bad timing {following[:60]!r} (expected {_EXAMPLE})", location
                )
            check_cue_times(timing.groups(), following, location, _EXAMPLE, "subtitle")
            number += 1
            block_start, found = False, True
        number += 1
    if not found:
        raise TranscriptError("no subtitles found", Location(file=file, line=1))


def read_srt(
    path: str | Path,
    *,
    document_id: str | None = None,
    name: str | None = None,
    case_id: str | None = None,
) -> Document:
    """Read a SubRip transcript."""
    import pysrt  # only when a .srt is read

    path = Path(path)
    text = decode(path.read_bytes(), str(path))
    _check(text, str(path))
    try:
        items = pysrt.from_string(text, error_handling=pysrt.ERROR_RAISE)
    except (pysrt.Error, ValueError, IndexError) as exc:
        raise TranscriptError(f"not a valid SubRip file: {exc}", Location(file=str(path))) from None
    turns = []
    for item in items:
        words = " ".join(_TAG.sub("", item.text).split())
        named = _NAMED.match(words)
        speaker, words = (named["speaker"], named["text"]) if named else (UNKNOWN_SPEAKER, words)
        turns.append(RawTurn(speaker, words, item.start.ordinal / 1000, item.end.ordinal / 1000))
    return transcript_document(
        merge_turns(turns),
        document_id=document_id or path.stem,
        name=name or path.name,
        file=str(path),
        case_id=case_id,
    )
