"""Changing a project's codebook: add, change (rename, move, edit) and remove codes.

The core checks each change (a parent that exists, no cycle, no removal of a code in use)
and logs it; each change is also written to the evaluation's audit log.
"""

from __future__ import annotations

from django.db import transaction

from peerval.web.audit.services import record

from ..models import Project
from . import store

__all__ = ["add_code", "change_code", "remove_code"]


def _audit(project: Project, user, summary: str, **detail) -> None:
    record(
        "settings",
        f"Codebook of {project.name}: {summary}",
        user=user,
        evaluation=project.evaluation,
        project=project.pk,
        **detail,
    )


def add_code(project: Project, user, **fields) -> str:
    """Add a code (``name``, ``description``, ``inclusion``, ``exclusion``, ``parent_id``,
    ``codable``); its id."""
    with transaction.atomic():
        code_id = store.create_code(project, actor=user.get_username(), **fields)
        _audit(project, user, f"code added: {fields['name']}", code=code_id)
    return code_id


def change_code(project: Project, code_id: str, user, **wanted) -> list[str]:
    """Change what differs of a code; the fields changed (none: nothing logged)."""
    with transaction.atomic():
        changed = store.change_code(project, code_id, actor=user.get_username(), **wanted)
        if changed:
            name = wanted.get("name", code_id)
            _audit(project, user, f"code changed: {name} ({', '.join(changed)})", code=code_id)
    return changed


def remove_code(project: Project, code_id: str, name: str, user) -> None:
    with transaction.atomic():
        store.remove_code(project, code_id, actor=user.get_username())
        _audit(project, user, f"code removed: {name}", code=code_id)
