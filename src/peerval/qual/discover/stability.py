"""Clustering the same comments with several seeds, and measuring how far the runs agree.

One *run* clusters a random share of the comments (``subsample``, 80% by default, at most
:data:`MAX_FIT` of them for the method) with its own seed, then labels **every** comment:
k-means by the nearest centre, HDBSCAN by the nearest cluster centre when the comment is at
least as close as the closest nine in ten of that cluster's own members, and as noise (-1)
otherwise. Capping the sample keeps the cost of a run nearly flat beyond that size; only
labelling grows, linearly. Because every run labels the same comments, runs can be
compared directly:

* a setting's **stability** is the mean adjusted Rand index (ARI) over every pair of runs
  (1 = the same partition every time; about 0 = no more alike than chance);
* the **reference run** of a setting is the one that agrees best, on average, with the others;
* a cluster's **stability** is the mean, over the other runs, of its best Jaccard overlap
  with any cluster of that run (comments weighted by how many times they were written);
* a comment's **consistency** is the share of the other runs that put it in the cluster
  best matching its own.

k-means runs are full Lloyd k-means with three k-means++ starts. With ``minibatch=True``
a run may cluster up to 50,000 comments, and samples above 10,000 are clustered by
mini-batch k-means. It is an option for very large inputs, not the default: its own
randomness lowers the agreement between runs (on the FFT comments, a mean ARI of about 0.3
against 0.5-0.7 for full k-means), which makes real structure look less stable.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from scipy import sparse
from sklearn.cluster import HDBSCAN, KMeans, MiniBatchKMeans
from sklearn.exceptions import ConvergenceWarning

__all__ = [
    "MAX_FIT",
    "N_INIT",
    "SettingRuns",
    "adjusted_rand_index",
    "best_matches",
    "hdbscan_runs",
    "kmeans_runs",
    "run_seeds",
    "settle",
]

#: the most comments one run clusters, by method (the rest are labelled afterwards)
MAX_FIT = {"kmeans": 10_000, "minibatch": 50_000, "hdbscan": 5_000}
#: k-means++ starts per k-means run
N_INIT = 3


@dataclass(frozen=True)
class SettingRuns:
    """The runs of one setting (k, or HDBSCAN's minimum cluster size) and their agreement."""

    setting: int
    labels: tuple[np.ndarray, ...]  # one labelling of every usable comment per seed
    agreement: np.ndarray  # adjusted Rand index of every pair of runs (1 on the diagonal)

    @property
    def stability(self) -> float:
        """Mean adjusted Rand index over every pair of runs, clipped to 0-1."""
        n = len(self.labels)
        if n < 2:
            return 1.0
        off_diagonal = self.agreement[~np.eye(n, dtype=bool)]
        return float(np.clip(off_diagonal.mean(), 0.0, 1.0))

    @property
    def reference(self) -> int:
        """The run that agrees best with the others (the first, on a tie)."""
        return int(np.argmax(self.agreement.sum(axis=1)))

    @property
    def n_clusters(self) -> int:
        """How many clusters the reference run found (noise not counted)."""
        labels = self.labels[self.reference]
        return int(np.unique(labels[labels >= 0]).size)


def run_seeds(seed: int, n_seeds: int) -> list[int]:
    """``n_seeds`` seeds drawn deterministically from ``seed``."""
    state = np.random.SeedSequence(seed).generate_state(n_seeds)
    return [int(s) for s in state]


def kmeans_runs(
    vectors: np.ndarray,
    weights: np.ndarray,
    k: int,
    seeds: list[int],
    *,
    minibatch: bool = False,
    subsample: float = 0.8,
) -> SettingRuns:
    """One weighted k-means per seed on a sample; every comment labelled by its nearest centre."""
    runs = []
    for seed in seeds:
        rng = np.random.default_rng(seed)
        sample = _sample(
            rng, len(vectors), subsample, MAX_FIT["minibatch" if minibatch else "kmeans"]
        )
        if sample.size > MAX_FIT["kmeans"]:
            model: KMeans | MiniBatchKMeans = MiniBatchKMeans(
                n_clusters=k, n_init=N_INIT, batch_size=2048, random_state=seed
            )
        else:
            model = KMeans(n_clusters=k, n_init=N_INIT, random_state=seed)
        with warnings.catch_warnings():
            # fewer distinct points than k in a sample: the run simply finds fewer clusters
            warnings.filterwarnings("ignore", category=ConvergenceWarning)
            model.fit(vectors[sample], sample_weight=weights[sample])
        runs.append(_compact(model.predict(vectors)))
    return _with_agreement(k, runs)


def hdbscan_runs(
    vectors: np.ndarray,
    min_cluster_size: int,
    seeds: list[int],
    *,
    subsample: float = 0.8,
) -> SettingRuns:
    """One HDBSCAN per seed on a sample; the other comments go to the nearest close cluster."""
    runs = []
    for seed in seeds:
        rng = np.random.default_rng(seed)
        sample = _sample(rng, len(vectors), subsample, MAX_FIT["hdbscan"])
        size = max(2, round(min_cluster_size * sample.size / len(vectors)))
        model = HDBSCAN(min_cluster_size=size, min_samples=min(size, 5), copy=True)
        fitted = model.fit_predict(vectors[sample])
        runs.append(_compact(_extend_labels(vectors, sample, fitted)))
    return _with_agreement(min_cluster_size, runs)


def adjusted_rand_index(first: np.ndarray, second: np.ndarray) -> float:
    """The adjusted Rand index of two labellings of the same comments (noise, -1, is a label
    like any other), as Hubert and Arabie (1985) define it; 1.0 when both are trivial.

    >>> round(adjusted_rand_index(np.array([0, 0, 1, 1]), np.array([1, 1, 0, 0])), 3)
    1.0
    >>> round(adjusted_rand_index(np.array([0, 0, 1, 1]), np.array([0, 1, 0, 1])), 3)
    -0.5
    """
    _, rows = np.unique(first, return_inverse=True)
    _, columns = np.unique(second, return_inverse=True)
    n_columns = int(columns.max(initial=-1)) + 1
    cells = np.bincount(rows * n_columns + columns).astype(np.float64)
    row_sums = np.bincount(rows).astype(np.float64)
    column_sums = np.bincount(columns).astype(np.float64)
    pairs = _pairs(cells).sum()
    row_pairs, column_pairs = _pairs(row_sums).sum(), _pairs(column_sums).sum()
    expected = row_pairs * column_pairs / max(_pairs(np.float64(len(first))), 1.0)
    most = (row_pairs + column_pairs) / 2
    if most == expected:
        return 1.0
    return float((pairs - expected) / (most - expected))


def _pairs(counts: np.ndarray) -> np.ndarray:
    """How many unordered pairs each count makes."""
    return counts * (counts - 1) / 2


def best_matches(
    reference: np.ndarray, other: np.ndarray, weights: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """For each cluster of ``reference`` (0..n-1): its best Jaccard overlap in ``other``, and
    which cluster of ``other`` that is (-1 where it overlaps none). Noise (-1) is no cluster.
    """
    n_ref = int(reference.max(initial=-1)) + 1
    n_other = int(other.max(initial=-1)) + 1
    if n_ref == 0:
        return np.zeros(0), np.zeros(0, dtype=np.int64)
    if n_other == 0:
        return np.zeros(n_ref), np.full(n_ref, -1, dtype=np.int64)
    both = (reference >= 0) & (other >= 0)
    overlap = sparse.coo_matrix(
        (weights[both], (reference[both], other[both])), shape=(n_ref, n_other)
    ).toarray()
    ref_size = np.bincount(reference[reference >= 0], weights[reference >= 0], minlength=n_ref)
    other_size = np.bincount(other[other >= 0], weights[other >= 0], minlength=n_other)
    union = ref_size[:, None] + other_size[None, :] - overlap
    jaccard = np.divide(overlap, union, out=np.zeros_like(overlap), where=union > 0)
    match = np.argmax(jaccard, axis=1)
    best = jaccard[np.arange(n_ref), match]
    return best, np.where(best > 0, match, -1)


def settle(runs: SettingRuns, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The reference labels, each cluster's stability and each comment's consistency."""
    reference = runs.labels[runs.reference]
    others = [labels for i, labels in enumerate(runs.labels) if i != runs.reference]
    n_clusters = int(reference.max(initial=-1)) + 1
    if not others:
        return reference, np.ones(n_clusters), np.ones(len(reference))
    stability = np.zeros(n_clusters)
    agreeing = np.zeros(len(reference))
    clustered = reference >= 0
    for other in others:
        best, match = best_matches(reference, other, weights)
        stability += best
        expected = np.full(len(reference), -2)
        expected[clustered] = match[reference[clustered]]
        agreeing += (other == expected) & clustered
    return reference, stability / len(others), agreeing / len(others)


def _sample(rng: np.random.Generator, n: int, share: float, most: int) -> np.ndarray:
    """Sorted indices of a random ``share`` of ``n`` comments, at most ``most`` of them."""
    size = min(n, most, max(2, math.ceil(share * n)))
    return np.sort(rng.choice(n, size=size, replace=False))


def _compact(labels: np.ndarray) -> np.ndarray:
    """Labels renumbered 0, 1, 2... in order of first appearance; noise stays -1."""
    labels = np.asarray(labels, dtype=np.int64)
    out = np.full(labels.shape, -1, dtype=np.int64)
    clustered = labels >= 0
    _, first, inverse = np.unique(labels[clustered], return_index=True, return_inverse=True)
    rank = np.argsort(np.argsort(first))
    out[clustered] = rank[inverse]
    return out


def _extend_labels(vectors: np.ndarray, sample: np.ndarray, fitted: np.ndarray) -> np.ndarray:
    """Labels for every comment from labels for a sample (see the module docstring)."""
    labels = np.full(len(vectors), -1, dtype=np.int64)
    labels[sample] = fitted
    clusters = np.unique(fitted[fitted >= 0])
    rest = np.setdiff1d(np.arange(len(vectors)), sample)
    if clusters.size == 0 or rest.size == 0:
        return labels
    centres = np.stack([vectors[sample[fitted == c]].mean(axis=0) for c in clusters])
    centres /= np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-12)
    floors = np.array(
        [
            np.quantile(vectors[sample[fitted == c]] @ centres[i], 0.1)
            for i, c in enumerate(clusters)
        ]
    )
    similarity = vectors[rest] @ centres.T
    nearest = np.argmax(similarity, axis=1)
    close = similarity[np.arange(rest.size), nearest] >= floors[nearest]
    labels[rest[close]] = clusters[nearest[close]]
    return labels


def _with_agreement(setting: int, runs: list[np.ndarray]) -> SettingRuns:
    """Runs with the adjusted Rand index of every pair."""
    n = len(runs)
    agreement = np.eye(n)
    for i, j in combinations(range(n), 2):
        agreement[i, j] = agreement[j, i] = adjusted_rand_index(runs[i], runs[j])
    return SettingRuns(setting, tuple(runs), agreement)
