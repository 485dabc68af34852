"""Roles on an evaluation and what each may do.

============ ==== ======= ===== ======
permission   lead analyst coder viewer
============ ==== ======= ===== ======
view         yes  yes     yes   yes
report       yes  yes     yes   yes
code         yes  yes     yes   no
codebook     yes  yes     no    no
export       yes  yes     no    no
paper        yes  yes     no    no
manage       yes  no      no    no
members      yes  no      no    no
============ ==== ======= ===== ======

``view``: the evaluation's pages and live counts; ``report``: the report in the app and as
PDF or Word; ``code``: code free text and transcripts, write memos, undo one's own
coding; ``codebook``: qualitative projects, their codebooks, double-coding samples and
agreement; ``export``: response data as CSV; ``paper``: type in paper questionnaires;
``manage``: waves, collections, care groups, invitation codes, opening and closing;
``members``: who has which role.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["PERMISSIONS", "ROLES", "ROLE_LABELS", "Permission", "Role", "allows"]

Role = Literal["lead", "analyst", "coder", "viewer"]
Permission = Literal["view", "report", "code", "codebook", "export", "paper", "manage", "members"]

ROLES: tuple[Role, ...] = ("lead", "analyst", "coder", "viewer")
ROLE_LABELS: dict[str, str] = {
    "lead": "Evaluation lead",
    "analyst": "Analyst",
    "coder": "Coder",
    "viewer": "Viewer",
}
PERMISSIONS: dict[str, frozenset[str]] = {
    "lead": frozenset(
        {"view", "report", "code", "codebook", "export", "paper", "manage", "members"}
    ),
    "analyst": frozenset({"view", "report", "code", "codebook", "export", "paper"}),
    "coder": frozenset({"view", "report", "code"}),
    "viewer": frozenset({"view", "report"}),
}


def allows(role: str | None, permission: str) -> bool:
    """Whether ``role`` has ``permission`` (no role: nothing).

    >>> allows("analyst", "export"), allows("coder", "export"), allows(None, "view")
    (True, False, False)
    >>> allows("coder", "code"), allows("viewer", "code"), allows("coder", "codebook")
    (True, False, False)
    """
    return role is not None and permission in PERMISSIONS.get(role, frozenset())
