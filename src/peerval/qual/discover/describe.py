"""Turning the chosen clusters into candidate themes: numbers, keywords, quotes, members."""

from __future__ import annotations

import numpy as np

from peerval.qual.redact import Redactor

from .choose import Trial
from .keywords import class_tfidf, top_terms
from .prepare import PreparedTexts
from .quotes import representative_quotes
from .represent import TermCounts
from .result import CandidateTheme
from .screen import KeywordScreen

__all__ = ["describe_themes", "theme_labels"]


def theme_labels(
    chosen: Trial, usable: np.ndarray, weights: np.ndarray, n_distinct: int
) -> tuple[np.ndarray, list[int]]:
    """Theme numbers for every distinct comment (0 = largest; -1 outside any theme), and
    the cluster of the chosen run behind each theme number."""
    labels = np.full(n_distinct, -1, dtype=np.int64)
    for number, cluster in enumerate(chosen.kept):
        labels[usable[chosen.labels == cluster]] = number
    sizes = np.bincount(labels[labels >= 0], weights[labels >= 0], minlength=chosen.kept.size)
    order = sorted(range(chosen.kept.size), key=lambda n: (-sizes[n], n))
    renumber = np.empty(chosen.kept.size + 1, dtype=np.int64)
    renumber[-1] = -1
    renumber[order] = np.arange(len(order))
    return renumber[labels], [int(chosen.kept[n]) for n in order]


def describe_themes(
    labels: np.ndarray,
    clusters: list[int],
    chosen: Trial,
    prepared: PreparedTexts,
    counts: TermCounts,
    vectors: np.ndarray,
    n_keywords: int,
    n_quotes: int,
    redactor: Redactor,
) -> list[CandidateTheme]:
    """Keywords, redacted quotes, sizes, stability and member ids of each theme."""
    weights = prepared.counts.astype(np.float64)
    scores = class_tfidf(counts.matrix, labels, weights, len(clusters))
    screen = KeywordScreen(redactor, prepared.texts, counts.matrix, counts.terms)
    themes = []
    for number, cluster in enumerate(clusters):
        members = np.flatnonzero(labels == number)
        keywords = top_terms(scores[number], counts.terms, n_keywords, screen.allowed)
        quotes = representative_quotes(
            members, vectors, weights, prepared.texts, prepared.member_ids, n_quotes, redactor
        )
        themes.append(
            CandidateTheme(
                theme_id=f"T{number + 1:02d}",
                label=", ".join(term for term, _ in keywords[:4]),
                keywords=tuple(term for term, _ in keywords),
                keyword_scores=tuple(score for _, score in keywords),
                size=int(prepared.counts[members].sum()),
                n_distinct=int(members.size),
                stability=float(chosen.stability[cluster]),
                quotes=quotes,
                member_ids=tuple(i for d in members for i in prepared.member_ids[d]),
            )
        )
    return themes
