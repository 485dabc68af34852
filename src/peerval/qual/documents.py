"""What a qualitative project analyses: cases (people) and their documents.

A :class:`Document` is plain text with a stable id. A free-text survey answer remembers the
questionnaire, item and response it came from; an interview transcript keeps its speaker
turns, each with character offsets into the text and, where the recording gave them, its
start and end times in seconds.

>>> doc = Document("i1", "Interview 1", "Interviewer: How was it?", "transcript",
...                turns=(SpeakerTurn("Interviewer", 0, 24, begins_at=1.5),))
>>> doc.turn_at(5).speaker
'Interviewer'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from peerval.errors import DataError

__all__ = [
    "DOCUMENT_KINDS",
    "Case",
    "Document",
    "DocumentError",
    "FreeTextOrigin",
    "SpeakerTurn",
]

DOCUMENT_KINDS = ("free_text", "transcript")


class DocumentError(DataError):
    """A case or document is malformed."""


@dataclass(frozen=True)
class Case:
    """A respondent or interview participant, with attributes such as group or profession.

    ``may_quote`` is false for a person who did not agree to be quoted: reports quote only
    cases where it is true. It defaults to true, as the report does when consent was not
    asked separately.
    """

    id: str
    attributes: Mapping[str, str] = field(default_factory=dict)
    may_quote: bool = True

    def __post_init__(self) -> None:
        if not self.id or not str(self.id).strip():
            raise DocumentError("a case needs an id")
        attributes = dict(self.attributes)
        for key, value in attributes.items():
            if not isinstance(key, str) or not isinstance(value, str):
                raise DocumentError(
                    f"case {self.id!r}: attribute {key!r} must be text, not {type(value).__name__}"
                )
        object.__setattr__(self, "attributes", attributes)

    def to_dict(self) -> dict[str, Any]:
        """A plain dictionary (the project file's form)."""
        return {"id": self.id, "attributes": dict(self.attributes), "may_quote": self.may_quote}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Case:
        """The case :meth:`to_dict` describes."""
        return cls(
            str(data["id"]), dict(data.get("attributes") or {}), bool(data.get("may_quote", True))
        )


@dataclass(frozen=True)
class SpeakerTurn:
    """One speaker's turn: who, where in the text (``start`` to ``end``, end excluded) and,
    when known, when in the recording (seconds)."""

    speaker: str
    start: int
    end: int
    begins_at: float | None = None
    ends_at: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """A plain dictionary (the project file's form)."""
        return {
            "speaker": self.speaker,
            "start": self.start,
            "end": self.end,
            "begins_at": self.begins_at,
            "ends_at": self.ends_at,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SpeakerTurn:
        """The turn :meth:`to_dict` describes."""
        return cls(
            str(data["speaker"]),
            int(data["start"]),
            int(data["end"]),
            data.get("begins_at"),
            data.get("ends_at"),
        )


@dataclass(frozen=True)
class FreeTextOrigin:
    """Where a free-text answer came from: questionnaire, item and response."""

    instrument: str
    item_id: str
    response_id: str

    def to_dict(self) -> dict[str, str]:
        """A plain dictionary (the project file's form)."""
        return {
            "instrument": self.instrument,
            "item_id": self.item_id,
            "response_id": self.response_id,
        }


@dataclass(frozen=True)
class Document:
    """A text to code: a free-text answer or an interview transcript."""

    id: str
    name: str
    text: str
    kind: str = "free_text"
    case_id: str | None = None
    origin: FreeTextOrigin | None = None
    turns: tuple[SpeakerTurn, ...] = ()

    def __post_init__(self) -> None:
        if not self.id or not str(self.id).strip():
            raise DocumentError("a document needs an id")
        if self.kind not in DOCUMENT_KINDS:
            raise DocumentError(
                f"document {self.id!r}: kind must be one of {', '.join(DOCUMENT_KINDS)}, "
                f"not {self.kind!r}"
            )
        object.__setattr__(self, "turns", tuple(self.turns))
        length = len(self.text)
        for turn in self.turns:
            if not 0 <= turn.start <= turn.end <= length:
                raise DocumentError(
                    f"document {self.id!r}: turn of {turn.speaker!r} at {turn.start}-{turn.end} "
                    f"lies outside the text (length {length})"
                )

    def excerpt(self, start: int, end: int) -> str:
        """The text from ``start`` to ``end`` (end excluded)."""
        return self.text[start:end]

    def turn_at(self, offset: int) -> SpeakerTurn | None:
        """The speaker turn containing a character offset, if any."""
        for turn in self.turns:
            if turn.start <= offset < turn.end:
                return turn
        return None

    def to_dict(self) -> dict[str, Any]:
        """A plain dictionary (the project file's form)."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "case_id": self.case_id,
            "origin": self.origin.to_dict() if self.origin else None,
            "turns": [t.to_dict() for t in self.turns],
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        """The document :meth:`to_dict` describes."""
        origin = data.get("origin")
        return cls(
            id=str(data["id"]),
            name=str(data.get("name") or data["id"]),
            text=str(data["text"]),
            kind=str(data.get("kind", "free_text")),
            case_id=data.get("case_id"),
            origin=FreeTextOrigin(**origin) if origin else None,
            turns=tuple(SpeakerTurn.from_dict(t) for t in data.get("turns") or ()),
        )
