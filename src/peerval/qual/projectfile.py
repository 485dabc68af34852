"""peerval's own project file: a project as plain JSON, read back identically.

The file holds the project's identity, mode, cases, documents and the whole event log; the
codebook, codings, memos and phases are derived from the log when the file is read, so the
file cannot disagree with itself. For readers who do not replay logs, ``summary`` repeats
the derived codebook and codings; it is ignored when reading.

>>> from datetime import datetime, timezone
>>> from peerval.qual.project import Project
>>> p = Project.create("Demo", actor="ana", at=datetime(2026, 1, 5, tzinfo=timezone.utc),
...                    project_id="00000000-0000-4000-8000-000000000001")
>>> project_from_dict(project_to_dict(p)) == p
True
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from peerval.errors import DataError, Location
from peerval.jsonfile import read_json
from peerval.outfiles import write_text
from peerval.qual.codings import CodingError, format_time, parse_time
from peerval.qual.documents import Case, Document, DocumentError
from peerval.qual.events import Event, EventLog
from peerval.qual.project import Project

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "ProjectFileError",
    "load_project",
    "project_from_dict",
    "project_to_dict",
    "save_project",
]

FORMAT = "peerval-qualitative-project"
FORMAT_VERSION = 1


class ProjectFileError(DataError):
    """A project file cannot be read."""


def project_to_dict(project: Project) -> dict[str, Any]:
    """The project as JSON-ready data."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "id": project.id,
        "name": project.name,
        "mode": project.mode,
        "created": format_time(project.created),
        "cases": [c.to_dict() for c in project.cases.values()],
        "documents": [d.to_dict() for d in project.documents.values()],
        "events": [e.to_dict() for e in project.log],
        "summary": {
            "codebook": project.codebook.to_dicts(),
            "codings": [c.to_dict() for c in project.codings()],
            "suggestions": [c.to_dict() for c in project.suggestions()],
            "current_phase": project.current_phase,
        },
    }


def project_from_dict(data: Mapping[str, Any], file: str | None = None) -> Project:
    """The project that :func:`project_to_dict` gave ``data`` for."""
    where = Location(file=file)
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        raise ProjectFileError(f"not a peerval project file (no format {FORMAT!r})", where)
    if data.get("format_version") != FORMAT_VERSION:
        raise ProjectFileError(
            f"project file version {data.get('format_version')!r} is not supported "
            f"(this peerval reads version {FORMAT_VERSION})",
            where,
        )
    section = "project"
    try:
        project = Project(
            id=str(data["id"]),
            name=str(data["name"]),
            mode=str(data["mode"]),
            created=parse_time(data["created"]),
        )
        for index, item in enumerate(data.get("cases") or []):
            section = f"cases[{index}]"
            project.add_case(Case.from_dict(item))
        for index, item in enumerate(data.get("documents") or []):
            section = f"documents[{index}]"
            project.add_document(Document.from_dict(item))
        section = "events"
        events = [Event.from_dict(e) for e in data.get("events") or []]
        loaded = Project(
            project.id,
            project.name,
            project.mode,
            project.created,
            project.cases,
            project.documents,
            EventLog(events),
        )
    except (CodingError, DocumentError) as exc:
        raise ProjectFileError(f"{section}: {exc.message}", where) from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ProjectFileError(f"{section} is malformed: {exc!r}", where) from None
    return loaded


def save_project(project: Project, path: str | Path) -> Path:
    """Write the project file (UTF-8 JSON), replacing the file only once it is complete.

    A failure part-way (a full disk) raises :class:`~peerval.outfiles.OutputError` and
    leaves the previous file as it was.
    """
    path = Path(path)
    text = json.dumps(project_to_dict(project), ensure_ascii=False, indent=1)
    return write_text(path, text + "\n")


def load_project(path: str | Path) -> Project:
    """Read a project file written by :func:`save_project`."""
    path = Path(path)
    data = read_json(path.read_bytes(), file=str(path), error=ProjectFileError)
    return project_from_dict(data, file=str(path))
