"""Change between waves: the latest wave against the one before, and the trend over all.

The staff survey repeats every year and the service-user survey every two years, so scale
scores are compared across waves: the difference in means between the latest wave and the
previous one (Welch, with a 95% CI) and, with three or more waves, a least-squares trend of
scores on the wave (per year when the waves are years, otherwise per wave).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from peerval.analysis.stats import linear_trend, mean_difference
from peerval.errors import DataError
from peerval.instruments.registry import version_key

__all__ = ["order_waves", "wave_changes"]


def order_waves(waves: list[str]) -> list[str]:
    """Waves in time order: by their numbers, so "2024" < "2025" and "wave 2" < "wave 10"."""
    return sorted({str(w) for w in waves}, key=version_key)


def _positions(waves: list[str]) -> tuple[dict[str, float], str]:
    try:
        return {w: float(w) for w in waves}, "year"
    except ValueError:
        return {w: float(i) for i, w in enumerate(waves)}, "wave"


def wave_changes(scores: pd.DataFrame, respondents: pd.DataFrame) -> pd.DataFrame:
    """One row per instrument, scale and group with scores in two or more waves.

    Columns: ``instrument``, ``scale``, ``respondent_group``, ``waves`` (list of dicts:
    wave, n, estimate, ci_low, ci_high), ``latest``, ``previous``, ``difference``,
    ``diff_ci_low``, ``diff_ci_high``, ``diff_p_value``, ``trend_per``, ``trend``,
    ``trend_ci_low``, ``trend_ci_high``, ``trend_p_value`` (NaN with fewer than 3 waves).
    """
    scored = scores[scores["status"] == "scored"].merge(
        respondents[["instrument", "response_id", "wave", "respondent_group"]],
        on=["instrument", "response_id"],
        how="left",
        validate="many_to_one",
    )
    scored["wave"] = scored["wave"].astype(str)
    rows = []
    for (instrument, scale, group), sub in scored.groupby(
        ["instrument", "scale", "respondent_group"], sort=True
    ):
        waves = order_waves(list(sub["wave"].unique()))
        if len(waves) < 2:
            continue
        per_wave = []
        for wave in waves:
            values = sub.loc[sub["wave"] == wave, "score"].to_numpy(dtype=float)
            n = len(values)
            mean = float(values.mean())
            if n > 1:
                from scipy import stats

                half = float(stats.t.ppf(0.975, n - 1) * values.std(ddof=1) / np.sqrt(n))
            else:
                half = np.nan
            per_wave.append(
                {
                    "wave": wave,
                    "n": n,
                    "estimate": mean,
                    "ci_low": mean - half,
                    "ci_high": mean + half,
                }
            )
        latest = sub.loc[sub["wave"] == waves[-1], "score"]
        previous = sub.loc[sub["wave"] == waves[-2], "score"]
        try:
            diff = mean_difference(latest.to_numpy(dtype=float), previous.to_numpy(dtype=float))
        except DataError:
            diff = {"estimate": np.nan, "ci_low": np.nan, "ci_high": np.nan, "p_value": np.nan}
        positions, per = _positions(waves)
        trend = {"slope": np.nan, "ci_low": np.nan, "ci_high": np.nan, "p_value": np.nan}
        if len(waves) >= 3:
            trend = linear_trend(
                sub["wave"].map(positions).to_numpy(dtype=float), sub["score"].to_numpy(dtype=float)
            )
        rows.append(
            {
                "instrument": instrument,
                "scale": scale,
                "respondent_group": group,
                "waves": per_wave,
                "latest": waves[-1],
                "previous": waves[-2],
                "difference": diff["estimate"],
                "diff_ci_low": diff["ci_low"],
                "diff_ci_high": diff["ci_high"],
                "diff_p_value": diff["p_value"],
                "trend_per": per,
                "trend": trend["slope"],
                "trend_ci_low": trend["ci_low"],
                "trend_ci_high": trend["ci_high"],
                "trend_p_value": trend["p_value"],
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "instrument",
            "scale",
            "respondent_group",
            "waves",
            "latest",
            "previous",
            "difference",
            "diff_ci_low",
            "diff_ci_high",
            "diff_p_value",
            "trend_per",
            "trend",
            "trend_ci_low",
            "trend_ci_high",
            "trend_p_value",
        ],
    )
