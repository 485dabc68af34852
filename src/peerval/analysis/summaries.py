"""Tidy summaries of respondents, items, scales and themes (unrounded, unprotected).

Each function returns a DataFrame with stable snake_case columns; disclosure control is
applied later, when results are published (:mod:`peerval.results`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from peerval.instruments.schema import CODED_TYPES, Instrument
from peerval.responses import ResponseSet

__all__ = [
    "NON_ANSWER_PATTERN",
    "free_text_counts",
    "item_distributions",
    "respondent_counts",
    "scale_summaries",
]

#: free-text answers that say nothing ("n/a", "nothing", "no comment"...)
NON_ANSWER_PATTERN = (
    r"^\W*(n\W?a|none|no|nothing( (else|to add|really))?|no comments?|not sure|"
    r"did not answer|can'?t think of anything|-+|\.+)\W*$"
)


def respondent_counts(responses: ResponseSet, attributes: list[str]) -> pd.DataFrame:
    """People (distinct respondent ids) per group, and per group and attribute value.

    Columns: ``respondent_group``, ``attribute`` (``None`` for the group total), ``value``, ``n``.
    """
    people = responses.respondents.drop_duplicates(["respondent_group", "respondent_id"])
    rows = [
        {"respondent_group": g, "attribute": None, "value": None, "n": int(n)}
        for g, n in people.groupby("respondent_group").size().items()
    ]
    for attribute in attributes:
        if attribute not in people:
            continue
        sub = people.dropna(subset=[attribute])
        for (g, v), n in sub.groupby(["respondent_group", attribute]).size().items():
            rows.append({"respondent_group": g, "attribute": attribute, "value": v, "n": int(n)})
    return pd.DataFrame(rows, columns=["respondent_group", "attribute", "value", "n"])


def item_distributions(answers: pd.DataFrame, instrument: Instrument) -> pd.DataFrame:
    """Answer counts per coded item and option (zeros included), by respondent group.

    Columns: ``item_id``, ``respondent_group``, ``code``, ``label``, ``missing_code``, ``n``
    (answers with that option) and ``n_responses`` (responses that answered the item; for a
    multiple-choice item this is fewer than the sum of ``n``).
    """
    mine = answers[answers["instrument"] == instrument.id]
    rows = []
    for item in instrument.items:
        if item.type not in CODED_TYPES or item.attribute:
            continue
        sub = mine[mine["item_id"] == item.id]
        for group in sorted(sub["respondent_group"].unique()):
            in_group = sub[sub["respondent_group"] == group]
            counts = in_group["value"].value_counts()
            n_responses = int(in_group["response_id"].nunique())
            for option in instrument.options_for(item):
                rows.append(
                    {
                        "item_id": item.id,
                        "respondent_group": group,
                        "code": option.code,
                        "label": option.label,
                        "missing_code": option.missing,
                        "n": int(counts.get(float(option.code), 0)),
                        "n_responses": n_responses,
                    }
                )
    return pd.DataFrame(
        rows,
        columns=[
            "item_id",
            "respondent_group",
            "code",
            "label",
            "missing_code",
            "n",
            "n_responses",
        ],
    )


def scale_summaries(scores: pd.DataFrame, respondents: pd.DataFrame) -> pd.DataFrame:
    """Mean, SD, t-based 95% CI and median of each scale, by respondent group.

    Columns: ``instrument``, ``scale``, ``respondent_group``, ``n``, ``n_not_scorable``,
    ``estimate`` (the mean), ``sd``, ``ci_low``, ``ci_high``, ``median``, ``q1``, ``q3``
    (quartiles, NumPy's linear method), ``reasons``
    (not-scorable reason codes and their counts).
    """
    frame = scores.merge(
        respondents[["instrument", "response_id", "respondent_group"]],
        on=["instrument", "response_id"],
        how="left",
        validate="many_to_one",
    )
    rows = []
    for (instrument, scale, group), sub in frame.groupby(
        ["instrument", "scale", "respondent_group"], sort=True
    ):
        scored = sub.loc[sub["status"] == "scored", "score"].to_numpy(dtype=float)
        n = len(scored)
        mean = float(np.mean(scored)) if n else np.nan
        sd = float(np.std(scored, ddof=1)) if n > 1 else np.nan
        if n > 1:
            from scipy import stats  # imported here: it costs a second at start-up

            half = stats.t.ppf(0.975, n - 1) * sd / np.sqrt(n)
            ci = (mean - half, mean + half)
        else:
            ci = (np.nan, np.nan)
        reasons = sub.loc[sub["status"] != "scored", "reason_code"].value_counts()
        rows.append(
            {
                "instrument": instrument,
                "scale": scale,
                "respondent_group": group,
                "n": n,
                "n_not_scorable": int(len(sub) - n),
                "estimate": mean,
                "sd": sd,
                "ci_low": ci[0],
                "ci_high": ci[1],
                "median": float(np.median(scored)) if n else np.nan,
                "q1": float(np.percentile(scored, 25)) if n else np.nan,
                "q3": float(np.percentile(scored, 75)) if n else np.nan,
                "reasons": {str(k): int(v) for k, v in reasons.items()},
            }
        )
    return pd.DataFrame(rows)


def free_text_counts(answers: pd.DataFrame, instrument: Instrument) -> pd.DataFrame:
    """Per free-text item and group: answers given, and those that say something.

    Columns: ``instrument``, ``item_id``, ``respondent_group``, ``n_answered`` (non-empty),
    ``n_substantive`` (not a non-answer such as "n/a" or "nothing").
    """
    free = {i.id for i in instrument.items if i.type == "free_text"}
    mine = answers[(answers["instrument"] == instrument.id) & answers["item_id"].isin(free)]
    mine = mine.dropna(subset=["text"])
    mine = mine[mine["text"].str.strip() != ""]
    rows = []
    for (item_id, group), sub in mine.groupby(["item_id", "respondent_group"], sort=True):
        says = ~sub["text"].str.strip().str.lower().str.match(NON_ANSWER_PATTERN)
        rows.append(
            {
                "instrument": instrument.id,
                "item_id": item_id,
                "respondent_group": group,
                "n_answered": int(len(sub)),
                "n_substantive": int(says.sum()),
            }
        )
    return pd.DataFrame(
        rows, columns=["instrument", "item_id", "respondent_group", "n_answered", "n_substantive"]
    )
