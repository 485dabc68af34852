"""Reviewing suggestions: the least certain first, and retraining on what coders decide.

A person's time is best spent where the model is least sure (active learning): a suggestion
whose probability sits at its code's threshold could go either way, and the person's answer
teaches the model most. :func:`review_queue` lists every (text, code) pair with its
*uncertainty*: 1 at the threshold, falling to 0 at probability 0 or 1.

Coders then accept or reject suggestions (:class:`Decision`). :func:`with_decisions` adds
them to the training texts (a decision about a text already there changes its label; a new
text joins with that code decided and its other codes undecided) and :func:`retrain` fits
the model again on the result, with the same backend and settings.

>>> uncertainty(np.array([0.2, 0.5, 0.9]), np.array([0.2, 0.1, 0.5])).round(2).tolist()
[1.0, 0.56, 0.2]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .coded import UNDECIDED, CodedTexts
from .errors import AutocodeError
from .model import AutocodeModel
from .training import Progress, train

__all__ = ["Decision", "retrain", "review_queue", "uncertainty", "with_decisions"]


@dataclass(frozen=True)
class Decision:
    """A coder's answer to a suggestion: ``text`` has ``code`` (accepted) or has not."""

    text: str
    code: str
    accepted: bool


def uncertainty(probability: np.ndarray, threshold: np.ndarray) -> np.ndarray:
    """How close each probability is to its threshold: 1 at it, 0 at 0 or 1."""
    probability = np.asarray(probability, dtype=np.float64)
    threshold = np.clip(np.asarray(threshold, dtype=np.float64), 1e-12, 1 - 1e-12)
    above = (probability - threshold) / (1.0 - threshold)
    below = (threshold - probability) / threshold
    distance = np.where(probability >= threshold, above, below)
    return 1.0 - np.clip(distance, 0.0, 1.0)


def review_queue(
    model: AutocodeModel, texts: Sequence[str], *, limit: int | None = None
) -> pd.DataFrame:
    """Every (text, code) pair, the least certain first.

    Columns: ``text_index`` (position in ``texts``), ``text``, ``code``, ``probability``,
    ``threshold``, ``suggested`` (whether the model gives the code), ``uncertainty``. Ties
    keep the order of texts, then of codes. ``limit`` keeps the first rows only.
    """
    texts = [str(t) for t in texts]
    probs = model.probability_matrix(texts)
    n, k = probs.shape
    thresholds = np.broadcast_to(model.thresholds, (n, k))
    table = pd.DataFrame(
        {
            "text_index": np.repeat(np.arange(n), k),
            "text": np.repeat(np.array(texts, dtype=object), k),
            "code": np.tile(np.array(model.codes, dtype=object), n),
            "probability": probs.ravel(),
            "threshold": thresholds.ravel(),
            "suggested": (probs >= thresholds).ravel(),
            "uncertainty": uncertainty(probs, thresholds).ravel(),
        }
    )
    table = table.sort_values("uncertainty", ascending=False, kind="stable")
    if limit is not None:
        table = table.head(limit)
    return table.reset_index(drop=True)


def with_decisions(coded: CodedTexts, decisions: Iterable[Decision]) -> CodedTexts:
    """``coded`` with coders' decisions added (a later decision on the same pair wins)."""
    texts = list(coded.texts)
    labels = [row.copy() for row in np.asarray(coded.labels)]
    where: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        where.setdefault(text, []).append(i)
    for decision in decisions:
        if decision.code not in coded.codes:
            raise AutocodeError(f"a decision names the code {decision.code!r}, not in the model")
        j = coded.codes.index(decision.code)
        text = str(decision.text)
        if text not in where:
            where[text] = [len(texts)]
            texts.append(text)
            labels.append(np.full(len(coded.codes), UNDECIDED, dtype=np.int8))
        for i in where[text]:
            labels[i][j] = 1 if decision.accepted else 0
    matrix = np.vstack(labels) if labels else np.zeros((0, len(coded.codes)), dtype=np.int8)
    return CodedTexts(tuple(texts), coded.codes, matrix)


def retrain(
    model: AutocodeModel, decisions: Iterable[Decision], *, progress: Progress | None = None
) -> AutocodeModel:
    """A new model trained on ``model``'s texts plus ``decisions``, with its backend and
    settings (embeddings of texts it already had are reused)."""
    coded = with_decisions(model.training, decisions)
    vectors = None
    if model.training_vectors is not None and model.features.embedding is not None:
        from .embeddings import encode

        new = list(coded.texts[len(model.training) :])
        extra = encode(model.features.embedding.model, new) if new else None
        vectors = (
            model.training_vectors if extra is None else np.vstack([model.training_vectors, extra])
        )
    settings = model.settings
    return train(
        coded,
        model.backend,
        embedding_model=model.features.embedding.model if model.features.embedding else None,
        folds=int(settings.get("folds", 5)),
        c=float(settings.get("c", 0.3)),
        seed=int(settings.get("seed", 0)),
        progress=progress,
        vectors=vectors,
    )
