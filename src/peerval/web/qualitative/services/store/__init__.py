"""The one place the web app talks to the qualitative core (:mod:`peerval.qual`).

A project lives in the database as rows (docs/adr/0012): its cases and documents, and its
event log, one row per core event. :func:`snapshot` gives what the log adds up to as plain,
read-only records (:mod:`.records`), replaying the log into a core project only when the
log has grown since the last replay in this process. Every change goes through
:func:`_change`: in one transaction it locks the project row, takes the core project as
it stands at the row's last event, calls one core method (which checks the change and
raises a :class:`~peerval.errors.PeervalError` if it cannot be made), and inserts the new
events. Two people coding at once are serialised by the row lock, so both are kept.

Nothing outside this package imports :mod:`peerval.qual`; if the core changes, this is the
package to change. Reads that need no project (agreement, samples, theme maps) are in
:mod:`.analysis` and exported here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import pandas as pd
from django.db import transaction

from peerval.errors import DataError, PeervalError
from peerval.qual.codebook import Code as ReportCode
from peerval.qual.codebook import Codebook as ReportCodebook
from peerval.qual.codebook import Theme as ReportTheme
from peerval.qual.documents import Case as CoreCase
from peerval.qual.documents import Document as CoreDocument
from peerval.qual.documents import FreeTextOrigin, SpeakerTurn
from peerval.qual.events import Event, EventLog
from peerval.qual.hierarchy import HierarchicalCode
from peerval.qual.modes import allows_agreement
from peerval.qual.project import Project as CoreProject
from peerval.qual.refiqda import write_qdpx
from peerval.qual.survey import project_from_survey, survey_codings

from ...models import Case, Document, Project, ProjectEvent
from ..cache import ProjectCache
from ..records import Code, Coding, Memo, Snapshot, Suggestion, UndoTarget
from .analysis import agreement, draw_sample, theme_map, theme_summary

__all__ = [
    "add_memo",
    "add_suggestions",
    "agreement",
    "apply_code",
    "change_code",
    "create_code",
    "create_from_survey",
    "draw_sample",
    "export_qdpx",
    "model_suggestions",
    "remove_code",
    "remove_coding",
    "report_inputs",
    "review_suggestion",
    "snapshot",
    "theme_map",
    "theme_summary",
    "training_codings",
    "undo",
]

T = TypeVar("T")
_EVENT_PREFIX = re.compile(r"^event \d+ \([a-z_]+\): ")
_cache = ProjectCache()


# --- reading ------------------------------------------------------------------------------
def _core(row: Project) -> CoreProject:
    """The core project the rows describe, its log replayed."""
    cases = {c.pk: CoreCase(c.case_id, dict(c.attributes), c.may_quote) for c in row.cases.all()}
    documents = {}
    for d in row.documents.order_by("position"):
        documents[d.document_id] = CoreDocument(
            d.document_id,
            d.name,
            d.text,
            d.kind,
            case_id=cases[d.case_id].id if d.case_id else None,
            origin=FreeTextOrigin(**d.origin) if d.origin else None,
            turns=tuple(SpeakerTurn.from_dict(t) for t in d.turns or ()),
        )
    events = [
        Event(e.seq, e.kind, e.actor, e.at, dict(e.payload), e.undoes)
        for e in row.events.order_by("seq")
    ]
    return CoreProject(
        row.core_id,
        row.name,
        row.mode,
        row.created_at,
        {c.id: c for c in cases.values()},
        documents,
        EventLog(events),
    )


def _undo_target(event: Event | None) -> UndoTarget | None:
    if event is None:
        return None
    data = event.data
    coding = data.get("coding") or {}
    code = data.get("code") or {}
    memo = data.get("memo") or {}
    return UndoTarget(
        seq=event.seq,
        kind=event.kind,
        code_id=coding.get("code_id") or code.get("id") or data.get("code_id"),
        text=coding.get("text") or memo.get("text"),
        document_id=coding.get("document_id") or memo.get("target_id"),
        name=code.get("name") or data.get("old_name"),
    )


def _records(core: CoreProject) -> Snapshot:
    book = core.codebook
    codes = tuple(
        Code(
            id=c.id,
            name=c.name,
            description=c.description,
            inclusion=c.inclusion,
            exclusion=c.exclusion,
            parent_id=c.parent_id,
            colour=c.colour,
            codable=c.codable,
            depth=depth,
            path=book.path(c.id),
        )
        for depth, c in book.depth_first()
    )
    codings = tuple(
        Coding(
            id=c.id,
            document_id=c.document_id,
            start=c.start,
            end=c.end,
            text=c.text,
            code_id=c.code_id,
            coder=c.coder,
            created=c.created,
            origin=c.origin,
            model=c.model,
            confidence=c.confidence,
            reviewed_by=c.reviewed_by,
        )
        for c in core.codings()
    )
    suggestions = tuple(
        Suggestion(
            id=c.id,
            document_id=c.document_id,
            start=c.start,
            end=c.end,
            text=c.text,
            code_id=c.code_id,
            model=c.model or "",
            confidence=c.confidence,
            created=c.created,
        )
        for c in core.suggestions("suggested")
    )
    memos = tuple(
        Memo(m.id, m.target_kind, m.target_id, m.author, m.created, m.title, m.text)
        for m in core.memos
    )
    actors = {e.actor for e in core.log}
    undoable = {a: t for a in actors if (t := _undo_target(core.log.last_undoable(a)))}
    return Snapshot(
        seq=len(core.log),
        codes=codes,
        codings=codings,
        memos=memos,
        undoable=undoable,
        agreement_applies=allows_agreement(core.mode),
        phase=core.current_phase,
        suggestions=suggestions,
        suggestions_enabled=core.suggestions_enabled,
    )


def snapshot(row: Project) -> Snapshot:
    """The project's codebook, codings and memos as its log stands (``row.last_seq``)."""
    found = _cache.snapshot(row.core_id, row.last_seq)
    if found is not None:
        return found
    core = _core(row)
    records = _records(core)
    _cache.offer(row.core_id, records.seq, core, records)
    return records


# --- changing ---------------------------------------------------------------------------
def _insert(row: Project, events: Iterable[Event]) -> None:
    ProjectEvent.objects.bulk_create(
        [
            ProjectEvent(
                project=row,
                seq=e.seq,
                kind=e.kind,
                payload=dict(e.data),
                actor=e.actor,
                at=e.at,
                undoes=e.undoes,
            )
            for e in events
        ]
    )


def _change(row: Project, change: Callable[[CoreProject], T]) -> T:
    """Apply one change to the project and append its events, in one transaction.

    The project row is locked first (``SELECT ... FOR UPDATE``; SQLite's immediate
    transactions hold the write lock already), so concurrent changes queue and each sees the
    events of the one before. A change the core refuses raises before anything is written.
    """
    with transaction.atomic():
        locked = Project.objects.select_for_update().get(pk=row.pk)
        core = _cache.take(locked.core_id, locked.last_seq) or _core(locked)
        before = len(core.log)
        if before != locked.last_seq:
            raise DataError(
                f"project {locked.pk}: the log has {before} events but the project says "
                f"{locked.last_seq}"
            )
        try:
            result = change(core)
        except PeervalError as error:
            _plain(error)
            raise
        _insert(locked, list(core.log)[before:])
        locked.last_seq = len(core.log)
        locked.save(update_fields=["last_seq"])
        records = _records(core)
        transaction.on_commit(lambda: _cache.offer(locked.core_id, records.seq, core, records))
    row.last_seq = locked.last_seq
    return result


def _plain(error: PeervalError) -> None:
    """Drop the core's "event N (kind):" prefix: the person did not see an event number."""
    message = _EVENT_PREFIX.sub("", error.message)
    if message != error.message:
        error.message = message
        error.args = (str(error),)


def apply_code(
    row: Project, document_id: str, start: int, end: int, code_id: str, *, actor: str
) -> str:
    """Apply a code to an excerpt; the new coding's id."""
    return _change(row, lambda p: p.apply_code(document_id, start, end, code_id, coder=actor).id)


def add_suggestions(
    row: Project, suggestions: Iterable[tuple[str, int, int, str, float]], *, model: str
) -> int:
    """Record a model's suggestions, each ``(document_id, start, end, code_id, confidence)``;
    how many were added. Refused (PeervalError) where the project takes no suggestions."""

    def add(p: CoreProject) -> int:
        n = 0
        for document_id, start, end, code_id, confidence in suggestions:
            p.suggest(document_id, start, end, code_id, model=model, confidence=confidence)
            n += 1
        return n

    return _change(row, add)


def review_suggestion(row: Project, coding_id: str, *, accept: bool, actor: str) -> None:
    """A person accepts (it becomes a coding, still marked as the model's) or rejects a
    suggestion."""
    if accept:
        _change(row, lambda p: p.accept(coding_id, actor=actor))
    else:
        _change(row, lambda p: p.reject(coding_id, actor=actor))


def training_codings(row: Project) -> pd.DataFrame:
    """People's codings of whole documents, for training a model: ``document_id``, ``text``
    and ``code_id``, one row per document and code (suggestions are left out)."""
    return _training_frame(_core(row))


def _training_frame(core: CoreProject) -> pd.DataFrame:
    rows = [
        {
            "document_id": c.document_id,
            "text": core.document(c.document_id).text,
            "code_id": c.code_id,
        }
        for c in core.codings(include_suggestions=False)
    ]
    frame = pd.DataFrame(rows, columns=["document_id", "text", "code_id"])
    return frame.drop_duplicates(["document_id", "code_id"]).reset_index(drop=True)


def model_suggestions(
    row: Project, codes: Iterable[str]
) -> tuple[str, list[tuple[str, int, int, str, float]]]:
    """Train the default automatic coder on the project's coded documents for ``codes`` and
    apply it to the documents nobody has coded and that have no suggestion waiting; the
    model's name and its suggestions ``(document_id, 0, len(text), code_id, probability)``,
    least certain first."""
    import numpy as np

    from peerval.qual.autocode import CodedTexts, train, uncertainty
    from peerval.version import __version__

    codes = list(codes)
    core = _core(row)
    training = _training_frame(core)  # the same replay, not a second one
    coded = list(dict.fromkeys(training["document_id"]))
    is_coded = set(coded)
    have = set(zip(training["document_id"], training["code_id"], strict=True))
    labels = np.array([[int((d, c) in have) for c in codes] for d in coded])
    texts = tuple(core.document(d).text for d in coded)
    model = train(CodedTexts(texts, tuple(codes), labels), folds=min(5, _folds_for(labels)))
    waiting = {s.document_id for s in core.suggestions("suggested")}
    todo = [
        d
        for d in core.documents.values()
        if d.id not in is_coded and d.id not in waiting and d.text.strip()
    ]
    name = f"peerval autocode {__version__} (default)"
    if not todo:
        return name, []
    probs = model.probability_matrix([d.text for d in todo])
    decided = probs >= model.thresholds
    doubt = uncertainty(probs, np.asarray(model.thresholds))
    found = [
        (doubt[i, j], (d.id, 0, len(d.text), codes[j], float(probs[i, j])))
        for i, d in enumerate(todo)
        for j in range(len(codes))
        if decided[i, j]
    ]
    found.sort(key=lambda pair: -pair[0])
    return name, [suggestion for _, suggestion in found]


def _folds_for(labels) -> int:
    """Cross-validation folds the rarest class allows (at least 2)."""
    positives = labels.sum(axis=0)
    negatives = len(labels) - positives
    return max(2, int(min(positives.min(), negatives.min())))


def remove_coding(row: Project, coding_id: str, *, actor: str) -> None:
    """Remove a person's coding (it stays in the log)."""
    _change(row, lambda p: p.remove_coding(coding_id, actor=actor))


def undo(row: Project, *, actor: str) -> UndoTarget:
    """Undo ``actor``'s latest action in the project; what was undone."""

    def reverse(p: CoreProject) -> UndoTarget:
        target = _undo_target(p.log.last_undoable(actor))
        p.undo(actor)
        return target  # type: ignore[return-value]

    return _change(row, reverse)


def add_memo(row: Project, document_id: str, text: str, title: str, *, actor: str) -> str:
    """A memo on a document; its id."""
    return _change(
        row, lambda p: p.add_memo("document", document_id, text, author=actor, title=title).id
    )


def _new_code_id(name: str, taken: Iterable[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:60] or "code"
    taken = set(taken)
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}_{n}"
    return candidate


def create_code(
    row: Project,
    *,
    name: str,
    description: str = "",
    inclusion: str = "",
    exclusion: str = "",
    parent_id: str | None = None,
    codable: bool = True,
    actor: str,
) -> str:
    """Add a code to the codebook; its new id (made from its name)."""

    def create(p: CoreProject) -> str:
        code = HierarchicalCode(
            _new_code_id(name, p.codebook.ids),
            name,
            description,
            inclusion,
            exclusion,
            parent_id=parent_id,
            codable=codable,
        )
        p.create_code(code, actor=actor)
        return code.id

    return _change(row, create)


def change_code(row: Project, code_id: str, *, actor: str, **wanted: Any) -> list[str]:
    """Rename, move and edit a code as ``wanted`` says; the names of the fields changed.

    ``wanted`` may hold ``name``, ``parent_id``, ``description``, ``inclusion``,
    ``exclusion`` and ``codable``; fields equal to the code's present value are left alone.
    """

    def change(p: CoreProject) -> list[str]:
        code = p.codebook.code(code_id)
        changed = [f for f, v in wanted.items() if getattr(code, f) != v]
        if "name" in changed:
            p.rename_code(code_id, wanted["name"], actor=actor)
        if "parent_id" in changed:
            p.move_code(code_id, wanted["parent_id"], actor=actor)
        edits = {f: wanted[f] for f in changed if f not in ("name", "parent_id")}
        if edits:
            p.edit_code(code_id, actor=actor, **edits)
        return changed

    return _change(row, change)


def remove_code(row: Project, code_id: str, *, actor: str) -> None:
    """Remove a code the core allows to go (no codes under it, no codings)."""
    _change(row, lambda p: p.remove_code(code_id, actor=actor))


# --- making a project -------------------------------------------------------------------
def create_from_survey(
    *,
    evaluation: Any,
    wave: Any,
    name: str,
    mode: str,
    user: Any,
    answers: pd.DataFrame,
    respondents: pd.DataFrame,
    questions: dict[tuple[str, str], str],
) -> Project:
    """A project of every free-text answer, each respondent a case (call in a transaction).

    ``answers`` and ``respondents`` are in the shape :func:`peerval.qual.survey.project_from_survey`
    reads; ``questions`` gives the question asked for each ``(instrument, item_id)``.
    """
    actor = user.get_username()
    core = project_from_survey(answers, respondents, name=name, actor=actor)
    if mode != core.mode:
        # the core builds survey projects for content analysis; the data are the same in
        # the other mode, which starts its own log (its first phase)
        moved = CoreProject.create(name, mode, actor=actor, at=core.created, project_id=core.id)
        for case in core.cases.values():
            moved.add_case(case)
        for document in core.documents.values():
            moved.add_document(document)
        core = moved
    row = Project.objects.create(
        evaluation=evaluation,
        wave=wave,
        name=name,
        mode=mode,
        core_id=core.id,
        created_at=core.created,
        created_by=user,
        last_seq=len(core.log),
    )
    cases = Case.objects.bulk_create(
        [
            Case(project=row, case_id=c.id, attributes=dict(c.attributes), may_quote=c.may_quote)
            for c in core.cases.values()
        ]
    )
    case_pk = {c.case_id: c for c in cases}
    Document.objects.bulk_create(
        [
            Document(
                project=row,
                document_id=d.id,
                position=n,
                name=d.name[:300],
                kind=d.kind,
                case=case_pk.get(d.case_id) if d.case_id else None,
                origin=d.origin.to_dict() if d.origin else None,
                question=questions.get((d.origin.instrument, d.origin.item_id), "")[:500]
                if d.origin
                else "",
                turns=[t.to_dict() for t in d.turns],
                text=d.text,
            )
            for n, d in enumerate(core.documents.values(), start=1)
        ]
    )
    _insert(row, core.log)
    records = _records(core)
    transaction.on_commit(lambda: _cache.offer(row.core_id, records.seq, core, records))
    return row


# --- the report ---------------------------------------------------------------------------
def report_inputs(
    row: Project, themes: Iterable[dict[str, Any]]
) -> tuple[pd.DataFrame, ReportCodebook] | None:
    """What the wave's report needs from a project: its survey codings (people's, and
    suggestions people accepted) and a codebook of its top-level themes, each holding every
    code that counts towards it (its sub-themes' too). ``themes`` as for :func:`theme_map`.
    None when the project has no themes, or no coding of a code in one."""
    core = _core(row)
    codes = {c.id: c for c in core.codebook.codes}
    # a code removed from the codebook since no longer counts towards its theme
    themes = [dict(t, codes=[c for c in t["codes"] if c in codes]) for t in themes]
    if not themes:
        return None
    board = theme_map(themes, codes)
    report_themes = []
    for n, theme in enumerate(t for t in board.themes if t.parent_id is None):
        members = sorted(board.codes_of(theme.id), key=list(codes).index)
        report_themes.append(
            ReportTheme(
                f"theme_{n + 1}",
                theme.name,
                theme.description,
                tuple(ReportCode(c, codes[c].name, codes[c].description) for c in members),
            )
        )
    codebook = ReportCodebook(row.name, f"log {row.last_seq}", tuple(report_themes))
    themed = {c.id for t in codebook.themes for c in t.codes}
    codings = survey_codings(core, include_suggestions=True)
    codings = codings[codings["code_id"].isin(themed)].reset_index(drop=True)
    if codings.empty:
        return None
    return codings, codebook


# --- exchange -----------------------------------------------------------------------------
def export_qdpx(row: Project, path: Any) -> Any:
    """Write the project as a REFI-QDA project (``.qdpx``), checked against the schema, with
    peerval's own history inside for a lossless return; the path written."""
    return write_qdpx(_core(row), path)
