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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from peerval.errors import DataError, Location
from peerval.qual.documents import Document, SpeakerTurn

__all__ = ["RawTurn", "TranscriptError", "check_cue_times", "merge_turns", "transcript_document"]

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


def check_cue_times(
    times: Sequence[str | None], line: str, location: Location, example: str, cue: str = "cue"
) -> None:
    """Refuse a cue's timing line whose times are out of range or that ends before it starts.

    ``times`` are the hours (or None), minutes, seconds and milliseconds of the start and
    then of the end, as the timing line's pattern matched them; ``example`` is a good line
    and ``cue`` what the format calls a timed piece of text.

    >>> check_cue_times([None, "00", "05", "000", None, "00", "02", "000"],
    ...                 "00:05.000 --> 00:02.000", Location(file="a.vtt", line=3), "")
    Traceback (most recent call last):
    ...
    peerval.qual.transcripts.turns.TranscriptError: a.vtt, line 3: the cue ends before it ...
    """
    hours, minutes, secs, millis = (int(part or 0) for part in times[:4])
    end_hours, end_minutes, end_secs, end_millis = (int(part or 0) for part in times[4:])
    if max(minutes, secs, end_minutes, end_secs) > 59:
        raise TranscriptError(
            f"bad cue timing {line[:60]!r}: minutes and seconds go up to 59 "
            f"(expected a line such as {example})",
            location,
        )
    start = ((hours * 60 + minutes) * 60 + secs) * 1000 + millis
    end = ((end_hours * 60 + end_minutes) * 60 + end_secs) * 1000 + end_millis
    if end < start:
        raise TranscriptError(
            f"the {cue} ends before it starts ({line[:60]!r}); swap or correct its times",
            location,
        )


def _clean_speaker(name: str) -> str:
    name = " ".join(name.replace(":", " ").split())
    return name or UNKNOWN_SPEAKER


def merge_turns(turns: Iterable[RawTurn], joiner: str = " ") -> list[RawTurn]:
    """Join consecutive turns of the same speaker, from the earliest start to the latest end
    (the first start and last end when the cues are in order and do not overlap)."""
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
                _earliest(last.begins_at, turn.begins_at),
                _latest(last.ends_at, turn.ends_at),
            )
        else:
            merged.append(turn)
    return merged


def _earliest(first: float | None, second: float | None) -> float | None:
    known = [time for time in (first, second) if time is not None]
    return min(known) if known else None


def _latest(first: float | None, second: float | None) -> float | None:
    known = [time for time in (first, second) if time is not None]
    return max(known) if known else None


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
