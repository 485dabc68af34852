"""Cohen's kappa agrees with scikit-learn's independent implementation."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score

from peerval.qual.agreement import category_agreement, code_agreement


@pytest.mark.parametrize("seed", range(6))
def test_category_kappa_equals_sklearn_cohen_kappa_score(seed: int) -> None:
    rng = np.random.default_rng(seed)
    first = rng.choice(["help", "time", "empathy", "other"], size=40)
    # the second coder mostly agrees, so kappa is well away from zero
    second = np.where(rng.random(40) < 0.7, first, rng.choice(["help", "time", "other"], 40))
    labels = pd.DataFrame(
        {
            "unit": list(range(40)) * 2,
            "coder": ["a"] * 40 + ["b"] * 40,
            "category": [*first, *second],
        }
    )
    kappa = category_agreement(labels, n_boot=0).summary.loc[0, "cohen_kappa"]
    assert kappa == pytest.approx(cohen_kappa_score(first, second), abs=1e-12)


@pytest.mark.parametrize("seed", range(6))
def test_code_kappa_equals_sklearn_on_presence_and_absence(seed: int) -> None:
    rng = np.random.default_rng(100 + seed)
    a = rng.random(30) < 0.4
    b = np.where(rng.random(30) < 0.8, a, ~a)
    rows = [(u, "a", "listened") for u in range(30) if a[u]]
    rows += [(u, "b", "listened") for u in range(30) if b[u]]
    codings = pd.DataFrame(rows, columns=["unit", "coder", "code"])
    result = code_agreement(codings, units=range(30), coders=["a", "b"], n_boot=0)
    expected = cohen_kappa_score(a.astype(int), b.astype(int))
    assert result.by_code.loc[0, "cohen_kappa"] == pytest.approx(expected, abs=1e-12)
