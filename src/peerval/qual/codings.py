"""Codings (a code applied to an excerpt) and memos, with who made them and when.

An excerpt is a pair of character offsets into a document (``start`` included, ``end``
excluded) plus a snapshot of the text it covered, so that a later change to the document's
text is noticed rather than silently shifting the excerpt.

A coding is made by a person (``origin="human"``, ``status="applied"``) or suggested by a
model (``origin="machine"``), in which case it also carries the model's name and confidence
and a status: ``suggested`` until a person accepts or rejects it. Machine suggestions are
never shown as human codings: :attr:`Coding.is_human` tells them apart everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from peerval.errors import DataError

__all__ = [
    "CODING_STATUSES",
    "MEMO_TARGETS",
    "Coding",
    "CodingError",
    "Memo",
    "format_time",
    "parse_time",
]

CODING_STATUSES = ("applied", "suggested", "accepted", "rejected")
MEMO_TARGETS = ("project", "code", "document", "theme")


class CodingError(DataError):
    """A coding, suggestion or memo cannot be made as asked."""


def format_time(moment: datetime) -> str:
    """An aware datetime as ISO 8601 text."""
    if moment.tzinfo is None:
        raise CodingError(f"time {moment} has no time zone")
    return moment.isoformat()


def parse_time(text: str) -> datetime:
    """ISO 8601 text (``Z`` allowed) as an aware datetime."""
    try:
        moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        raise CodingError(f"{text!r} is not an ISO 8601 time") from None
    if moment.tzinfo is None:
        raise CodingError(f"time {text!r} has no time zone")
    return moment


@dataclass(frozen=True)
class Coding:
    """One code applied to (or suggested for) one excerpt of one document."""

    id: str
    document_id: str
    start: int
    end: int
    text: str
    code_id: str
    coder: str
    created: datetime
    origin: str = "human"  # human | machine
    status: str = "applied"
    model: str | None = None
    confidence: float | None = None
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None

    def __post_init__(self) -> None:
        if self.origin not in ("human", "machine"):
            raise CodingError(f"coding {self.id}: origin must be human or machine")
        if self.status not in CODING_STATUSES:
            raise CodingError(f"coding {self.id}: unknown status {self.status!r}")
        if self.origin == "human" and self.status != "applied":
            raise CodingError(f"coding {self.id}: a person's coding is always 'applied'")
        if self.origin == "machine" and (self.status == "applied" or not self.model):
            raise CodingError(
                f"coding {self.id}: a machine suggestion needs a model and a status of "
                "suggested, accepted or rejected"
            )
        if self.confidence is not None and not 0.0 <= self.confidence <= 1.0:
            raise CodingError(f"coding {self.id}: confidence must be between 0 and 1")
        if not 0 <= self.start < self.end:
            raise CodingError(
                f"coding {self.id}: excerpt {self.start}-{self.end} is empty or negative"
            )

    @property
    def is_human(self) -> bool:
        """True for a person's coding, false for a machine suggestion (whatever its status)."""
        return self.origin == "human"

    @property
    def is_in_force(self) -> bool:
        """True when the coding counts: a person's coding or an accepted suggestion."""
        return self.status in ("applied", "accepted")

    def reviewed(self, status: str, by: str | None, at: datetime | None) -> Coding:
        """The same suggestion with a new status."""
        return replace(self, status=status, reviewed_by=by, reviewed_at=at)

    def to_dict(self) -> dict[str, Any]:
        """A plain dictionary (the project file's form)."""
        return {
            "id": self.id,
            "document_id": self.document_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "code_id": self.code_id,
            "coder": self.coder,
            "created": format_time(self.created),
            "origin": self.origin,
            "status": self.status,
            "model": self.model,
            "confidence": self.confidence,
            "reviewed_by": self.reviewed_by,
            "reviewed_at": format_time(self.reviewed_at) if self.reviewed_at else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Coding:
        """The coding :meth:`to_dict` describes."""
        reviewed_at = data.get("reviewed_at")
        confidence = data.get("confidence")
        return cls(
            id=str(data["id"]),
            document_id=str(data["document_id"]),
            start=int(data["start"]),
            end=int(data["end"]),
            text=str(data["text"]),
            code_id=str(data["code_id"]),
            coder=str(data["coder"]),
            created=parse_time(data["created"]),
            origin=str(data.get("origin", "human")),
            status=str(data.get("status", "applied")),
            model=data.get("model"),
            confidence=None if confidence is None else float(confidence),
            reviewed_by=data.get("reviewed_by"),
            reviewed_at=parse_time(reviewed_at) if reviewed_at else None,
        )


@dataclass(frozen=True)
class Memo:
    """A researcher's note on the project, a code, a document or a theme."""

    id: str
    target_kind: str
    target_id: str | None
    author: str
    created: datetime
    text: str
    title: str = ""

    def __post_init__(self) -> None:
        if self.target_kind not in MEMO_TARGETS:
            raise CodingError(
                f"memo {self.id}: target must be one of {', '.join(MEMO_TARGETS)}, "
                f"not {self.target_kind!r}"
            )
        if (self.target_kind == "project") != (self.target_id is None):
            raise CodingError(f"memo {self.id}: only a project memo has no target id")
        if not self.text.strip():
            raise CodingError(f"memo {self.id} is empty")

    def to_dict(self) -> dict[str, Any]:
        """A plain dictionary (the project file's form)."""
        return {
            "id": self.id,
            "target_kind": self.target_kind,
            "target_id": self.target_id,
            "author": self.author,
            "created": format_time(self.created),
            "title": self.title,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Memo:
        """The memo :meth:`to_dict` describes."""
        return cls(
            id=str(data["id"]),
            target_kind=str(data["target_kind"]),
            target_id=data.get("target_id"),
            author=str(data["author"]),
            created=parse_time(data["created"]),
            text=str(data["text"]),
            title=str(data.get("title") or ""),
        )
