"""Speaker turns read from a transcript file, and the document they make.

Every reader (plain text, Word, WebVTT, SubRip) produces :class:`RawTurn` objects; this
module merges consecutive turns of one speaker and lays them out as a document's text::

    Interviewer: What did the peer support worker do?

    P1: She came to the ward round with me.

Each turn's offsets cover what was said (after ``Speaker:``), so coding a whole turn codes
the words, not the label. The same layout is read back by
:func:`peerval.qual.transcripts.plain.turns_in_text`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from peerval.errors import DataError, Location
from peerval.qual.documents import Document, SpeakerTurn

__all__ = ["RawTurn", "TranscriptError", "merge_turns", "transcript_document"]

#: the speaker of text whose speaker the file does not give
UNKNOWN_SPEAKER = "Unknown speaker"


class TranscriptError(DataError):
    """A transcript file cannot be read."""


@dataclass(frozen=True)
class RawTurn:
    """What one speaker said, as read from a file, with times in seconds when known."""

    speaker: str
    text: str
    begins_at: float | None = None
    ends_at: float | None = None


def _clean_speaker(name: str) -> str:
    name = " ".join(name.replace(":", " ").split())
    return name or UNKNOWN_SPEAKER


def merge_turns(turns: Iterable[RawTurn], joiner: str = " ") -> list[RawTurn]:
    """Join consecutive turns of the same speaker, keeping the first start and last end."""
    merged: list[RawTurn] = []
    for turn in turns:
        turn = replace(turn, speaker=_clean_speaker(turn.speaker), text=turn.text.strip())
        if not turn.text:
            continue
        if merged and merged[-1].speaker == turn.speaker:
            last = merged[-1]
            merged[-1] = RawTurn(
                last.speaker,
                last.text + joiner + turn.text,
                last.begins_at if last.begins_at is not None else turn.begins_at,
                turn.ends_at if turn.ends_at is not None else last.ends_at,
            )
        else:
            merged.append(turn)
    return merged


def transcript_document(
    turns: Iterable[RawTurn],
    *,
    document_id: str,
    name: str,
    file: str,
    case_id: str | None = None,
    preamble: str = "",
) -> Document:
    """The document of a transcript: optional preamble, then one paragraph per turn."""
    turns = list(turns)
    if not turns:
        raise TranscriptError(
            "no speaker turns found (expected turns such as 'Interviewer: ...')",
            Location(file=file),
        )
    parts: list[str] = []
    spans: list[SpeakerTurn] = []
    length = 0
    if preamble.strip():
        parts.append(preamble.strip())
        length = len(parts[0])
    for turn in turns:
        label = f"{turn.speaker}: "
        if parts:
            length += 2  # the blank line between paragraphs
        start = length + len(label)
        parts.append(label + turn.text)
        length += len(parts[-1])
        spans.append(SpeakerTurn(turn.speaker, start, length, turn.begins_at, turn.ends_at))
    return Document(
        document_id, name, "\n\n".join(parts), "transcript", case_id, None, tuple(spans)
    )
