"""How numbers and groups are written in reports (rounding belongs here, not in analysis)."""

from __future__ import annotations

import math

__all__ = ["GROUP_LABEL", "HIDDEN", "fmt_ci", "fmt_count", "fmt_pct", "group_label"]

#: shown in place of a hidden count or statistic
HIDDEN = "*"
GROUP_LABEL = {"service_user": "Service users", "staff": "Staff"}
_ONE = {"service_user": "Service user", "staff": "Staff member"}


def group_label(group: str, one: bool = False) -> str:
    """ "service users" / "staff" (or "Service user" / "Staff member" for one person)."""
    if one:
        return _ONE.get(group, group)
    return GROUP_LABEL.get(group, group).lower()


def fmt_count(n: int | None) -> str:
    """A count with thousands separators, or the hidden mark."""
    return HIDDEN if n is None else f"{n:,}"


def fmt_pct(value: float | None) -> str:
    """A percentage to whole numbers, or the hidden mark."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return HIDDEN
    return f"{value:.0f}%"


def fmt_ci(low: float | None, high: float | None) -> str:
    """A confidence interval to whole numbers: "62 to 71"."""
    if low is None or high is None or math.isnan(low) or math.isnan(high):
        return HIDDEN
    return f"{low:.0f} to {high:.0f}"
