"""A qualitative project: cases, documents, and an analysis kept as an append-only event log.

Cases and documents are the data. Everything done to the data (codes created and changed,
codings applied and removed, machine suggestions added and reviewed, memos, phases) goes
through a :class:`Project` method, which checks it, appends an event to the log and updates
the state derived from the log. ``undo`` appends a compensating event; nothing is erased.

>>> from datetime import datetime, timezone
>>> at = datetime(2026, 3, 1, 10, 0, tzinfo=timezone.utc)
>>> p = Project.create("Staff survey 2026", "content_analysis", actor="ana", at=at)
>>> p.add_document(Document("d1", "Answer 1", "She listens to me."))
>>> _ = p.create_code(HierarchicalCode("heard", "Feeling heard"), actor="ana", at=at)
>>> coding = p.apply_code("d1", 4, 17, "heard", coder="ana", at=at)
>>> coding.text
'listens to me'
>>> _ = p.undo("ana", at=at)
>>> p.codings()
[]
>>> len(p.log)
3
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from peerval.qual.codebook_diff import CodebookDiff, diff_codebooks
from peerval.qual.codings import Coding, CodingError, Memo
from peerval.qual.documents import Case, Document, DocumentError
from peerval.qual.events import Event, EventLog
from peerval.qual.hierarchy import CodebookVersion, HierarchicalCode, HierarchicalCodebook
from peerval.qual.modes import MODES, PHASES, PhaseEntry, suggestions_on_by_default
from peerval.qual.replay import AnalysisState, apply_event, replay
from peerval.qual.undo import compensation

__all__ = ["Project"]


def _now(at: datetime | None) -> datetime:
    return at if at is not None else datetime.now(UTC)


@dataclass(eq=False)
class Project:
    """A named project in one mode, holding cases, documents and the event log."""

    id: str
    name: str
    mode: str
    created: datetime
    cases: dict[str, Case] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    log: EventLog = field(default_factory=EventLog)

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise CodingError(f"mode must be one of {', '.join(MODES)}, not {self.mode!r}")
        self._state = replay(self.log, self._initial_state())

    def _initial_state(self) -> AnalysisState:
        return AnalysisState(suggestions_enabled=suggestions_on_by_default(self.mode))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Project):
            return NotImplemented
        return (
            self.id,
            self.name,
            self.mode,
            self.created,
            self.cases,
            self.documents,
            self.log,
        ) == (
            other.id,
            other.name,
            other.mode,
            other.created,
            other.cases,
            other.documents,
            other.log,
        )

    @classmethod
    def create(
        cls,
        name: str,
        mode: str = "content_analysis",
        *,
        actor: str,
        at: datetime | None = None,
        project_id: str | None = None,
    ) -> Project:
        """A new, empty project; in reflexive thematic analysis it starts in familiarisation."""
        at = _now(at)
        project = cls(project_id or str(uuid.uuid4()), name, mode, at)
        if mode == "reflexive_thematic_analysis":
            project.enter_phase("familiarisation", actor=actor, at=at)
        return project

    # derived state ------------------------------------------------------------------------
    @property
    def codebook(self) -> HierarchicalCodebook:
        """The codebook as it stands now."""
        return self._state.codebook

    def codings(self, *, include_suggestions: bool = True) -> list[Coding]:
        """The codings in force: people's codings and (unless left out) accepted suggestions.

        Each coding keeps its ``origin``, so accepted suggestions remain distinguishable.
        """
        return [
            c
            for c in self._state.codings.values()
            if c.is_in_force and (include_suggestions or c.is_human)
        ]

    def suggestions(self, status: str | None = None) -> list[Coding]:
        """Machine suggestions, all or with one status (suggested, accepted, rejected)."""
        return [
            c
            for c in self._state.codings.values()
            if not c.is_human and (status is None or c.status == status)
        ]

    def coding(self, coding_id: str) -> Coding:
        """A coding or suggestion by id."""
        return self._state.coding(coding_id)

    @property
    def memos(self) -> list[Memo]:
        """Every memo, oldest first."""
        return list(self._state.memos.values())

    @property
    def phases(self) -> list[PhaseEntry]:
        """Every phase entered, in order (reflexive thematic analysis only)."""
        return list(self._state.phases)

    @property
    def current_phase(self) -> str | None:
        """The phase the project is in now, or None outside reflexive thematic analysis."""
        return self._state.phases[-1].phase if self._state.phases else None

    @property
    def suggestions_enabled(self) -> bool:
        """Whether machine suggestions may be added."""
        return self._state.suggestions_enabled

    @property
    def codebook_versions(self) -> list[CodebookVersion]:
        """The codebook versions saved so far, oldest first."""
        return list(self._state.versions)

    def state_at(self, seq: int) -> AnalysisState:
        """The analysis as it stood just after event ``seq``."""
        return replay(list(self.log)[:seq], self._initial_state())

    # data -----------------------------------------------------------------------------------
    def add_case(self, case: Case) -> None:
        """Add a case; its id must be new."""
        if case.id in self.cases:
            raise DocumentError(f"case {case.id!r} exists already")
        self.cases[case.id] = case

    def add_document(self, document: Document) -> None:
        """Add a document; its id must be new and its case, if any, known."""
        if document.id in self.documents:
            raise DocumentError(f"document {document.id!r} exists already")
        if document.case_id is not None and document.case_id not in self.cases:
            raise DocumentError(f"document {document.id!r}: unknown case {document.case_id!r}")
        self.documents[document.id] = document

    def document(self, document_id: str) -> Document:
        """A document by id."""
        try:
            return self.documents[document_id]
        except KeyError:
            raise DocumentError(f"unknown document {document_id!r}") from None

    def may_quote(self, document_id: str) -> bool:
        """Whether a document may be quoted: its case agreed (a document with no case may)."""
        case_id = self.document(document_id).case_id
        return case_id is None or self.cases[case_id].may_quote

    def drifted(self) -> list[Coding]:
        """Codings whose text snapshot no longer matches their document's text."""
        return [
            c
            for c in self._state.codings.values()
            if c.document_id not in self.documents
            or self.documents[c.document_id].excerpt(c.start, c.end) != c.text
        ]

    # recording events -----------------------------------------------------------------------
    def _record(
        self,
        kind: str,
        actor: str,
        at: datetime | None,
        data: dict[str, Any],
        undoes: int | None = None,
    ) -> Event:
        event = Event(len(self.log) + 1, kind, actor, _now(at), data, undoes)
        # every handler checks before it changes anything, so a refused event leaves the
        # state as it was and is never logged
        apply_event(self._state, event)
        self.log.append(event.kind, event.actor, event.at, event.data, event.undoes)
        return event

    @property
    def namespace(self) -> uuid.UUID:
        """The namespace of the ids this project derives (its own id, if that is a UUID)."""
        try:
            return uuid.UUID(self.id)
        except ValueError:
            return uuid.uuid5(uuid.NAMESPACE_URL, f"peerval-project:{self.id}")

    def _new_id(self, what: str) -> str:
        return str(uuid.uuid5(self.namespace, f"{what}:{len(self.log) + 1}"))

    # codebook ---------------------------------------------------------------------------------
    def create_code(
        self, code: HierarchicalCode, *, actor: str, at: datetime | None = None
    ) -> Event:
        """Add a code (its parent must exist)."""
        return self._record("code_created", actor, at, {"code": code.to_dict()})

    def create_codes(
        self, codebook: Iterable[HierarchicalCode], *, actor: str, at: datetime | None = None
    ) -> None:
        """Add every code of a codebook, parents first."""
        book = codebook if isinstance(codebook, HierarchicalCodebook) else None
        book = book or HierarchicalCodebook(tuple(codebook))
        for _, code in book.depth_first():
            self.create_code(code, actor=actor, at=at)

    def rename_code(
        self, code_id: str, name: str, *, actor: str, at: datetime | None = None
    ) -> Event:
        """Give a code a new name (its id, and so its codings, stay)."""
        old = self.codebook.code(code_id).name
        return self._record(
            "code_renamed", actor, at, {"code_id": code_id, "name": name, "old_name": old}
        )

    def move_code(
        self, code_id: str, parent_id: str | None, *, actor: str, at: datetime | None = None
    ) -> Event:
        """Put a code under another parent (None: at the top)."""
        old = self.codebook.code(code_id).parent_id
        return self._record(
            "code_moved",
            actor,
            at,
            {"code_id": code_id, "parent_id": parent_id, "old_parent_id": old},
        )

    def edit_code(
        self, code_id: str, *, actor: str, at: datetime | None = None, **changes: Any
    ) -> Event:
        """Change a code's description, inclusion or exclusion notes, colour or codable."""
        allowed = {"description", "inclusion", "exclusion", "colour", "codable"}
        unknown = set(changes) - allowed
        if unknown:
            raise CodingError(f"cannot edit {', '.join(sorted(unknown))} of a code this way")
        code = self.codebook.code(code_id)
        old = {k: getattr(code, k) for k in changes}
        return self._record(
            "code_edited", actor, at, {"code_id": code_id, "changes": changes, "old": old}
        )

    def remove_code(self, code_id: str, *, actor: str, at: datetime | None = None) -> Event:
        """Remove a code that has no codes under it and is used by no coding."""
        code = self.codebook.code(code_id)
        return self._record("code_removed", actor, at, {"code": code.to_dict()})

    def save_codebook_version(
        self, label: str, *, actor: str, at: datetime | None = None
    ) -> CodebookVersion:
        """Save the codebook as it stands under a label (such as the wave)."""
        self._record("codebook_version_saved", actor, at, {"label": label})
        return self._state.versions[-1]

    def adopt_codebook(
        self, new: HierarchicalCodebook, *, actor: str, at: datetime | None = None
    ) -> CodebookDiff:
        """Change the codebook into ``new`` by logging each difference; return the diff.

        Codes are created parents first, removed children first; a removed code must have
        no codings.
        """
        diff = diff_codebooks(self.codebook, new)
        moved = {code_id for code_id, _, _ in diff.moved}
        for _, code in new.depth_first():
            if code.id in diff.added:
                self.create_code(code, actor=actor, at=at)
            elif code.id in moved:
                # parents are placed before their children, so no move can make a cycle
                self.move_code(code.id, code.parent_id, actor=actor, at=at)
        for code_id, _, name in diff.renamed:
            self.rename_code(code_id, name, actor=actor, at=at)
        fields = ("description", "inclusion", "exclusion", "colour", "codable")
        for code_id in (*diff.description_changed, *diff.other_changed):
            code, current = new.code(code_id), self.codebook.code(code_id)
            changes = {
                f: getattr(code, f) for f in fields if getattr(code, f) != getattr(current, f)
            }
            if changes:
                self.edit_code(code_id, actor=actor, at=at, **changes)
        removed = set(diff.removed)
        while removed:
            leaves = sorted(i for i in removed if not self.codebook.children(i))
            if not leaves:
                raise CodingError(f"cannot remove codes {sorted(removed)}: they have children")
            for code_id in leaves:
                self.remove_code(code_id, actor=actor, at=at)
                removed.discard(code_id)
        return diff

    # coding -------------------------------------------------------------------------------------
    def _excerpt(self, document_id: str, start: int, end: int, code_id: str) -> str:
        document = self.document(document_id)
        if not 0 <= start < end <= len(document.text):
            raise CodingError(
                f"excerpt {start}-{end} lies outside document {document_id!r} "
                f"(length {len(document.text)})"
            )
        code = self.codebook.code(code_id)
        if not code.codable:
            raise CodingError(f"code {code_id!r} groups other codes and cannot be applied")
        return document.excerpt(start, end)

    def apply_code(
        self,
        document_id: str,
        start: int,
        end: int,
        code_id: str,
        *,
        coder: str,
        at: datetime | None = None,
    ) -> Coding:
        """A person applies a code to an excerpt."""
        text = self._excerpt(document_id, start, end, code_id)
        coding = Coding(
            self._new_id("coding"), document_id, start, end, text, code_id, coder, _now(at)
        )
        self._record("coding_applied", coder, at, {"coding": coding.to_dict()})
        return coding

    def remove_coding(self, coding_id: str, *, actor: str, at: datetime | None = None) -> Event:
        """Remove a person's coding (a suggestion is rejected instead)."""
        coding = self.coding(coding_id)
        return self._record("coding_removed", actor, at, {"coding": coding.to_dict()})

    def suggest(
        self,
        document_id: str,
        start: int,
        end: int,
        code_id: str,
        *,
        model: str,
        confidence: float | None = None,
        at: datetime | None = None,
    ) -> Coding:
        """A model suggests a code for an excerpt; it counts only once a person accepts it."""
        if not self.suggestions_enabled:
            raise CodingError(
                f"machine suggestions are off in this {self.mode.replace('_', ' ')} project; "
                "a researcher can switch them on"
            )
        text = self._excerpt(document_id, start, end, code_id)
        coding = Coding(
            self._new_id("suggestion"),
            document_id,
            start,
            end,
            text,
            code_id,
            model,
            _now(at),
            origin="machine",
            status="suggested",
            model=model,
            confidence=confidence,
        )
        self._record("suggestion_added", f"model:{model}", at, {"coding": coding.to_dict()})
        return coding

    def accept(self, coding_id: str, *, actor: str, at: datetime | None = None) -> Coding:
        """A person accepts a machine suggestion."""
        self._record("suggestion_accepted", actor, at, {"coding_id": coding_id})
        return self.coding(coding_id)

    def reject(self, coding_id: str, *, actor: str, at: datetime | None = None) -> Coding:
        """A person rejects a machine suggestion (it is kept, marked rejected)."""
        self._record("suggestion_rejected", actor, at, {"coding_id": coding_id})
        return self.coding(coding_id)

    def switch_suggestions(self, enabled: bool, *, actor: str, at: datetime | None = None) -> Event:
        """Turn machine suggestions on or off."""
        return self._record("suggestions_switched", actor, at, {"enabled": enabled})

    # memos and phases -----------------------------------------------------------------------
    def add_memo(
        self,
        target_kind: str,
        target_id: str | None,
        text: str,
        *,
        author: str,
        title: str = "",
        at: datetime | None = None,
    ) -> Memo:
        """Write a memo on the project (no target id), a code, a document or a theme."""
        if target_kind == "code" and target_id is not None:
            self.codebook.code(target_id)
        if target_kind == "document" and target_id is not None:
            self.document(target_id)
        memo = Memo(self._new_id("memo"), target_kind, target_id, author, _now(at), text, title)
        self._record("memo_added", author, at, {"memo": memo.to_dict()})
        return memo

    def remove_memo(self, memo_id: str, *, actor: str, at: datetime | None = None) -> Event:
        """Remove a memo (the log keeps it)."""
        memo = self._state.memos.get(memo_id)
        if memo is None:
            raise CodingError(f"no memo {memo_id!r}")
        return self._record("memo_removed", actor, at, {"memo": memo.to_dict()})

    def enter_phase(self, phase: str, *, actor: str, at: datetime | None = None) -> Event:
        """Move a reflexive thematic analysis into a phase (going back is allowed)."""
        if self.mode != "reflexive_thematic_analysis":
            raise CodingError("phases are tracked only in reflexive thematic analysis")
        if phase not in PHASES:
            raise CodingError(f"phase must be one of {', '.join(PHASES)}, not {phase!r}")
        return self._record("phase_entered", actor, at, {"phase": phase})

    # undo ----------------------------------------------------------------------------------------
    def undo(self, actor: str, *, at: datetime | None = None) -> Event:
        """Undo ``actor``'s latest undoable event by appending its opposite."""
        target = self.log.last_undoable(actor)
        if target is None:
            raise CodingError(f"{actor} has nothing to undo")
        kind, data = compensation(target)
        return self._record(kind, actor, at, data, undoes=target.seq)
