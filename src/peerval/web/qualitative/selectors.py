"""Reads for the qualitative screens: projects, documents with what each person may see of
their codings (blind double coding), and the agreement over the sample."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
from django.db.models import Count, QuerySet

from .models import Document, Project, Sample, Theme
from .services import store
from .services.records import Agreement, Coding, Memo, Snapshot

__all__ = [
    "AgreementView",
    "BoardTheme",
    "GridRow",
    "Listing",
    "agreement_for",
    "attribute_values",
    "documents",
    "grid",
    "is_blind",
    "neighbours",
    "projects_of",
    "questions",
    "sample_codings",
    "sample_of",
    "theme_board",
    "theme_descendants",
    "visible_codings",
    "visible_memos",
]


def projects_of(evaluation) -> QuerySet:
    """The evaluation's projects, newest first, with their number of documents."""
    return (
        Project.objects.filter(evaluation=evaluation)
        .select_related("wave", "created_by")
        .annotate(n_documents=Count("documents"))
    )


def sample_of(project: Project) -> Sample | None:
    return Sample.objects.filter(project=project).first()


def is_blind(sample: Sample | None, document_id: str) -> bool:
    """Whether the document is in a sample still being coded blind."""
    return sample is not None and sample.blind and document_id in set(sample.document_ids)


def visible_codings(
    snapshot: Snapshot, sample: Sample | None, username: str, document_id: str | None = None
) -> list[Coding]:
    """The codings this person may see: in a blind sample, only their own."""
    blind = set(sample.document_ids) if sample is not None and sample.blind else set()
    return [
        c
        for c in snapshot.codings
        if (document_id is None or c.document_id == document_id)
        and (c.document_id not in blind or c.coder == username)
    ]


def visible_memos(
    snapshot: Snapshot, sample: Sample | None, username: str, document_id: str
) -> list[Memo]:
    """Memos on a document, newest first; in a blind sample, only this person's own."""
    blind = is_blind(sample, document_id)
    memos = [
        m
        for m in snapshot.memos
        if m.target_kind == "document"
        and m.target_id == document_id
        and (not blind or m.author == username)
    ]
    return sorted(memos, key=lambda m: m.created, reverse=True)


def attribute_values(project: Project) -> dict[str, list[str]]:
    """Every case attribute of the project with the values it takes, sorted."""
    values: dict[str, set[str]] = {}
    for attributes in project.cases.values_list("attributes", flat=True):
        for key, value in (attributes or {}).items():
            values.setdefault(key, set()).add(str(value))
    return {key: sorted(found) for key, found in sorted(values.items())}


@dataclass(frozen=True)
class Listing:
    """One row of the document list."""

    document: Document
    attributes: dict[str, Any]
    code_ids: tuple[str, ...]
    coders: tuple[str, ...]
    n_codings: int
    in_sample: bool = False


def documents(
    project: Project,
    snapshot: Snapshot,
    sample: Sample | None,
    username: str,
    *,
    attribute: tuple[str, str] | None = None,
    code_id: str | None = None,
    question: str | None = None,
) -> list[Listing]:
    """The project's documents in order, filtered by a case attribute's value, by a code
    (or any code under it) among the codings this person may see, and by question."""
    by_document: dict[str, list[Coding]] = {}
    for coding in visible_codings(snapshot, sample, username):
        by_document.setdefault(coding.document_id, []).append(coding)
    wanted = snapshot.descendants(code_id) if code_id else None
    in_sample = set(sample.document_ids) if sample is not None else set()
    rows = []
    for document in project.documents.select_related("case").order_by("position"):
        attributes = document.case.attributes if document.case else {}
        if attribute is not None and str(attributes.get(attribute[0])) != attribute[1]:
            continue
        if question and document.question != question:
            continue
        codings = by_document.get(document.document_id, [])
        if wanted is not None and not any(c.code_id in wanted for c in codings):
            continue
        rows.append(
            Listing(
                document=document,
                attributes=attributes,
                code_ids=tuple(dict.fromkeys(c.code_id for c in codings)),
                coders=tuple(sorted({c.coder for c in codings})),
                n_codings=len(codings),
                in_sample=document.document_id in in_sample,
            )
        )
    return rows


@dataclass(frozen=True)
class GridRow:
    """One respondent: their attributes and their answer (a listing) to each question."""

    case_id: str
    attributes: dict[str, Any]
    cells: tuple[Listing | None, ...]


def grid(listings: list[Listing], questions: list[str]) -> list[GridRow]:
    """The documents as a grid: a row per respondent, a column per question."""
    rows: dict[str, dict[str, Listing]] = {}
    attributes: dict[str, dict[str, Any]] = {}
    for listing in listings:
        case = listing.document.case
        key = case.case_id if case else f"document {listing.document.position}"
        rows.setdefault(key, {})[listing.document.question] = listing
        attributes[key] = listing.attributes
    return [
        GridRow(key, attributes[key], tuple(answers.get(q) for q in questions))
        for key, answers in rows.items()
    ]


def questions(project: Project) -> list[str]:
    """The questions the project's answers were given to, in the order first met."""
    found = project.documents.order_by("position").values_list("question", flat=True)
    return [q for q in dict.fromkeys(found) if q]


def neighbours(project: Project, document: Document) -> tuple[int | None, int | None]:
    """The previous and next documents' keys, in the project's order."""
    previous = (
        project.documents.filter(position__lt=document.position)
        .order_by("-position")
        .values_list("pk", flat=True)
        .first()
    )
    following = (
        project.documents.filter(position__gt=document.position)
        .order_by("position")
        .values_list("pk", flat=True)
        .first()
    )
    return previous, following


def sample_codings(snapshot: Snapshot, sample: Sample) -> pd.DataFrame:
    """People's codings of the sample's documents: ``unit, coder, code`` once each."""
    units = set(sample.document_ids)
    rows = [
        {"unit": c.document_id, "coder": c.coder, "code": c.code_id}
        for c in snapshot.codings
        if c.document_id in units and c.origin == "human"
    ]
    frame = pd.DataFrame(rows, columns=["unit", "coder", "code"])
    return frame.drop_duplicates().reset_index(drop=True)


@dataclass(frozen=True)
class AgreementView:
    """The agreement over the sample, or why there is none yet."""

    coders: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    result: Agreement | None = None
    reason: str = ""


def agreement_for(snapshot: Snapshot, sample: Sample | None) -> AgreementView:
    """Agreement between everyone who coded the sample, code by code (the core's
    :func:`~peerval.qual.agreement.code_agreement`). Each of them is taken to have read every
    document of the sample, so a code they did not apply to one counts as absent."""
    if not snapshot.agreement_applies:
        return AgreementView(
            reason="Agreement between coders is not part of reflexive thematic analysis"
        )
    if sample is None:
        return AgreementView(reason="No documents have been drawn for double coding yet")
    frame = sample_codings(snapshot, sample)
    coders = tuple(sorted(set(frame["coder"])))
    if len(coders) < 2:
        who = f" So far only {coders[0]} has." if coders else ""
        return AgreementView(
            coders=coders,
            reason="Agreement needs two or more people to have coded the sample." + who,
        )
    order = {code.id: n for n, code in enumerate(snapshot.codes)}
    codes = tuple(sorted(set(frame["code"]), key=lambda c: order.get(c, len(order))))
    result = store.agreement(
        frame, units=list(sample.document_ids), coders=list(coders), codes=list(codes)
    )
    return AgreementView(coders=coders, codes=codes, result=result)


def theme_descendants(themes: list[Theme], pk: int) -> set[int]:
    """The theme and every theme under it (keys)."""
    found = {pk}
    for theme in themes:
        if theme.parent_id == pk:
            found |= theme_descendants(themes, theme.pk)
    return found


@dataclass(frozen=True)
class BoardTheme:
    """A theme on the board: where it sits, its own codes, and what carries it."""

    theme: Theme
    depth: int
    code_ids: tuple[str, ...]
    n_documents: int
    examples: tuple[Coding, ...]


def theme_board(
    project: Project, snapshot: Snapshot, sample: Sample | None, username: str, examples: int = 3
) -> list[BoardTheme]:
    """The project's themes, parents before their sub-themes, each with the documents that
    carry it (among the codings this person may see) and a few of its coded passages."""
    rows = list(project.themes.all())
    names = {t.pk: t.name for t in rows}
    known = {c.id for c in snapshot.codes}
    themes = store.theme_map(
        [
            {
                "name": t.name,
                "description": t.description,
                "codes": [c for c in t.code_ids if c in known],
                "parent": names.get(t.parent_id),
            }
            for t in rows
        ],
        known,
    )
    codings = visible_codings(snapshot, sample, username)
    summary = store.theme_summary(
        themes, codings, project.documents.values_list("document_id", flat=True)
    )
    board: list[BoardTheme] = []

    def place(parent_id: int | None, depth: int) -> None:
        for theme in (t for t in rows if t.parent_id == parent_id):
            n_documents, codes = summary[theme.name]
            board.append(
                BoardTheme(
                    theme=theme,
                    depth=depth,
                    code_ids=tuple(c for c in theme.code_ids if c in known),
                    n_documents=n_documents,
                    examples=tuple([c for c in codings if c.code_id in codes][:examples]),
                )
            )
            place(theme.pk, depth + 1)

    place(None, 0)
    return board
