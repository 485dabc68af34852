"""How numbers and groups are written in reports (rounding belongs here, not in analysis)."""

from __future__ import annotations

import math

__all__ = [
    "ATTRIBUTE_LABEL",
    "EFFECT_NAME",
    "GROUP_LABEL",
    "HIDDEN",
    "NOT_SCORABLE_WORDS",
    "fmt_ci",
    "fmt_count",
    "fmt_pct",
    "group_label",
    "join_and",
    "join_or",
]

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


#: each reason a score was not computed, as the end of "not computed when ..."
NOT_SCORABLE_WORDS = {
    "no_item_important": "they marked no item as important (where the scale counts only "
    "items that matter to the person)",
    "no_items_answered": "they answered none of its items",
    "too_few_answered": "they answered fewer of its items than the scale needs",
}


def join_or(parts: list[str]) -> str:
    """ "a, b or c"."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " or " + parts[-1]


#: how an attribute reads as a column of a table
ATTRIBUTE_LABEL = {
    "profession": "Profession",
    "care_group": "Care group",
    "time_alongside_psws": "Time alongside PSWs",
    "months_with_psw": "Time with a PSW",
}
#: the effect size each test reports
EFFECT_NAME = {"Mann-Whitney": "r", "Kruskal-Wallis": "epsilon squared"}


def join_and(parts: list[str]) -> str:
    """ "a, b and c"."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
