"""How well suggestions match human coding: precision, recall and F1 per code, macro and micro.

For a code, *precision* is the share of texts the model gave it that a person gave it too,
*recall* the share of texts a person gave it that the model found, *F1* their harmonic mean
and *support* how many texts a person gave it. A ratio with nothing to divide by is 0 (as
scikit-learn's ``zero_division=0``). The *macro* row averages the per-code values, so every
code counts the same however rare; the *micro* row pools every decision, so common codes
dominate.

>>> truth = np.array([[1, 0], [1, 1], [0, 1], [0, 0]])
>>> guess = np.array([[1, 0], [0, 1], [0, 1], [1, 0]])
>>> table = code_metrics(truth, guess, ["staff", "waiting"])
>>> table.set_index("code")["f1"].to_dict()
{'staff': 0.5, 'waiting': 1.0, 'macro average': 0.75, 'micro average': 0.75}
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .coded import CodedTexts
from .errors import AutocodeError

if TYPE_CHECKING:
    from .model import AutocodeModel

__all__ = ["MACRO", "MICRO", "code_metrics", "evaluate"]

#: the ``code`` of the row averaging the per-code values
MACRO = "macro average"
#: the ``code`` of the row pooling every decision
MICRO = "micro average"


def code_metrics(
    truth: np.ndarray, predicted: np.ndarray, codes: Sequence[str], mask: np.ndarray | None = None
) -> pd.DataFrame:
    """Precision, recall, F1 and support per code, then the macro and micro rows.

    ``truth`` and ``predicted`` are texts x codes of 0/1; ``mask`` (optional, same shape)
    marks the pairs to count. Columns: ``code``, ``level`` (code, macro or micro),
    ``precision``, ``recall``, ``f1``, ``support``, ``predicted`` (how many the model gave),
    all unrounded.
    """
    truth = np.asarray(truth).astype(bool)
    predicted = np.asarray(predicted).astype(bool)
    if truth.shape != predicted.shape or truth.shape[1] != len(codes):
        raise AutocodeError(
            f"truth {truth.shape} and predictions {predicted.shape} must both be texts x "
            f"{len(codes)} codes"
        )
    counted = np.ones_like(truth) if mask is None else np.asarray(mask).astype(bool)
    tp = (truth & predicted & counted).sum(axis=0)
    fp = (~truth & predicted & counted).sum(axis=0)
    fn = (truth & ~predicted & counted).sum(axis=0)
    precision, recall, f1 = _ratios(tp, fp, fn)
    table = pd.DataFrame(
        {
            "code": list(codes),
            "level": "code",
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "support": tp + fn,
            "predicted": tp + fp,
        }
    )
    micro_p, micro_r, micro_f1 = _ratios(tp.sum(), fp.sum(), fn.sum())
    summary = pd.DataFrame(
        {
            "code": [MACRO, MICRO],
            "level": ["macro", "micro"],
            "precision": [precision.mean(), float(micro_p)],
            "recall": [recall.mean(), float(micro_r)],
            "f1": [f1.mean(), float(micro_f1)],
            "support": [int((tp + fn).sum())] * 2,
            "predicted": [int((tp + fp).sum())] * 2,
        }
    )
    return pd.concat([table, summary], ignore_index=True)


def _ratios(tp, fp, fn):
    tp, fp, fn = (np.asarray(v, dtype=np.float64) for v in (tp, fp, fn))
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(tp + fp > 0, tp / (tp + fp), 0.0)
        recall = np.where(tp + fn > 0, tp / (tp + fn), 0.0)
        f1 = np.where(2 * tp + fp + fn > 0, 2 * tp / (2 * tp + fp + fn), 0.0)
    return precision, recall, f1


def evaluate(model: AutocodeModel, coded: CodedTexts) -> pd.DataFrame:
    """:func:`code_metrics` of ``model``'s suggestions for human-coded texts.

    ``coded`` must carry every code of the model (its other codes are ignored); undecided
    labels are not counted.
    """
    missing = [c for c in model.codes if c not in coded.codes]
    if missing:
        raise AutocodeError(f"the coded texts have no column for the model's code {missing[0]!r}")
    columns = [coded.codes.index(c) for c in model.codes]
    truth = coded.labels[:, columns]
    predicted = model.predict(list(coded.texts)).to_numpy()
    return code_metrics(truth == 1, predicted, model.codes, mask=truth >= 0)
