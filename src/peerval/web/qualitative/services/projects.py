"""Making a project from a wave's free-text answers, and deleting one; both audited."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
from django.db import transaction
from django.utils.text import slugify

from peerval.web.audit.services import record
from peerval.web.surveys.models import Evaluation, Wave
from peerval.web.surveys.services.dataset import evaluation_dataset

from ..models import Project
from . import store

__all__ = [
    "CASE_ATTRIBUTES",
    "NoFreeText",
    "create_from_wave",
    "delete_project",
    "export_project",
    "free_text",
]

#: the respondent attributes a case carries, where the questionnaires asked them
CASE_ATTRIBUTES = ("respondent_group", "care_group", "profession")


class NoFreeText(Exception):
    """The wave has no submitted free-text answer to make documents of."""


def free_text(
    evaluation: Evaluation, wave: Wave
) -> tuple[pd.DataFrame, pd.DataFrame, dict[tuple[str, str], str]]:
    """The wave's submitted free-text answers, their respondents, and each question asked.

    Answers: ``instrument, response_id, item_id, text``; respondents: ``instrument,
    response_id, respondent_id``, the :data:`CASE_ATTRIBUTES` present, and ``may_quote``.
    """
    responses, instruments = evaluation_dataset(evaluation, waves=[wave.label])
    questions: dict[tuple[str, str], str] = {}
    for instrument in instruments.values():
        for item in instrument.items:
            if item.type == "free_text":
                questions[(instrument.id, item.id)] = item.text
    answers = responses.answers
    keys = list(zip(answers["instrument"], answers["item_id"], strict=True))
    wanted = pd.Series([k in questions for k in keys], index=answers.index, dtype=bool)
    answers = answers.loc[wanted & answers["text"].notna()]
    answers = answers.loc[answers["text"].astype(str).str.strip() != ""]
    answers = answers[["instrument", "response_id", "item_id", "text"]].reset_index(drop=True)
    people = responses.respondents
    columns = ["instrument", "response_id", "respondent_id"]
    columns += [c for c in (*CASE_ATTRIBUTES, "may_quote") if c in people.columns]
    return answers, people[columns].reset_index(drop=True), questions


def create_from_wave(evaluation: Evaluation, wave: Wave, user, *, name: str, mode: str) -> Project:
    """A project with one document per submitted free-text answer of the wave."""
    answers, respondents, questions = free_text(evaluation, wave)
    if answers.empty:
        raise NoFreeText(f"Wave {wave.label} has no submitted free-text answers yet")
    with transaction.atomic():
        project = store.create_from_survey(
            evaluation=evaluation,
            wave=wave,
            name=name,
            mode=mode,
            user=user,
            answers=answers,
            respondents=respondents,
            questions=questions,
        )
        record(
            "create",
            f"Qualitative project created: {name} ({len(answers)} answers from wave {wave.label})",
            user=user,
            evaluation=evaluation,
            project=project.pk,
            wave=wave.label,
            documents=len(answers),
        )
    return project


def delete_project(project: Project, user) -> None:
    """Delete a project with its documents, codings and memos (the audit log keeps a line)."""
    with transaction.atomic():
        record(
            "delete",
            f"Qualitative project deleted: {project.name}",
            user=user,
            evaluation=project.evaluation,
            project=project.pk,
            events=project.last_seq,
        )
        project.delete()


def export_project(project: Project, user) -> tuple[bytes, str]:
    """The project as a REFI-QDA file (its bytes and a file name), audited as an export:
    it holds the answers' text as the respondents wrote it."""
    with tempfile.TemporaryDirectory() as folder:
        path = store.export_qdpx(project, Path(folder) / "project.qdpx")
        data = Path(path).read_bytes()
    record(
        "export",
        f"Qualitative project {project.name} exported as REFI-QDA",
        user=user,
        evaluation=project.evaluation,
        project=project.pk,
    )
    return data, f"{slugify(project.name) or 'project'}.qdpx"
