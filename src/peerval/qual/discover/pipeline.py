"""The discovery run: prepare, represent, cluster with several seeds, choose, describe."""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from peerval.qual.redact import Redactor

from .choose import Trial, choose, settings, try_settings
from .describe import describe_themes, theme_labels
from .errors import DiscoveryError, NotEnoughTextError
from .prepare import PreparedTexts, prepare_texts
from .represent import (
    Embedder,
    TermCounts,
    count_terms,
    density_space,
    embedding_vectors,
    lsa_vectors,
)
from .result import CandidateTheme, SettingScore, ThemeDiscovery
from .stability import run_seeds

__all__ = ["METHODS", "discover_themes"]

#: the clustering methods
METHODS = ("kmeans", "minibatch", "hdbscan")


def discover_themes(
    texts: Iterable[object] | pd.Series,
    ids: Iterable[Hashable] | None = None,
    *,
    method: str = "kmeans",
    embed: Embedder | None = None,
    k_values: Iterable[int] | None = None,
    min_cluster_sizes: Iterable[int] | None = None,
    n_seeds: int = 5,
    seed: int = 0,
    min_theme_size: int | None = None,
    min_stability: float = 0.6,
    tolerance: float = 0.25,
    n_keywords: int = 8,
    n_quotes: int = 3,
    redactor: Redactor | None = None,
    min_comments: int = 20,
) -> ThemeDiscovery:
    """Offer candidate themes in uncoded free text (see :mod:`peerval.qual.discover`).

    ``texts`` are the comments (a pandas Series is identified by its index, anything else by
    position, unless ``ids`` are given).

    ``method`` is "kmeans" (the default), "minibatch" (mini-batch k-means fitted on larger
    samples, for very large inputs) or "hdbscan". k-means tries each of ``k_values`` (by
    default 2 up to the square root of the number of distinct comments, at most 15);
    HDBSCAN tries each of ``min_cluster_sizes`` (by default 1%, 2%, 5% and 10% of the
    distinct comments, at least 5). ``embed`` replaces the default LSA vectors by sentence
    embeddings (see :func:`sentence_transformer_embedder`).

    ``n_seeds`` runs per setting, derived from ``seed``, measure stability; the setting is
    chosen as the module docstring says, with ``tolerance``. A theme is offered when it
    holds at least ``min_theme_size`` comments (default: 1% of the substantive comments,
    at least 3) and its stability reaches ``min_stability``. Each theme gets up to
    ``n_keywords`` keywords and ``n_quotes`` quotes, redacted by ``redactor`` (default: a
    plain :class:`~peerval.qual.redact.Redactor`).

    Raises :class:`NotEnoughTextError` when fewer than ``min_comments`` different
    substantive comments remain, and :class:`DiscoveryError` for an invalid option.
    """
    _check_options(
        method,
        n_seeds,
        min_stability,
        tolerance,
        n_keywords,
        n_quotes,
        min_comments,
        min_theme_size,
    )
    redactor = redactor if redactor is not None else Redactor()
    prepared = prepare_texts(texts, ids)
    _require(prepared, prepared.n_distinct, min_comments)
    embedded = None if embed is None else embedding_vectors(embed, prepared.texts)
    # The rest runs on one thread: these problems are small, and BLAS or OpenMP threads
    # competing for busy cores slow them down far more than they help.
    with threadpool_limits(limits=1):
        counts, vectors, usable = _represent(prepared, embedded, seed, min_comments)
        if min_theme_size is None:
            min_theme_size = max(3, math.ceil(0.01 * prepared.n_substantive))
        weights = prepared.counts.astype(np.float64)
        points = vectors[usable].astype(np.float32)
        if method == "hdbscan":
            points = density_space(points, seed)
        values = settings(
            method, k_values, min_cluster_sizes, points, weights[usable], min_theme_size
        )
        trials = try_settings(
            method,
            values,
            points,
            weights[usable],
            run_seeds(seed, n_seeds),
            min_theme_size,
            min_stability,
        )
        chosen = choose(trials, tolerance)
        labels = np.full(prepared.n_distinct, -1, dtype=np.int64)
        themes: list[CandidateTheme] = []
        if chosen is not None:
            labels, clusters = theme_labels(chosen, usable, weights, prepared.n_distinct)
            themes = describe_themes(
                labels, clusters, chosen, prepared, counts, vectors, n_keywords, n_quotes, redactor
            )
    unclustered = tuple(i for d in np.flatnonzero(labels < 0) for i in prepared.member_ids[d])
    return _result(
        prepared, themes, unclustered, trials, chosen, method, embedded is not None, seed, n_seeds
    )


def _check_options(
    method: str,
    n_seeds: int,
    min_stability: float,
    tolerance: float,
    n_keywords: int,
    n_quotes: int,
    min_comments: int,
    min_theme_size: int | None,
) -> None:
    """Raise :class:`DiscoveryError` for an option out of range."""
    if method not in METHODS:
        raise DiscoveryError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
    if n_seeds < 2:
        raise DiscoveryError(f"n_seeds must be at least 2 to measure stability, not {n_seeds}")
    if not 0.0 <= min_stability <= 1.0:
        raise DiscoveryError(f"min_stability must be between 0 and 1, not {min_stability}")
    if not 0.0 <= tolerance <= 1.0:
        raise DiscoveryError(f"tolerance must be between 0 and 1, not {tolerance}")
    if n_keywords < 1 or n_quotes < 0:
        raise DiscoveryError("n_keywords must be at least 1 and n_quotes at least 0")
    if min_comments < 4:
        raise DiscoveryError(f"min_comments must be at least 4, not {min_comments}")
    if min_theme_size is not None and min_theme_size < 1:
        raise DiscoveryError(f"min_theme_size must be at least 1, not {min_theme_size}")


def _represent(
    prepared: PreparedTexts, embedded: np.ndarray | None, seed: int, min_comments: int
) -> tuple[TermCounts, np.ndarray, np.ndarray]:
    """Term counts, a unit vector per distinct comment, and which comments have one."""
    counts = count_terms(prepared.texts)
    if counts is None:
        raise _not_enough(prepared, min_comments, "none of them has a word other than stop words")
    vectors = lsa_vectors(counts, seed) if embedded is None else embedded
    usable = np.flatnonzero(np.linalg.norm(vectors, axis=1) > 0)
    _require(
        prepared,
        usable.size,
        min_comments,
        f"only {usable.size} of them have words other than stop words to compare",
    )
    return counts, vectors, usable


def _require(prepared: PreparedTexts, available: int, minimum: int, detail: str = "") -> None:
    """Raise :class:`NotEnoughTextError` when fewer than ``minimum`` comments are usable."""
    if available < minimum:
        raise _not_enough(prepared, minimum, detail)


def _not_enough(prepared: PreparedTexts, minimum: int, detail: str = "") -> NotEnoughTextError:
    """The error saying how many comments remained and how many are needed."""
    return NotEnoughTextError(
        n_comments=prepared.n_comments,
        n_substantive=prepared.n_substantive,
        n_distinct=prepared.n_distinct,
        minimum=minimum,
        detail=detail,
    )


def _result(
    prepared: PreparedTexts,
    themes: list[CandidateTheme],
    unclustered: tuple[Hashable, ...],
    trials: list[Trial],
    chosen: Trial | None,
    method: str,
    embedded: bool,
    seed: int,
    n_seeds: int,
) -> ThemeDiscovery:
    """The result object, with a score for every setting tried."""
    parameter = "min_cluster_size" if method == "hdbscan" else "k"
    return ThemeDiscovery(
        themes=tuple(themes),
        unclustered_ids=unclustered,
        non_answer_ids=prepared.non_answer_ids,
        n_comments=prepared.n_comments,
        n_substantive=prepared.n_substantive,
        n_distinct=prepared.n_distinct,
        representation="embeddings" if embedded else "lsa",
        method=method,
        parameter=parameter,
        chosen_value=None if chosen is None else chosen.runs.setting,
        stability=0.0 if chosen is None else chosen.runs.stability,
        seed=seed,
        n_seeds=n_seeds,
        candidates=tuple(
            SettingScore(
                parameter=parameter,
                value=t.runs.setting,
                stability=t.runs.stability,
                n_clusters=t.runs.n_clusters,
                n_stable_themes=int(t.kept.size),
                chosen=t is chosen,
            )
            for t in trials
        ),
    )
