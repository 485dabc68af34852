"""What a project's event log adds up to, as plain read-only records for the screens.

:mod:`.store` makes them from the core's objects, so the rest of the app depends on these
shapes only. They are immutable, so one snapshot can be shared by every request.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd

__all__ = ["Agreement", "Code", "Coding", "Memo", "Snapshot", "Suggestion", "UndoTarget"]


@dataclass(frozen=True)
class Code:
    """A code of the codebook, with its depth in the tree and the names above it."""

    id: str
    name: str
    description: str
    inclusion: str
    exclusion: str
    parent_id: str | None
    colour: str | None
    codable: bool
    depth: int
    path: tuple[str, ...]


@dataclass(frozen=True)
class Coding:
    """A code applied to an excerpt (character offsets, end excluded) by a coder."""

    id: str
    document_id: str
    start: int
    end: int
    text: str
    code_id: str
    coder: str
    created: datetime
    origin: str = "human"
    #: for an accepted machine suggestion: the model, its confidence, who accepted it
    model: str | None = None
    confidence: float | None = None
    reviewed_by: str | None = None


@dataclass(frozen=True)
class Suggestion:
    """A code a model suggested for an excerpt, waiting for a person to accept or reject it."""

    id: str
    document_id: str
    start: int
    end: int
    text: str
    code_id: str
    model: str
    confidence: float | None
    created: datetime


@dataclass(frozen=True)
class Memo:
    id: str
    target_kind: str
    target_id: str | None
    author: str
    created: datetime
    title: str
    text: str


@dataclass(frozen=True)
class UndoTarget:
    """The action an undo would reverse: its kind and what it was about."""

    seq: int
    kind: str
    code_id: str | None = None
    text: str | None = None
    document_id: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Snapshot:
    """A project's analysis after event ``seq``: codebook (parents before children),
    codings in force, memos, and each person's latest undoable action."""

    seq: int
    codes: tuple[Code, ...]
    codings: tuple[Coding, ...]
    memos: tuple[Memo, ...]
    undoable: Mapping[str, UndoTarget]
    agreement_applies: bool
    phase: str | None = None
    #: machine suggestions waiting for review, and whether the project takes suggestions
    suggestions: tuple[Suggestion, ...] = ()
    suggestions_enabled: bool = False
    _by_id: dict[str, Code] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update({c.id: c for c in self.codes})

    def code(self, code_id: str) -> Code | None:
        """The code with this id, or None if the codebook has none."""
        return self._by_id.get(code_id)

    def children(self, code_id: str | None) -> list[Code]:
        return [c for c in self.codes if c.parent_id == code_id]

    def descendants(self, code_id: str) -> set[str]:
        """The ids of the code and of every code under it."""
        found = {code_id}
        for child in self.children(code_id):
            found |= self.descendants(child.id)
        return found


@dataclass(frozen=True)
class Agreement:
    """The core's agreement tables, unrounded (:func:`peerval.qual.agreement.code_agreement`)."""

    by_code: pd.DataFrame
    overall: pd.DataFrame
    disagreements: pd.DataFrame
    n_boot: int
    confidence: float
