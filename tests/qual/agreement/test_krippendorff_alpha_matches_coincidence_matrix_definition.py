"""Alpha for random data with missing values equals the coincidence-matrix definition."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from peerval.qual.agreement import category_agreement, code_agreement

from .examples import alpha_by_definition, labels_from_matrix


@pytest.mark.parametrize("seed", range(8))
def test_category_alpha_with_missing_labels_matches_definition(seed: int) -> None:
    rng = np.random.default_rng(seed)
    truth = rng.integers(1, 5, size=25)
    matrix = np.array(
        [np.where(rng.random(25) < 0.75, truth, rng.integers(1, 5, size=25)) for _ in range(3)],
        dtype=float,
    )
    matrix[rng.random(matrix.shape) < 0.2] = np.nan
    summary = category_agreement(labels_from_matrix(matrix.tolist()), n_boot=0).summary
    assert summary.loc[0, "krippendorff_alpha"] == pytest.approx(
        alpha_by_definition(matrix), abs=1e-12
    )


def test_code_alpha_for_three_coders_matches_definition() -> None:
    rng = np.random.default_rng(7)
    applied = rng.random((3, 30)) < 0.35
    rows = [
        (unit, coder, "time") for coder in range(3) for unit in range(30) if applied[coder, unit]
    ]
    codings = pd.DataFrame(rows, columns=["unit", "coder", "code"])
    row = code_agreement(codings, units=range(30), coders=range(3), n_boot=0).by_code.iloc[0]
    expected = alpha_by_definition(applied.astype(float))
    assert row["krippendorff_alpha"] == pytest.approx(expected, abs=1e-12)
