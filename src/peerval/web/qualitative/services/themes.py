"""Themes that group codes: added, changed and removed, each checked by the core's theme
map (a code in one theme at most, a parent that exists, no cycle) and audited."""

from __future__ import annotations

from django.db import transaction

from peerval.errors import DataError
from peerval.web.audit.services import record

from ..models import Project, Theme
from . import store

__all__ = ["remove_theme", "save_theme"]


def _as_data(theme: Theme, names: dict[int, str], known: set[str]) -> dict:
    return {
        "name": theme.name,
        "description": theme.description,
        # a code removed from the codebook since no longer counts towards its theme
        "codes": [c for c in theme.code_ids if c in known],
        "parent": names.get(theme.parent_id) if theme.parent_id else None,
    }


def save_theme(
    project: Project,
    user,
    *,
    theme: Theme | None = None,
    name: str,
    description: str,
    parent: Theme | None,
    code_ids: list[str],
) -> Theme:
    """Add a theme, or change ``theme``; DataError (the core's reason) if the themes
    would no longer make a valid map."""
    codes = [c.id for c in store.snapshot(project).codes]
    with transaction.atomic():
        others = list(project.themes.select_for_update().exclude(pk=theme.pk if theme else None))
        names = {t.pk: t.name for t in others}
        wanted = {
            "name": name,
            "description": description,
            "codes": list(code_ids),
            "parent": parent.name if parent else None,
        }
        if theme is not None:
            # children keep pointing at this theme under its new name
            names[theme.pk] = name
        known = set(codes)
        store.theme_map([*(_as_data(t, names, known) for t in others), wanted], codes)
        row = theme or Theme(project=project)
        row.name, row.description, row.parent, row.code_ids = name, description, parent, code_ids
        row.save()
        record(
            "settings",
            f"Themes of {project.name}: theme {'changed' if theme else 'added'}: {name}",
            user=user,
            evaluation=project.evaluation,
            project=project.pk,
            theme=row.pk,
        )
    return row


def remove_theme(theme: Theme, user) -> None:
    """Remove a theme with no themes under it (its codes stay in the codebook)."""
    if theme.children.exists():
        raise DataError(f"theme {theme.name!r} has themes under it; move or remove them first")
    with transaction.atomic():
        record(
            "settings",
            f"Themes of {theme.project.name}: theme removed: {theme.name}",
            user=user,
            evaluation=theme.project.evaluation,
            project=theme.project_id,
        )
        theme.delete()
