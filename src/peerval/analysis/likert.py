"""Likert items: the three-way split (disagree, neutral, agree), % agree with a Wilson interval,
median and interquartile range; and the Friends and Family Test's % positive and % negative.

Counts are raw here; :mod:`peerval.results` protects them when publishing.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from peerval.analysis.stats import median_iqr, wilson_interval
from peerval.instruments.schema import Instrument, Item

__all__ = ["fft_summary", "likert_bands", "likert_summaries"]

LIKERT_COLUMNS = [
    "instrument",
    "item_id",
    "respondent_group",
    "n",
    "n_disagree",
    "n_neutral",
    "n_agree",
    "pct_agree",
    "ci_low",
    "ci_high",
    "median",
    "q1",
    "q3",
]


def likert_bands(instrument: Instrument, item: Item) -> tuple[list[int], list[int], list[int]]:
    """The codes that count as disagree, neutral and agree for a Likert item.

    With an odd number of (non-missing) options the middle one is neutral; the lower half
    is disagree and the upper half agree. With an even number there is no neutral band.
    """
    codes = sorted(o.code for o in instrument.options_for(item) if not o.missing)
    half = len(codes) // 2
    low, high = codes[:half], codes[len(codes) - half :]
    middle = codes[half : len(codes) - half]
    return low, middle, high


def likert_summaries(answers: pd.DataFrame, instrument: Instrument) -> pd.DataFrame:
    """One row per Likert item and respondent group (missing codes such as "Don't know" excluded).

    ``pct_agree`` is the share of agree answers among answers that are not missing-codes,
    with its Wilson 95% interval; median and quartiles are of the option codes.
    """
    mine = answers[answers["instrument"] == instrument.id]
    rows = []
    for item in instrument.items:
        if item.type != "likert" or item.attribute:
            continue
        low, middle, high = likert_bands(instrument, item)
        valid = set(low) | set(middle) | set(high)
        sub = mine[(mine["item_id"] == item.id) & mine["value"].isin(valid)]
        for group, values in sub.groupby("respondent_group")["value"]:
            n = len(values)
            n_agree = int(values.isin(high).sum())
            ci = wilson_interval(n_agree, n)
            spread = median_iqr(values.to_numpy(dtype=float))
            rows.append(
                {
                    "instrument": instrument.id,
                    "item_id": item.id,
                    "respondent_group": group,
                    "n": n,
                    "n_disagree": int(values.isin(low).sum()),
                    "n_neutral": int(values.isin(middle).sum()),
                    "n_agree": n_agree,
                    "pct_agree": 100.0 * n_agree / n if n else np.nan,
                    "ci_low": 100.0 * ci[0],
                    "ci_high": 100.0 * ci[1],
                    "median": spread["median"],
                    "q1": spread["q1"],
                    "q3": spread["q3"],
                }
            )
    return pd.DataFrame(rows, columns=LIKERT_COLUMNS)


def fft_summary(answers: pd.DataFrame, instrument: Instrument) -> pd.DataFrame:
    """% positive (very good, good) and % negative (poor, very poor) of the FFT rating, by group.

    "Don't know" is excluded from the denominator, as NHS England publishes the FFT.
    """
    item = instrument.item("fft_rating")
    valid = [o.code for o in instrument.options_for(item) if not o.missing]
    positive, negative = valid[:2], valid[-2:]
    sub = answers[(answers["instrument"] == instrument.id) & (answers["item_id"] == item.id)]
    sub = sub[sub["value"].isin(valid)]
    rows = []
    for group, values in sub.groupby("respondent_group")["value"]:
        n = len(values)
        for kind, codes in (("positive", positive), ("negative", negative)):
            k = int(values.isin(codes).sum())
            ci = wilson_interval(k, n)
            rows.append(
                {
                    "instrument": instrument.id,
                    "respondent_group": group,
                    "measure": kind,
                    "n": n,
                    "count": k,
                    "estimate": 100.0 * k / n if n else np.nan,
                    "ci_low": 100.0 * ci[0],
                    "ci_high": 100.0 * ci[1],
                }
            )
    return pd.DataFrame(
        rows,
        columns=[
            "instrument",
            "respondent_group",
            "measure",
            "n",
            "count",
            "estimate",
            "ci_low",
            "ci_high",
        ],
    )
