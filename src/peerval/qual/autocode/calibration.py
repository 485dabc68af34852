"""Probabilities from classifier scores, and the threshold each code is suggested at.

**Probabilities.** Platt scaling is fitted on out-of-fold scores.

A linear classifier gives each text a score per code (its signed distance to the boundary).
Platt scaling maps a score ``s`` to ``1 / (1 + exp(-(slope * s + offset)))``, fitting
``slope`` and ``offset`` by logistic regression on scores the classifier gave to texts it had
*not* seen in training (cross-validation), so that "0.8" means about four in five such
suggestions are right. Class weights used to train the classifier do not distort the
probabilities, since the calibration itself is unweighted.

>>> scores = np.array([-2.0, -1.5, -1.0, -0.2, 0.3, 1.0, 1.5, 2.0])
>>> labels = np.array([0, 0, 0, 1, 0, 1, 1, 1])
>>> slope, offset = platt_fit(scores, labels)
>>> bool(slope > 0)
True
>>> low, high = probabilities(np.array([-3.0, 3.0]), slope, offset)
>>> bool(low < 0.05 and high > 0.95)
True

**Thresholds.** Per-code decision thresholds: the probability above which a code is suggested.

One threshold for every code (such as 0.5) suits none of them: a rare code's probabilities
rarely reach 0.5 even when it applies, so it would never be suggested. Each code instead
gets the threshold that maximised F1 on probabilities from cross-validation, that is on
texts the classifier had not seen.

>>> probs = np.array([0.05, 0.1, 0.2, 0.3, 0.35, 0.6])
>>> truth = np.array([0, 0, 0, 1, 1, 1])
>>> best_f1_threshold(probs, truth)
0.25
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit
from sklearn.linear_model import LogisticRegression

__all__ = ["CERTAIN", "DEFAULT_THRESHOLD", "best_f1_threshold", "platt_fit", "probabilities"]

#: the threshold of a code too rare to tune one for
DEFAULT_THRESHOLD = 0.5
#: the offset that makes a probability 0 or 1 to machine precision (a code never or always seen)
CERTAIN = 40.0


def platt_fit(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """``(slope, offset)`` mapping ``scores`` to calibrated probabilities of ``labels``.

    With only one kind of label the probability is that label, whatever the score. A fit
    that would reverse the order of the scores (slope below zero, which happens only with
    very few examples) is replaced by the plain logistic function of the score.
    """
    scores = np.asarray(scores, dtype=np.float64)
    labels = np.asarray(labels).astype(int)
    if labels.size == 0 or labels.min() == labels.max():
        return 0.0, CERTAIN if labels.size and labels[0] == 1 else -CERTAIN
    # a weak L2 penalty keeps the fit finite when the scores separate the labels perfectly
    model = LogisticRegression(C=100.0).fit(scores.reshape(-1, 1), labels)
    slope = float(model.coef_[0, 0])
    offset = float(model.intercept_[0])
    if not slope > 0:
        return 1.0, 0.0
    return slope, offset


def probabilities(scores: np.ndarray, slope: np.ndarray | float, offset: np.ndarray | float):
    """Calibrated probabilities of scores (element-wise; per-code arrays broadcast)."""
    return expit(np.asarray(scores, dtype=np.float64) * slope + offset)


def best_f1_threshold(probs: np.ndarray, labels: np.ndarray) -> float:
    """The threshold that maximises F1 when ``probs >= threshold`` are suggested.

    It lies half way between the lowest probability suggested and the next one down, so
    that small changes in a probability do not change the decision. Ties in F1 go to the
    higher threshold (fewer suggestions to review). Without a positive label the code is
    never suggested (threshold 1).
    """
    probs = np.asarray(probs, dtype=np.float64)
    labels = np.asarray(labels).astype(bool)
    positives = int(labels.sum())
    if positives == 0:
        return 1.0
    order = np.argsort(-probs, kind="stable")
    ranked = probs[order]
    hits = np.cumsum(labels[order])
    suggested = np.arange(1, len(ranked) + 1)
    f1 = 2.0 * hits / (suggested + positives)
    # a cut can only fall where the next probability is lower
    cut_here = np.r_[ranked[:-1] > ranked[1:], True]
    f1 = np.where(cut_here, f1, -1.0)
    best = int(np.argmax(f1))  # the first maximum: the fewest suggestions
    below = ranked[best + 1] if best + 1 < len(ranked) else 0.0
    return float((ranked[best] + below) / 2.0)
