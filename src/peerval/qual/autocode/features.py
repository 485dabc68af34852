"""Turning texts into feature vectors: TF-IDF of words and of characters, and embeddings.

Each block is fitted once on the training texts (no labels are used, so cross-validation
can share it) and can be written as plain arrays and JSON, so a saved model never needs
pickle. The TF-IDF weighting is done here rather than by a fitted scikit-learn object: the
counts come from :class:`~sklearn.feature_extraction.text.CountVectorizer` with a fixed
vocabulary, then ``1 + log(count)`` times the inverse document frequency, scaled to unit
length per text.

>>> block = TfidfBlock.fit(["kind staff", "staff were kind", "long wait"], "word", (1, 1))
>>> block.terms
('kind', 'long', 'staff', 'wait', 'were')
>>> block.transform(["kind kind staff"]).shape
(1, 5)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from .errors import AutocodeError

__all__ = ["EmbeddingBlock", "Features", "TfidfBlock"]

_MAX_TERMS = 200_000


@dataclass(frozen=True)
class TfidfBlock:
    """TF-IDF over words or characters (within word boundaries), with a fixed vocabulary."""

    analyzer: str  # "word" or "char_wb"
    ngram_range: tuple[int, int]
    terms: tuple[str, ...]
    idf: np.ndarray

    @classmethod
    def fit(
        cls,
        texts: Sequence[str],
        analyzer: str,
        ngram_range: tuple[int, int],
        min_df: int = 1,
    ) -> TfidfBlock:
        """Learn the vocabulary and document frequencies from ``texts``."""
        for floor in sorted({min_df, 1}, reverse=True):
            vectorizer = TfidfVectorizer(
                analyzer=analyzer,
                ngram_range=ngram_range,
                min_df=floor,
                sublinear_tf=True,
                max_features=_MAX_TERMS,
                dtype=np.float64,
            )
            try:
                vectorizer.fit(list(texts))
            except ValueError:  # nothing left after pruning: try keeping rare terms
                continue
            terms = tuple(str(t) for t in vectorizer.get_feature_names_out())
            return cls(analyzer, tuple(ngram_range), terms, vectorizer.idf_.copy())
        raise AutocodeError(f"no {'words' if analyzer == 'word' else 'characters'} to learn from")

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Unit-length TF-IDF rows, one per text (an empty text gives a zero row)."""
        counter = CountVectorizer(
            analyzer=self.analyzer,
            ngram_range=self.ngram_range,
            vocabulary={t: i for i, t in enumerate(self.terms)},
            dtype=np.float64,
        )
        counts = counter.transform(list(texts)).tocsr()
        counts.data = 1.0 + np.log(counts.data)
        weighted = counts @ sparse.diags(self.idf)
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.csr_matrix(sparse.diags(1.0 / norms) @ weighted)

    def state(self) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
        """Settings and terms (JSON) and arrays, for saving."""
        config = {
            "kind": "tfidf",
            "analyzer": self.analyzer,
            "ngram_range": list(self.ngram_range),
            "terms": list(self.terms),
        }
        return config, {"idf": self.idf}

    @classmethod
    def from_state(cls, config: dict[str, Any], arrays: dict[str, np.ndarray]) -> TfidfBlock:
        """The block :meth:`state` described."""
        low, high = config["ngram_range"]
        return cls(config["analyzer"], (int(low), int(high)), tuple(config["terms"]), arrays["idf"])


@dataclass(frozen=True)
class EmbeddingBlock:
    """Sentence embeddings (unit length) from a local model, times a weight."""

    model: str  # what :func:`~peerval.qual.autocode.embeddings.load_encoder` was given
    dimensions: int
    weight: float = 0.5

    def transform(self, texts: Sequence[str], vectors: np.ndarray | None = None) -> np.ndarray:
        """Weighted embeddings of ``texts`` (or of ready-made unit ``vectors``)."""
        if vectors is None:
            from .embeddings import encode

            vectors = encode(self.model, texts)
        if vectors.shape != (len(texts), self.dimensions):
            raise AutocodeError(
                f"the embedding model {self.model} gives vectors of shape {vectors.shape}; "
                f"this model was trained with {self.dimensions} dimensions"
            )
        return vectors * self.weight

    def state(self) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
        """Settings (JSON), for saving; an embedding block has no arrays."""
        config = {
            "kind": "embedding",
            "model": self.model,
            "dimensions": self.dimensions,
            "weight": self.weight,
        }
        return config, {}

    @classmethod
    def from_state(cls, config: dict[str, Any], arrays: dict[str, np.ndarray]) -> EmbeddingBlock:
        """The block :meth:`state` described."""
        return cls(str(config["model"]), int(config["dimensions"]), float(config["weight"]))


@dataclass(frozen=True)
class Features:
    """The blocks of one backend, side by side."""

    blocks: tuple[TfidfBlock | EmbeddingBlock, ...]

    @property
    def embedding(self) -> EmbeddingBlock | None:
        """The embedding block, if this backend has one."""
        return next((b for b in self.blocks if isinstance(b, EmbeddingBlock)), None)

    def transform(
        self, texts: Sequence[str], vectors: np.ndarray | None = None
    ) -> sparse.csr_matrix:
        """All blocks for ``texts`` as one sparse matrix (``vectors``: ready embeddings)."""
        parts = []
        for block in self.blocks:
            if isinstance(block, EmbeddingBlock):
                parts.append(sparse.csr_matrix(block.transform(texts, vectors)))
            else:
                parts.append(block.transform(texts))
        return sparse.hstack(parts, format="csr")
