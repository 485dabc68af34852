"""Comparisons of scale scores between groups of respondents (care group, profession).

Values of an attribute whose count is hidden in the respondent profile are merged into
"Other", so that a comparison never shows a number the profile hides.
Two groups are compared with a Mann-Whitney test (rank-biserial effect size), three or more
with Kruskal-Wallis (epsilon squared). p-values are Holm-adjusted across every comparison
made for one evaluation.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from peerval.analysis.stats import holm, kruskal_wallis, mann_whitney
from peerval.disclosure import DisclosurePolicy
from peerval.disclosure.tables import OTHER, merged_values
from peerval.instruments.schema import Instrument

__all__ = ["OTHER", "compare_parallel_items", "compare_scales"]


def _hidden_values(people: pd.Series, policy: DisclosurePolicy) -> set[str]:
    """Values whose count of people the policy hides in this breakdown (incl. secondary):
    the same values the respondent profile merges into Other."""
    counts = people.astype(str).value_counts().sort_index()
    return merged_values(counts.index.tolist(), counts.tolist(), policy)


def compare_scales(
    scores: pd.DataFrame,
    respondents: pd.DataFrame,
    attributes: list[str],
    policy: DisclosurePolicy,
) -> pd.DataFrame:
    """Compare each scale's scores across the values of each attribute, within each group.

    Values whose number of people is hidden in the respondent profile (small groups, and the
    cells hidden with them) are merged into "Other", whose size secondary suppression makes
    at least the minimum; no compared group reveals a hidden count.

    Columns: ``instrument``, ``scale``, ``respondent_group``, ``attribute``, ``test``,
    ``groups`` (list of dicts: value, n, median), ``merged``, ``statistic``, ``p_value``,
    ``p_holm``, ``effect_size``, ``effect_size_name``.
    """
    people = respondents.drop_duplicates(["respondent_group", "respondent_id"])
    scored = scores[scores["status"] == "scored"].merge(
        respondents, on=["instrument", "response_id"], how="left", validate="many_to_one"
    )
    rows = []
    for (instrument, scale, group), sub in scored.groupby(
        ["instrument", "scale", "respondent_group"], sort=True
    ):
        for attribute in attributes:
            if attribute not in sub or sub[attribute].isna().all():
                continue
            in_group = people.loc[people["respondent_group"] == group, attribute].dropna()
            hidden = _hidden_values(in_group, policy)
            labels = sub[attribute].astype(str)
            merged = sorted(set(labels) & hidden)
            labels = labels.where(~labels.isin(hidden), OTHER)
            kept = sub.assign(_label=labels)
            by_value = {
                str(k): v["score"].to_numpy(dtype=float)
                for k, v in kept.groupby("_label", sort=True)
            }
            # no statistic for fewer scores than the minimum (bases are shown, ADR 0004)
            by_value = {k: v for k, v in by_value.items() if not policy.hides(len(v))}
            if len(by_value) < 2:
                continue
            if len(by_value) == 2:
                (a, x), (b, y) = by_value.items()
                result = mann_whitney(x, y)
                test = f"Mann-Whitney ({a} vs {b})"
            else:
                result = kruskal_wallis(by_value)
                test = "Kruskal-Wallis"
            rows.append(
                {
                    "instrument": instrument,
                    "scale": scale,
                    "respondent_group": group,
                    "attribute": attribute,
                    "test": test,
                    "groups": [
                        {"value": k, "n": len(v), "median": float(np.median(v))}
                        for k, v in by_value.items()
                    ],
                    "merged": merged,
                    "statistic": result["statistic"],
                    "p_value": result["p_value"],
                    "effect_size": result["effect_size"],
                    "effect_size_name": result["effect_size_name"],
                }
            )
    columns = [
        "instrument",
        "scale",
        "respondent_group",
        "attribute",
        "test",
        "groups",
        "merged",
        "statistic",
        "p_value",
        "effect_size",
        "effect_size_name",
    ]
    return _with_holm(rows, columns)


def compare_parallel_items(
    answers: pd.DataFrame, instruments: dict[str, Instrument]
) -> pd.DataFrame:
    """Staff and service users compared on parallel items.

    Items are parallel when instruments for different respondent groups share a Likert item
    id with the same answer codes (missing-codes such as "Don't know" are left out). Each
    pair is compared with a Mann-Whitney test (rank-biserial r, positive when the first group
    agrees more). Columns: ``item_id``, ``group_x``, ``instrument_x``, ``group_y``,
    ``instrument_y``, ``n_x``, ``n_y``, ``median_x``, ``median_y``, ``statistic``,
    ``p_value``, ``effect_size``, ``effect_size_name``.
    """
    rows = []
    ordered = sorted(instruments.values(), key=lambda i: i.respondent_group, reverse=True)
    for a_index, a in enumerate(ordered):
        for b in ordered[a_index + 1 :]:
            if a.respondent_group == b.respondent_group or "any" in (
                a.respondent_group,
                b.respondent_group,
            ):
                continue
            b_items = {i.id: i for i in b.items if i.type == "likert"}
            for item in a.items:
                other = b_items.get(item.id)
                if item.type != "likert" or other is None:
                    continue
                codes_a = {o.code for o in a.options_for(item) if not o.missing}
                if codes_a != {o.code for o in b.options_for(other) if not o.missing}:
                    continue
                x = _item_values(answers, a.id, item.id, codes_a)
                y = _item_values(answers, b.id, item.id, codes_a)
                if len(x) == 0 or len(y) == 0:
                    continue
                result = mann_whitney(x, y)
                rows.append(
                    {
                        "item_id": item.id,
                        "group_x": a.respondent_group,
                        "instrument_x": a.id,
                        "group_y": b.respondent_group,
                        "instrument_y": b.id,
                        "n_x": len(x),
                        "n_y": len(y),
                        "median_x": float(np.median(x)),
                        "median_y": float(np.median(y)),
                        "statistic": result["statistic"],
                        "p_value": result["p_value"],
                        "effect_size": result["effect_size"],
                        "effect_size_name": result["effect_size_name"],
                    }
                )
    columns = [
        "item_id",
        "group_x",
        "instrument_x",
        "group_y",
        "instrument_y",
        "n_x",
        "n_y",
        "median_x",
        "median_y",
        "statistic",
        "p_value",
        "effect_size",
        "effect_size_name",
    ]
    return _with_holm(rows, columns)


def _with_holm(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """The comparisons as a table, with Holm-adjusted p-values across the family."""
    frame = pd.DataFrame(rows, columns=columns)
    frame["p_holm"] = holm(frame["p_value"].to_numpy(dtype=float)) if len(frame) else []
    return frame


def _item_values(
    answers: pd.DataFrame, instrument_id: str, item_id: str, codes: set[int]
) -> np.ndarray:
    mask = (answers["instrument"] == instrument_id) & (answers["item_id"] == item_id)
    values = answers.loc[mask, "value"]
    return values[values.isin(codes)].to_numpy(dtype=float)
