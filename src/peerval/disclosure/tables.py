"""Protecting the summary tables for publication: Likert splits, FFT and comparisons.

Each function turns an unprotected tidy table into the list of dicts results.json carries,
hiding what the disclosure policy says must not be shown (see docs/adr/0004).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from peerval.disclosure import DisclosurePolicy

__all__ = [
    "OTHER",
    "merge_breakdown",
    "merged_values",
    "protect_parallel",
    "protect_changes",
    "protect_domains",
    "protect_comparisons",
    "protect_fft",
    "protect_likert",
]


#: what values too small to show on their own are merged into
OTHER = "Other"


def merged_values(values: Sequence[str], counts: Sequence[int], policy: DisclosurePolicy) -> set:
    """The values of one breakdown that the policy would hide (primary and secondary).

    Values are taken in order of their names, so the same breakdown gives the same answer
    whichever order it comes in (secondary suppression breaks ties by position).
    """
    pairs = sorted(zip(map(str, values), counts, strict=True))
    shown = policy.protect_counts([int(n) for _, n in pairs])
    return {v for (v, _), n in zip(pairs, shown, strict=True) if n is None}


def merge_breakdown(
    values: Sequence[str], counts: Sequence[int], policy: DisclosurePolicy
) -> list[dict[str, Any]]:
    """One breakdown (people by profession, say) with hidden values merged into "Other".

    A hidden value is not listed at all, since even its name with a hidden count says that
    someone of that kind took part ("Psychiatrist *"). Every value the policy hides,
    including those hidden so that the others cannot be subtracted from a total, is merged
    into one ``Other`` row (with a value that is already called Other); that row is itself
    hidden only when the merged people are still too few. ``merged`` says a row holds
    merged values. Each row: ``value``, ``n``, ``suppressed``, ``merged``.

    >>> rows = merge_breakdown(["Nurse", "OT", "Psychiatrist"], [16, 6, 1], DisclosurePolicy())
    >>> [(r["value"], r["n"]) for r in rows]
    [('Nurse', 16), ('Other', 7)]
    """
    hidden = merged_values(values, counts, policy)
    rows: list[dict[str, Any]] = []
    other = 0
    for value, n in zip(values, counts, strict=True):
        if str(value) in hidden or value == OTHER:
            other += int(n)
            continue
        rows.append({"value": value, "n": policy.shown_count(int(n)), "suppressed": False})
    if hidden or OTHER in values:
        shown = None if policy.hides(other) else policy.shown_count(other)
        rows.append({"value": OTHER, "n": shown, "suppressed": shown is None})
    for row in rows:
        row["merged"] = row["value"] == OTHER and bool(hidden)
    return rows


def protect_likert(table: pd.DataFrame, policy: DisclosurePolicy) -> list[dict[str, Any]]:
    """Per Likert item and group: the three-way split, % agree with CI, median and IQR."""
    if table.empty:
        return []
    out = []
    for row in table.to_dict("records"):
        not_agree = None
        hidden = policy.hides(row["n"])
        counts = [row["n_disagree"], row["n_neutral"], row["n_agree"]]
        shown = [None] * 3 if hidden else policy.protect_counts(counts)
        merged = False
        if not hidden and None in shown:
            # merge disagree with neutral where that makes a group large enough to show
            pair = policy.protect_counts([counts[0] + counts[1], counts[2]])
            if None not in pair:
                shown, merged = [None, None, pair[1]], True
                not_agree = pair[0]
        agree_hidden = shown[2] is None
        out.append(
            {
                "instrument": row["instrument"],
                "item": row["item_id"],
                "respondent_group": row["respondent_group"],
                "n": None if hidden else policy.shown_count(row["n"]),
                "n_disagree": shown[0],
                "n_neutral": shown[1],
                "n_agree": shown[2],
                # when disagree and neutral are too small apart, their sum is shown instead
                "n_not_agree": not_agree,
                "merged": merged,
                "pct_agree": None if agree_hidden else row["pct_agree"],
                "ci_low": None if agree_hidden else row["ci_low"],
                "ci_high": None if agree_hidden else row["ci_high"],
                "median": None if hidden else row["median"],
                "q1": None if hidden else row["q1"],
                "q3": None if hidden else row["q3"],
                "suppressed": hidden or (any(s is None for s in shown) and not merged),
            }
        )
    return out


def protect_fft(table: pd.DataFrame, policy: DisclosurePolicy) -> list[dict[str, Any]]:
    """Per group: FFT % positive and % negative, hidden where a count is hidden."""
    if table.empty:
        return []
    out = []
    for (instrument, group), sub in table.groupby(["instrument", "respondent_group"], sort=True):
        by = sub.set_index("measure")
        n = int(by["n"].iloc[0])
        positive, negative = int(by.loc["positive", "count"]), int(by.loc["negative", "count"])
        hidden = policy.hides(n)
        shown = (
            [None] * 3
            if hidden
            else policy.protect_counts([positive, n - positive - negative, negative])
        )
        entry: dict[str, Any] = {
            "instrument": instrument,
            "respondent_group": group,
            "n": None if hidden else policy.shown_count(n),
        }
        for measure, count in (("positive", shown[0]), ("negative", shown[2])):
            row = by.loc[measure]
            entry[measure] = {
                "n": count,
                "estimate": None if count is None else float(row["estimate"]),
                "ci_low": None if count is None else float(row["ci_low"]),
                "ci_high": None if count is None else float(row["ci_high"]),
                "suppressed": count is None,
            }
        out.append(entry)
    return out


def protect_comparisons(table: pd.DataFrame, policy: DisclosurePolicy) -> list[dict[str, Any]]:
    """Comparisons as results.json carries them; groups already meet the minimum size."""
    if table.empty:
        return []
    out = []
    for row in table.to_dict("records"):
        out.append(
            {
                "instrument": row["instrument"],
                "scale": row["scale"],
                "respondent_group": row["respondent_group"],
                "attribute": row["attribute"],
                "test": row["test"],
                "groups": [g | {"n": policy.shown_count(g["n"])} for g in row["groups"]],
                "merged_into_other": row["merged"],
                "statistic": row["statistic"],
                "p_value": row["p_value"],
                "p_holm": row["p_holm"],
                "effect_size": row["effect_size"],
                "effect_size_name": row["effect_size_name"],
            }
        )
    return out


def protect_changes(table: pd.DataFrame, policy: DisclosurePolicy) -> list[dict[str, Any]]:
    """Scale scores across waves; a wave with too few scores hides its mean, and the
    difference and trend that would use it."""
    if table.empty:
        return []
    out = []
    for row in table.to_dict("records"):
        waves = []
        for wave in row["waves"]:
            hidden = policy.hides(wave["n"])
            waves.append(
                {
                    "wave": wave["wave"],
                    "n": None if hidden else policy.shown_count(wave["n"]),
                    "estimate": None if hidden else wave["estimate"],
                    "ci_low": None if hidden else wave["ci_low"],
                    "ci_high": None if hidden else wave["ci_high"],
                    "suppressed": hidden,
                }
            )
        last_two_shown = not (waves[-1]["suppressed"] or waves[-2]["suppressed"])
        all_shown = not any(w["suppressed"] for w in waves)
        out.append(
            {
                "instrument": row["instrument"],
                "scale": row["scale"],
                "respondent_group": row["respondent_group"],
                "waves": waves,
                "latest": row["latest"],
                "previous": row["previous"],
                "difference": row["difference"] if last_two_shown else None,
                "ci_low": row["diff_ci_low"] if last_two_shown else None,
                "ci_high": row["diff_ci_high"] if last_two_shown else None,
                "p_value": row["diff_p_value"] if last_two_shown else None,
                "trend_per": row["trend_per"],
                "trend": row["trend"] if all_shown else None,
                "trend_ci_low": row["trend_ci_low"] if all_shown else None,
                "trend_ci_high": row["trend_ci_high"] if all_shown else None,
                "trend_p_value": row["trend_p_value"] if all_shown else None,
            }
        )
    return out


def protect_domains(table: pd.DataFrame, policy: DisclosurePolicy) -> list[dict[str, Any]]:
    """Ratings by domain; a domain rated by fewer people than the minimum shows no figures."""
    if table.empty:
        return []
    out = []
    for row in table.to_dict("records"):
        hidden = policy.hides(row["n"])
        stats = ("estimate", "sd", "ci_low", "ci_high", "median", "q1", "q3")
        out.append(
            {
                "instrument": row["instrument"],
                "domain": row["domain"],
                "respondent_group": row["respondent_group"],
                "n_items": row["n_items"],
                "n": None if hidden else policy.shown_count(row["n"]),
                **{k: None if hidden else row[k] for k in stats},
                "suppressed": hidden,
            }
        )
    return out


def protect_parallel(table: pd.DataFrame, policy: DisclosurePolicy) -> list[dict[str, Any]]:
    """Parallel-item comparisons; a comparison with either side too small is left out."""
    if table.empty:
        return []
    out = []
    for row in table.to_dict("records"):
        if policy.hides(row["n_x"]) or policy.hides(row["n_y"]):
            continue
        out.append(
            {
                "item": row["item_id"],
                "x": {
                    "respondent_group": row["group_x"],
                    "instrument": row["instrument_x"],
                    "n": policy.shown_count(row["n_x"]),
                    "median": row["median_x"],
                },
                "y": {
                    "respondent_group": row["group_y"],
                    "instrument": row["instrument_y"],
                    "n": policy.shown_count(row["n_y"]),
                    "median": row["median_y"],
                },
                "test": "Mann-Whitney",
                "statistic": row["statistic"],
                "p_value": row["p_value"],
                "p_holm": row["p_holm"],
                "effect_size": row["effect_size"],
                "effect_size_name": row["effect_size_name"],
            }
        )
    return out
