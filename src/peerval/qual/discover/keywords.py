"""Keywords for each theme by class-based TF-IDF (c-TF-IDF).

All the comments of one cluster are read as one long document. A term scores high for a
cluster when it is frequent *in that cluster* and rare *across clusters*:

    score(t, c) = tf(t, c) / words(c) * log(1 + A / f(t))

where ``tf(t, c)`` is how often term ``t`` occurs in cluster ``c`` (a comment written by
several people counts that many times), ``words(c)`` all the term occurrences in ``c``,
``f(t)`` the occurrences of ``t`` in every cluster, and ``A`` the mean number of term
occurrences per cluster. The comments left unclustered form one more class, so that words
common everywhere are discounted, but they are never given keywords of their own.

>>> import numpy as np
>>> from scipy import sparse
>>> counts = sparse.csr_matrix(np.array([[2, 0, 1], [1, 0, 1], [0, 3, 1]]))
>>> scores = class_tfidf(counts, np.array([0, 0, 1]), np.ones(3), n_classes=2)
>>> [(term, round(score, 3)) for term, score in top_terms(scores[0], ["wait", "food", "staff"], 2)]
[('wait', 0.55), ('staff', 0.367)]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from scipy import sparse

__all__ = ["class_tfidf", "top_terms"]


def class_tfidf(
    counts: sparse.csr_matrix, labels: np.ndarray, weights: np.ndarray, n_classes: int
) -> np.ndarray:
    """A (classes x terms) matrix of c-TF-IDF scores.

    ``labels`` give each comment's class (0..n_classes-1; -1 for the unclustered, who form
    one extra class for the term frequencies across classes but get no row of their own).
    """
    classes = np.where(labels >= 0, labels, n_classes)
    membership = sparse.csr_matrix(
        (weights.astype(np.float64), (classes, np.arange(len(labels)))),
        shape=(n_classes + 1, len(labels)),
    )
    frequency = np.asarray((membership @ counts).todense(), dtype=np.float64)
    present = frequency.sum(axis=1) > 0
    per_term = frequency.sum(axis=0)
    mean_words = frequency.sum() / max(int(present.sum()), 1)
    idf = np.log1p(np.divide(mean_words, per_term, out=np.zeros_like(per_term), where=per_term > 0))
    words = frequency.sum(axis=1, keepdims=True)
    tf = np.divide(frequency, words, out=np.zeros_like(frequency), where=words > 0)
    return (tf * idf)[:n_classes]


def top_terms(
    scores: np.ndarray,
    terms: Sequence[str] | np.ndarray,
    n: int,
    allowed: Callable[[str], bool] | None = None,
) -> list[tuple[str, float]]:
    """The ``n`` best-scoring terms with their scores, best first (ties in term order).

    A term adds nothing when every one of its words is already among the chosen terms
    ("waiting time" after "waiting" and "time"), so it is skipped; so is any term that
    ``allowed`` rejects (such as a person's name).
    """
    order = np.lexsort((np.arange(len(scores)), -scores))
    chosen: list[tuple[str, float]] = []
    seen_words: set[str] = set()
    for index in order:
        if len(chosen) >= n or scores[index] <= 0:
            break
        term = str(terms[index])
        words = set(term.split())
        if words <= seen_words or (allowed is not None and not allowed(term)):
            continue
        chosen.append((term, float(scores[index])))
        seen_words |= words
    return chosen
