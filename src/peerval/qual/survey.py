"""Building a qualitative project from survey data, and handing its codings back to reports.

Each free-text answer becomes a document (``instrument/response_id/item_id``) of the person
who gave it; each person (``respondent_id``) becomes a case carrying their attributes
(group, profession, care group...). Codings in the report's table shape (``instrument,
response_id, item_id, code_id, coder``) code the whole answer.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pandas as pd

from peerval.disclosure.consent import may_quote
from peerval.errors import DataError, Location
from peerval.qual.codebook import Codebook
from peerval.qual.documents import Case, Document, FreeTextOrigin
from peerval.qual.hierarchy import HierarchicalCodebook
from peerval.qual.project import Project
from peerval.textfile import read_text

__all__ = [
    "ANSWER_KEYS",
    "answer_document_id",
    "project_from_survey",
    "read_survey_table",
    "survey_codings",
]

#: the columns each survey table needs
REQUIRED = {
    "answers": ("instrument", "response_id", "item_id", "text"),
    "respondents": ("instrument", "response_id"),
    "codings": ("instrument", "response_id", "item_id", "code_id"),
}

ANSWER_KEYS = ("instrument", "response_id", "item_id")
#: respondent columns that identify a response rather than describe a person
_NOT_ATTRIBUTES = {"response_id", "respondent_id", "instrument", "mode", "may_quote"}


def answer_document_id(instrument: str, response_id: str, item_id: str) -> str:
    """The id of the document holding one free-text answer."""
    return f"{instrument}/{response_id}/{item_id}"


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


def _cases(respondents: pd.DataFrame) -> dict[str, Case]:
    """One case per person; attributes from all their responses, first value winning."""
    person_column = "respondent_id" if "respondent_id" in respondents else "response_id"
    attributes: dict[str, dict[str, str]] = {}
    consent: dict[str, bool] = {}
    for row in respondents.to_dict("records"):
        person = _text(row.get(person_column))
        if person is None:
            raise DataError(f"a respondent has no {person_column}")
        found = attributes.setdefault(person, {})
        for column, value in row.items():
            text = _text(value)
            if column not in _NOT_ATTRIBUTES and text is not None:
                found.setdefault(str(column), text)
        # only an explicit yes is consent; a no on any questionnaire withdraws it, and a
        # questionnaire that did not ask leaves the answer given on another
        answer = _text(row.get("may_quote"))
        if answer is not None:
            agreed = may_quote(answer, who=person)
            consent[person] = consent.get(person, agreed) and agreed
    return {p: Case(p, a, consent.get(p, False)) for p, a in attributes.items()}


def project_from_survey(
    answers: pd.DataFrame,
    respondents: pd.DataFrame,
    *,
    name: str,
    codebook: Codebook | HierarchicalCodebook | None = None,
    codings: pd.DataFrame | None = None,
    actor: str = "peerval",
    at: datetime | None = None,
    project_id: str | None = None,
) -> Project:
    """A content-analysis project of every free-text answer, with its codebook and codings.

    ``codings`` rows whose ``coder`` is given are logged as that coder's; each codes the
    whole answer.
    """
    project = Project.create(name, "content_analysis", actor=actor, at=at, project_id=project_id)
    keys = ["instrument", "response_id"]
    person_column = "respondent_id" if "respondent_id" in respondents else "response_id"
    person_of = {
        (str(r["instrument"]), str(r["response_id"])): str(r[person_column])
        for r in respondents[[*keys, person_column]].to_dict("records")
    }
    for case in _cases(respondents).values():
        project.add_case(case)
    texts = answers.dropna(subset=["text"])
    for row in texts.to_dict("records"):
        text = str(row["text"])
        if not text.strip():
            continue
        origin = FreeTextOrigin(
            str(row["instrument"]), str(row["item_id"]), str(row["response_id"])
        )
        person = person_of.get((origin.instrument, origin.response_id))
        project.add_document(
            Document(
                answer_document_id(origin.instrument, origin.response_id, origin.item_id),
                f"{person or origin.response_id} · {origin.item_id}",
                text,
                "free_text",
                case_id=person,
                origin=origin,
            )
        )
    if codebook is not None:
        book = (
            HierarchicalCodebook.from_themed(codebook)
            if isinstance(codebook, Codebook)
            else codebook
        )
        project.create_codes(book, actor=actor, at=at)
    if codings is not None:
        for row in codings.to_dict("records"):
            document_id = answer_document_id(*(str(row[k]) for k in ANSWER_KEYS))
            document = project.document(document_id)
            coder = _text(row.get("coder")) or actor
            project.apply_code(
                document_id, 0, len(document.text), str(row["code_id"]), coder=coder, at=at
            )
    return project


def survey_codings(project: Project, *, include_suggestions: bool = False) -> pd.DataFrame:
    """The codings of free-text answers in the report's table shape (one row per coding).

    Accepted machine suggestions are left out unless asked for; the ``origin`` column says
    which rows are a model's.
    """
    rows = []
    for coding in project.codings(include_suggestions=include_suggestions):
        origin = project.document(coding.document_id).origin
        if origin is None:
            continue
        rows.append(
            {
                "instrument": origin.instrument,
                "response_id": origin.response_id,
                "item_id": origin.item_id,
                "code_id": coding.code_id,
                "coder": coding.coder,
                "origin": coding.origin,
            }
        )
    columns = [*ANSWER_KEYS, "code_id", "coder", "origin"]
    return pd.DataFrame(rows, columns=columns)


def read_survey_table(path: str | Path, kind: str) -> pd.DataFrame:
    """Read an answers, respondents or codings table (CSV) as peerval writes them, with ids
    kept as text; a missing column is named."""
    path = Path(path)
    if not path.is_file():
        raise DataError(f"the {kind} table is not a file", Location(file=str(path)))
    text = read_text(path, delimiter=",")
    if not text.strip():
        raise DataError(f"the {kind} table is empty (no header row)", Location(file=str(path)))
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_values=[""])
    except pd.errors.ParserError as exc:
        raise DataError(f"cannot read the {kind} table: {exc}", Location(file=str(path))) from None
    for column in REQUIRED[kind]:
        if column not in frame.columns:
            raise DataError(f"the {kind} table has no {column!r} column", Location(file=str(path)))
    return frame
