"""One linear classifier per code, and its scores on texts it did not see (cross-validation).

Each code gets a linear support vector machine (scikit-learn's ``LinearSVC``, liblinear)
with classes weighted by their frequency, so that a code seen in 1% of texts still matters
to its classifier. Texts whose label for a code is undecided are left out of that code's
training. Cross-validation folds are stratified per code, so the few texts of a rare code
are spread over the folds; a code with fewer than two texts on either side is not
cross-validated.

Codes are trained in parallel threads (liblinear releases Python's lock while it works).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from joblib import Parallel, delayed
from scipy import sparse
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import LinearSVC

__all__ = ["CodeFit", "fit_code", "fit_codes", "out_of_fold_scores"]

#: (done, total) after each code
Tick = Callable[[int, int], None]


@dataclass(frozen=True)
class CodeFit:
    """A code's weights and intercept; ``score = features @ weights + intercept``."""

    weights: np.ndarray
    intercept: float


def fit_code(features: sparse.csr_matrix, labels: np.ndarray, c: float, seed: int) -> CodeFit:
    """Train one code's classifier on texts with decided labels (1 or 0)."""
    decided = labels >= 0
    x, y = features[decided], labels[decided]
    if y.size == 0 or y.min() == y.max():  # nothing to tell apart: a constant score
        sign = 1.0 if y.size and y[0] == 1 else -1.0
        return CodeFit(np.zeros(features.shape[1]), sign)
    model = LinearSVC(C=c, class_weight="balanced", random_state=seed, max_iter=2000)
    model.fit(x, y)
    return CodeFit(model.coef_[0].astype(np.float64), float(model.intercept_[0]))


def fit_codes(
    features: sparse.csr_matrix,
    labels: np.ndarray,
    c: float,
    seed: int,
    n_jobs: int = 2,
    tick: Tick | None = None,
) -> list[CodeFit]:
    """Every code's classifier on all the texts."""
    k = labels.shape[1]
    jobs = (delayed(fit_code)(features, labels[:, j], c, seed) for j in range(k))
    return _run(jobs, k, n_jobs, tick)


def out_of_fold_scores(
    features: sparse.csr_matrix,
    labels: np.ndarray,
    c: float,
    folds: int,
    seed: int,
    n_jobs: int = 2,
    tick: Tick | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Each text's score for each code from a classifier that did not see it.

    Returns the scores and a mask of the (text, code) pairs that have one: pairs whose label
    is undecided, and codes too rare to cross-validate, have none.
    """
    k = labels.shape[1]
    jobs = (delayed(_code_out_of_fold)(features, labels[:, j], c, folds, seed) for j in range(k))
    results = _run(jobs, k, n_jobs, tick)
    scores = np.column_stack([r[0] for r in results])
    mask = np.column_stack([r[1] for r in results])
    return scores, mask


def _code_out_of_fold(
    features: sparse.csr_matrix, labels: np.ndarray, c: float, folds: int, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    scores = np.zeros(len(labels))
    have = np.zeros(len(labels), dtype=bool)
    decided = np.flatnonzero(labels >= 0)
    y = labels[decided]
    n_folds = min(folds, int((y == 1).sum()), int((y == 0).sum()))
    if n_folds < 2:
        return scores, have
    splitter = StratifiedKFold(n_folds, shuffle=True, random_state=seed)
    for train, test in splitter.split(decided, y):
        fit = fit_code(features[decided[train]], y[train], c, seed)
        rows = decided[test]
        scores[rows] = features[rows] @ fit.weights + fit.intercept
        have[rows] = True
    return scores, have


def _run(jobs, total: int, n_jobs: int, tick: Tick | None) -> list:
    results = []
    with warnings.catch_warnings():
        # liblinear stopping at max_iter on a hard code still gives a usable boundary
        warnings.simplefilter("ignore", ConvergenceWarning)
        runner = Parallel(n_jobs=n_jobs, prefer="threads", return_as="generator")
        for done, result in enumerate(runner(jobs), start=1):
            results.append(result)
            if tick is not None:
                tick(done, total)
    return results
