"""A trained automatic-coding model: features, one classifier per code, probabilities, thresholds.

For each text and code the model gives a calibrated probability (see
:mod:`~peerval.qual.autocode.calibration`) and suggests the code when the probability reaches
the code's own threshold (see :mod:`~peerval.qual.autocode.calibration`). It keeps the coded
texts it learnt from, so that it can be retrained as coders accept or reject suggestions,
and records their hash, the codebook, the backend, the peerval version and when it was made.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .calibration import probabilities
from .coded import CodedTexts
from .features import Features

__all__ = ["AutocodeModel", "probability_column"]


def probability_column(code: str) -> str:
    """The name of the column holding a code's probability in applied output.

    >>> probability_column("Waiting times")
    'Waiting times probability'
    """
    return f"{code} probability"


@dataclass(frozen=True, eq=False)
class AutocodeModel:
    """A trained model. Make one with :func:`~peerval.qual.autocode.train`.

    ``weights`` is features x codes; ``slope`` and ``offset`` calibrate each code's scores;
    ``thresholds`` are probabilities. ``training_vectors`` are the training texts'
    embeddings (embeddings backend only), kept so that retraining need not recompute them.
    """

    codes: tuple[str, ...]
    backend: str
    features: Features
    weights: np.ndarray
    intercepts: np.ndarray
    slope: np.ndarray
    offset: np.ndarray
    thresholds: np.ndarray
    training: CodedTexts
    created_at: str
    peerval_version: str
    settings: dict[str, Any] = field(default_factory=dict)
    training_vectors: np.ndarray | None = None

    @property
    def data_hash(self) -> str:
        """SHA-256 of the coded texts the model learnt from."""
        return self.training.data_hash()

    def scores(self, texts: Sequence[str], vectors: np.ndarray | None = None) -> np.ndarray:
        """Raw classifier scores (texts x codes); ``vectors``: ready embeddings of the texts."""
        texts = [str(t) for t in texts]
        if not texts:
            return np.zeros((0, len(self.codes)))
        matrix = self.features.transform(texts, vectors)
        return np.asarray(matrix @ self.weights) + self.intercepts

    def probability_matrix(
        self, texts: Sequence[str], vectors: np.ndarray | None = None
    ) -> np.ndarray:
        """Calibrated probabilities as an array (texts x codes)."""
        return probabilities(self.scores(texts, vectors), self.slope, self.offset)

    def predict_proba(self, texts: Sequence[str]) -> pd.DataFrame:
        """Calibrated probabilities, one row per text and one column per code."""
        return pd.DataFrame(self.probability_matrix(texts), columns=list(self.codes))

    def predict(self, texts: Sequence[str]) -> pd.DataFrame:
        """0/1 per text and code: 1 where the probability reaches the code's threshold."""
        return self.decide(self.predict_proba(texts))

    def decide(self, probs: pd.DataFrame) -> pd.DataFrame:
        """The 0/1 decisions for a table of probabilities from :meth:`predict_proba`."""
        return (probs >= self.thresholds).astype(np.int8)

    def apply(self, texts: Sequence[str]) -> pd.DataFrame:
        """Decisions and probabilities side by side: ``<code>`` (0/1) columns, then
        ``<code> probability`` columns, one row per text."""
        probs = self.predict_proba(texts)
        decisions = self.decide(probs)
        probs.columns = [probability_column(c) for c in self.codes]
        return pd.concat([decisions, probs], axis=1)

    def thresholds_table(self) -> pd.DataFrame:
        """Each code's threshold and how many training texts carry it."""
        positives = self.training.positives()
        return pd.DataFrame(
            {
                "code": list(self.codes),
                "threshold": self.thresholds,
                "training_texts": [positives[c] for c in self.codes],
            }
        )

    def describe(self) -> dict[str, Any]:
        """What the model file's manifest records: a plain, JSON-ready dictionary."""
        return {
            "backend": self.backend,
            "codes": list(self.codes),
            "thresholds": [float(t) for t in self.thresholds],
            "data_hash": self.data_hash,
            "n_texts": len(self.training),
            "peerval_version": self.peerval_version,
            "created_at": self.created_at,
            "settings": dict(self.settings),
            "embedding_model": (self.features.embedding.model if self.features.embedding else None),
        }
