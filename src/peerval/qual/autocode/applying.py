"""Applying a model to a table: the input's columns, then a 0/1 and a probability per code.

>>> import numpy as np, pandas as pd
>>> from peerval.qual.autocode import CodedTexts, train
>>> coded = CodedTexts(("kind staff", "staff were kind", "long wait", "waited hours"),
...                    ("staff", "waiting"), np.array([[1, 0], [1, 0], [0, 1], [0, 1]]))
>>> table = pd.DataFrame({"id": ["a", "b"], "comment": ["kind staff", "a long wait"]})
>>> list(apply_to_frame(train(coded), table, "comment").columns)
['id', 'comment', 'staff', 'waiting', 'staff probability', 'waiting probability']
"""

from __future__ import annotations

import pandas as pd

from peerval.errors import DataError, Location

from .coded import cell_text
from .model import AutocodeModel
from .training import Progress

__all__ = ["apply_to_frame", "output_columns"]

#: texts scored at a time, between progress reports
CHUNK = 1000


def output_columns(model: AutocodeModel) -> list[str]:
    """The columns applying adds: the codes, then their probabilities."""
    return [*model.codes, *(f"{c} probability" for c in model.codes)]


def apply_to_frame(
    model: AutocodeModel,
    frame: pd.DataFrame,
    text: str,
    *,
    file: str | None = None,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """``frame`` with the model's decisions and probabilities added for column ``text``.

    An input column with the name of an added column is replaced (so applying a model to
    coded data gives the model's codes, not the people's). A blank text gets the model's
    view of an empty text (usually no code).
    """
    if text not in frame.columns:
        raise DataError("no such column (the text column)", Location(file=file, column=text))
    texts = [cell_text(v) for v in frame[text]]
    parts = []
    total = len(texts)
    if progress:
        progress("Suggesting codes", 0, total)
    for start in range(0, total, CHUNK):
        parts.append(model.apply(texts[start : start + CHUNK]))
        if progress:
            progress("Suggesting codes", min(start + CHUNK, total), total)
    added = pd.concat(parts, ignore_index=True) if parts else model.apply([])
    kept = frame.drop(columns=[c for c in output_columns(model) if c in frame.columns])
    return pd.concat([kept.reset_index(drop=True), added], axis=1)
