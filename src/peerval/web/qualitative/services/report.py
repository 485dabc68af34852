"""What a wave's report takes from qualitative coding: the themes of the wave's project.

The report shows themes (how many people raised each, by group, under the disclosure rules)
and quotes for them. In the web app they come from the most recent content-analysis project
of the wave that has themes on its board; its coding history and its themes are part of the
report's fingerprint, so the report is rebuilt when either changes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..models import Project
from . import store

if TYPE_CHECKING:  # the core is reached through .store alone
    from peerval.qual.codebook import Codebook

__all__ = ["ReportCoding", "for_report"]


@dataclass(frozen=True)
class ReportCoding:
    """The codings and the themed codebook for the report, and what they depend on."""

    key: dict[str, Any]
    codings: pd.DataFrame
    codebook: Codebook


def _board(project: Project) -> list[dict[str, Any]]:
    themes = list(project.themes.all())
    names = {t.pk: t.name for t in themes}
    return [
        {
            "name": t.name,
            "description": t.description,
            "codes": list(t.code_ids),
            "parent": names.get(t.parent_id),
        }
        for t in themes
    ]


def for_report(wave) -> ReportCoding | None:
    """The wave's coded themes for its report, or None when no project has any."""
    projects = Project.objects.filter(wave=wave, mode="content_analysis").prefetch_related("themes")
    for project in projects:  # newest first
        board = _board(project)
        if not board:
            continue
        found = store.report_inputs(project, board)
        if found is None:
            continue
        codings, codebook = found
        themes = hashlib.sha256(json.dumps(board, sort_keys=True).encode()).hexdigest()[:16]
        key = {"project": project.pk, "log": project.last_seq, "themes": themes}
        return ReportCoding(key, codings, codebook)
    return None
