"""One unit gives statistics but no bootstrap interval, and says why."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from peerval.qual.agreement import code_agreement


def test_one_unit_two_coders_disagreeing() -> None:
    codings = pd.DataFrame({"unit": ["d1", "d1"], "coder": ["a", "b"], "code": ["x", "y"]})
    result = code_agreement(codings, n_boot=100)
    for row in result.by_code.to_dict("records"):
        # by hand: one unit, values 1 and 0 -> o_01 = o_10 = 1, n = 2, alpha = 1 - 1*2/2 = 0
        assert row["krippendorff_alpha"] == pytest.approx(0.0)
        assert row["cohen_kappa"] == pytest.approx(0.0)
        assert row["percent_agreement"] == 0.0
        assert math.isnan(row["alpha_ci_low"]) and math.isnan(row["alpha_ci_high"])
        assert row["note"] == "too_few_units_for_ci"
