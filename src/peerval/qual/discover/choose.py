"""Which settings to try, what each would offer, and which one is chosen."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .errors import DiscoveryError
from .outliers import distant_members
from .stability import SettingRuns, hdbscan_runs, kmeans_runs, settle

__all__ = [
    "AGREEMENT_FLOOR",
    "DEFAULT_HDBSCAN_SHARES",
    "DEFAULT_MAX_K",
    "MIN_CONSISTENCY",
    "Trial",
    "choose",
    "settings",
    "try_settings",
]

#: the most k tried by default (fewer for small inputs: see :func:`settings`)
DEFAULT_MAX_K = 15
#: HDBSCAN's minimum cluster sizes tried by default, as shares of the distinct comments
DEFAULT_HDBSCAN_SHARES = (0.01, 0.02, 0.05, 0.1)
#: a setting whose runs agree at least this well (mean ARI) always qualifies
AGREEMENT_FLOOR = 0.5
#: a comment stays in its cluster when at least this share of the other runs agree
MIN_CONSISTENCY = 0.5


@dataclass(frozen=True)
class Trial:
    """One setting's runs and what its reference run would offer."""

    runs: SettingRuns
    labels: np.ndarray  # reference labels, -1 where a comment is left out
    stability: np.ndarray  # per cluster of the reference run
    kept: np.ndarray  # the clusters big and stable enough to be offered


def settings(
    method: str,
    k_values: Iterable[int] | None,
    min_cluster_sizes: Iterable[int] | None,
    points: np.ndarray,
    weights: np.ndarray,
    min_theme_size: int,
) -> list[int]:
    """The settings worth trying on ``points``, smallest first.

    k runs by default from 2 to the square root of the number of points (at most
    :data:`DEFAULT_MAX_K`); a k above the number of different points, or above what
    ``min_theme_size`` allows, is skipped. HDBSCAN's minimum cluster sizes are by default
    :data:`DEFAULT_HDBSCAN_SHARES` of the points (at least 5); sizes above half the points
    are skipped.
    """
    n = len(points)
    if method != "hdbscan":
        if k_values is None:
            k_values = range(2, min(DEFAULT_MAX_K, math.ceil(math.sqrt(n))) + 1)
        asked = sorted({int(k) for k in k_values})
        if asked and asked[0] < 2:
            raise DiscoveryError(f"every k must be at least 2, not {asked[0]}")
        distinct = len({row.tobytes() for row in points.round(5)})
        most = min(distinct, int(weights.sum() // min_theme_size))
        return [k for k in asked if k <= most]
    if min_cluster_sizes is None:
        asked = sorted({max(5, round(share * n)) for share in DEFAULT_HDBSCAN_SHARES})
    else:
        asked = sorted({int(m) for m in min_cluster_sizes})
        if asked and asked[0] < 2:
            raise DiscoveryError(f"every minimum cluster size must be at least 2, not {asked[0]}")
    return [m for m in asked if m <= n // 2]


def try_settings(
    method: str,
    values: list[int],
    points: np.ndarray,
    weights: np.ndarray,
    seeds: list[int],
    min_theme_size: int,
    min_stability: float,
) -> list[Trial]:
    """Run every setting with every seed and settle what each would offer."""
    trials = []
    for value in values:
        if method == "hdbscan":
            runs = hdbscan_runs(points, value, seeds)
        else:
            runs = kmeans_runs(points, weights, value, seeds, minibatch=method == "minibatch")
        trials.append(_trial(runs, points, weights, min_theme_size, min_stability))
    return trials


def choose(trials: list[Trial], tolerance: float) -> Trial | None:
    """The setting whose runs agree well enough and that offers the most stable themes.

    A setting qualifies when its stability reaches :data:`AGREEMENT_FLOOR` or comes within
    ``tolerance`` of the most stable setting's. Of those, the one offering the most themes
    wins; then the more stable; then the smaller. Settings whose reference run found fewer
    than two clusters are passed over (all noise is perfectly reproducible and says
    nothing) unless no setting found more.
    """
    sensible = [t for t in trials if t.runs.n_clusters >= 2] or trials
    if not sensible:
        return None
    best = max(t.runs.stability for t in sensible)
    floor = min(AGREEMENT_FLOOR, best - tolerance)
    qualified = [t for t in sensible if t.runs.stability >= floor]
    return max(qualified, key=lambda t: (t.kept.size, t.runs.stability, -t.runs.setting))


def _trial(
    runs: SettingRuns,
    points: np.ndarray,
    weights: np.ndarray,
    min_theme_size: int,
    min_stability: float,
) -> Trial:
    """Settle a setting's runs and find which of its clusters could be offered.

    Comments that most other runs put elsewhere, and comments far from their cluster's
    centre (:func:`~peerval.qual.discover.outliers.distant_members`), are left out.
    """
    labels, stability, consistency = settle(runs, weights)
    labels = np.where(consistency >= MIN_CONSISTENCY, labels, -1)
    labels = np.where(distant_members(points, labels, weights), -1, labels)
    sizes = np.bincount(labels[labels >= 0], weights[labels >= 0], minlength=stability.size)
    kept = np.flatnonzero((sizes >= min_theme_size) & (stability >= min_stability))
    return Trial(runs, labels, stability, kept)
