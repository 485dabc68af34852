"""Ratings summarised by domain: the items an instrument groups under one heading, such as
INSPIRE's CHIME recovery domains (Connectedness, Hope, Identity, Meaning, Empowerment).

A board reads five domains more easily than twenty items, and a licensed instrument's items
cannot be printed by their wording at all. For each person, the ratings they gave to a
domain's items are rescaled to 0-100 (lowest option 0, highest 100) and averaged; the domain's
figure is the mean over people, with a t-based 95% interval, as for scale scores.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from peerval.instruments.schema import Instrument

__all__ = ["DOMAIN_COLUMNS", "domain_summaries"]

DOMAIN_COLUMNS = (
    "instrument",
    "domain",
    "respondent_group",
    "n",
    "n_items",
    "estimate",
    "sd",
    "ci_low",
    "ci_high",
    "median",
    "q1",
    "q3",
)


def _rescaling(instrument: Instrument) -> dict[str, tuple[str, float, float, set[float]]]:
    """``{item id: (domain, lowest code, highest code, valid codes)}`` for rated items."""
    out = {}
    for item in instrument.items:
        if item.domain is None or item.type != "likert" or item.attribute:
            continue
        codes = [float(o.code) for o in instrument.options_for(item) if not o.missing]
        if len(codes) < 2:
            continue
        out[item.id] = (item.domain, min(codes), max(codes), set(codes))
    return out


def domain_summaries(answers: pd.DataFrame, instrument: Instrument) -> pd.DataFrame:
    """One row per domain and respondent group: people who rated any of its items (``n``),
    the mean of their 0-100 domain ratings (``estimate``), ``sd``, the 95% interval, and the
    median and quartiles (NumPy's linear method). Domains appear in the order of their first
    item; "don't know" and other missing codes are left out.
    """
    items = _rescaling(instrument)
    mine = answers[(answers["instrument"] == instrument.id) & answers["item_id"].isin(items)]
    if mine.empty:
        return pd.DataFrame(columns=list(DOMAIN_COLUMNS))
    domain = mine["item_id"].map(lambda i: items[i][0])
    low = mine["item_id"].map(lambda i: items[i][1])
    high = mine["item_id"].map(lambda i: items[i][2])
    valid = [v in items[i][3] for i, v in zip(mine["item_id"], mine["value"], strict=True)]
    rated = mine.assign(domain=domain, rating=100.0 * (mine["value"] - low) / (high - low))
    rated = rated[np.asarray(valid, dtype=bool)]
    per_person = rated.groupby(["domain", "respondent_group", "response_id"], sort=False)[
        "rating"
    ].mean()
    order = list(dict.fromkeys(d for d, _, _, _ in items.values()))
    n_items = pd.Series([d for d, _, _, _ in items.values()]).value_counts()
    rows = []
    for (name, group), people in per_person.groupby(level=["domain", "respondent_group"]):
        values = people.to_numpy(dtype=float)
        n = len(values)
        mean = float(values.mean())
        sd = float(values.std(ddof=1)) if n > 1 else np.nan
        if n > 1:
            from scipy import stats  # imported here: it costs a second at start-up

            half = float(stats.t.ppf(0.975, n - 1)) * sd / np.sqrt(n)
            ci = (mean - half, mean + half)
        else:
            ci = (np.nan, np.nan)
        rows.append(
            {
                "instrument": instrument.id,
                "domain": name,
                "respondent_group": group,
                "n": n,
                "n_items": int(n_items[name]),
                "estimate": mean,
                "sd": sd,
                "ci_low": ci[0],
                "ci_high": ci[1],
                "median": float(np.median(values)),
                "q1": float(np.percentile(values, 25)),
                "q3": float(np.percentile(values, 75)),
            }
        )
    table = pd.DataFrame(rows, columns=list(DOMAIN_COLUMNS))
    table["_order"] = table["domain"].map(order.index)
    return (
        table.sort_values(["_order", "respondent_group"])
        .drop(columns="_order")
        .reset_index(drop=True)
    )
