"""A coder's writes: apply a code, remove a coding, undo, write a memo.

Each is one core change appended to the project's log (:mod:`.store`); the log is the
record of who coded what and when, so these are not repeated in the audit log.
"""

from __future__ import annotations

from ..models import Document, Project
from . import store
from .records import UndoTarget

__all__ = ["add_memo", "apply_code", "remove_coding", "review_suggestion", "undo"]


def apply_code(
    project: Project, document: Document, start: int, end: int, code_id: str, user
) -> str:
    """Code the excerpt ``start``-``end`` of the document; the coding's id."""
    return store.apply_code(
        project, document.document_id, start, end, code_id, actor=user.get_username()
    )


def remove_coding(project: Project, coding_id: str, user) -> None:
    store.remove_coding(project, coding_id, actor=user.get_username())


def undo(project: Project, user) -> UndoTarget:
    """Undo the person's latest action in the project."""
    return store.undo(project, actor=user.get_username())


def add_memo(project: Project, document: Document, user, *, text: str, title: str = "") -> str:
    return store.add_memo(project, document.document_id, text, title, actor=user.get_username())


def review_suggestion(project: Project, coding_id: str, user, *, accept: bool) -> None:
    """Accept a machine suggestion (it becomes a coding that stays marked as the model's,
    with who accepted it) or reject it (kept in the history, never counted)."""
    store.review_suggestion(project, coding_id, accept=accept, actor=user.get_username())
