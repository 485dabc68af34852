"""The bootstrap interval is reproducible with a seed and brackets the estimate."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from peerval.qual.agreement import category_agreement, code_agreement


def _codings() -> pd.DataFrame:
    rng = np.random.default_rng(11)
    rows = []
    for unit in range(60):
        for code, rate in (("listened", 0.5), ("time", 0.3)):
            truth = rng.random() < rate
            for coder in ("a", "b"):
                if truth == (rng.random() < 0.85):
                    rows.append((unit, coder, code))
    return pd.DataFrame(rows, columns=["unit", "coder", "code"])


def test_same_seed_gives_the_same_interval_and_another_seed_a_different_one() -> None:
    first = code_agreement(_codings(), units=range(60), n_boot=300, seed=5)
    again = code_agreement(_codings(), units=range(60), n_boot=300, seed=5)
    other = code_agreement(_codings(), units=range(60), n_boot=300, seed=6)
    pd.testing.assert_frame_equal(first.by_code, again.by_code)
    pd.testing.assert_frame_equal(first.overall, again.overall)
    assert not np.allclose(first.by_code["alpha_ci_low"], other.by_code["alpha_ci_low"])


def test_interval_contains_the_point_estimate_per_code_and_overall() -> None:
    result = code_agreement(_codings(), units=range(60), n_boot=500, seed=1)
    for table in (result.by_code, result.overall):
        assert (table["alpha_ci_low"] <= table["krippendorff_alpha"]).all()
        assert (table["krippendorff_alpha"] <= table["alpha_ci_high"]).all()
        assert (table["alpha_ci_high"] - table["alpha_ci_low"] > 0).all()
        assert (table["n_boot_defined"] == 500).all()


def test_a_wider_confidence_gives_a_wider_interval() -> None:
    first = [("x", "y", "z")[u % 3] for u in range(30)]
    second = [c if u % 4 else ("x", "y", "z")[(u + 1) % 3] for u, c in enumerate(first)]
    labels = pd.DataFrame(
        {
            "unit": [*range(30), *range(30)],
            "coder": ["a"] * 30 + ["b"] * 30,
            "category": first + second,
        }
    )
    narrow = category_agreement(labels, n_boot=400, confidence=0.8, seed=2).summary.iloc[0]
    wide = category_agreement(labels, n_boot=400, confidence=0.99, seed=2).summary.iloc[0]
    assert wide["alpha_ci_low"] < narrow["alpha_ci_low"] <= narrow["krippendorff_alpha"]
    assert wide["alpha_ci_high"] >= narrow["alpha_ci_high"] >= narrow["krippendorff_alpha"]
    assert narrow["krippendorff_alpha"] == pytest.approx(wide["krippendorff_alpha"])
