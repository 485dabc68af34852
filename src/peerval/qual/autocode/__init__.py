"""Machine-assisted coding of free text ("autocode").

Train on texts people have coded (a text may carry several codes), then suggest codes for
new texts with calibrated probabilities; each code is suggested above its own threshold,
tuned by cross-validation. Suggestions are reviewed least certain first, and the model is
retrained on what coders accept or reject. Suggestions are never codings: a person decides.

>>> import numpy as np
>>> coded = CodedTexts(
...     ("my peer worker listened", "she really listened to me", "the ward was noisy",
...      "too noisy to sleep", "listened, but the ward was noisy"),
...     ("listening", "environment"),
...     np.array([[1, 0], [1, 0], [0, 1], [0, 1], [1, 1]]),
... )
>>> model = train(coded)
>>> model.predict(["she listened", "a noisy ward"]).to_numpy().tolist()
[[1, 0], [0, 1]]

Backends (see :mod:`~peerval.qual.autocode.backends`): ``default`` needs only
scikit-learn; ``embeddings`` adds sentence embeddings from a local model.
"""

from .applying import apply_to_frame, output_columns
from .backends import BACKENDS
from .coded import (
    UNDECIDED,
    CodedTexts,
    coded_texts_from_frame,
    read_coded_file,
    read_text_file,
    resolve_code_columns,
)
from .errors import AutocodeError, BackendUnavailable, ModelFileError
from .metrics import MACRO, MICRO, code_metrics, evaluate
from .model import AutocodeModel, probability_column
from .modelfile import load_model, read_manifest, save_model
from .review import Decision, retrain, review_queue, uncertainty, with_decisions
from .training import Progress, train

__all__ = [
    "BACKENDS",
    "MACRO",
    "MICRO",
    "UNDECIDED",
    "AutocodeError",
    "AutocodeModel",
    "BackendUnavailable",
    "CodedTexts",
    "Decision",
    "ModelFileError",
    "Progress",
    "apply_to_frame",
    "code_metrics",
    "coded_texts_from_frame",
    "evaluate",
    "load_model",
    "output_columns",
    "probability_column",
    "read_coded_file",
    "read_manifest",
    "read_text_file",
    "resolve_code_columns",
    "retrain",
    "review_queue",
    "save_model",
    "train",
    "uncertainty",
    "with_decisions",
]
