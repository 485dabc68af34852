"""Overall agreement: alpha over pooled unit x code decisions, and the mean over codes."""

from __future__ import annotations

import krippendorff
import numpy as np
import pandas as pd
import pytest

from peerval.qual.agreement import code_agreement


def test_pooled_alpha_is_package_alpha_over_every_unit_code_decision() -> None:
    rng = np.random.default_rng(4)
    codes, units, coders = ["a", "b", "c"], range(20), ["x", "y"]
    applied = rng.random((len(coders), len(units), len(codes))) < [0.2, 0.5, 0.7]
    rows = [
        (u, coder, code)
        for i, coder in enumerate(coders)
        for u in units
        for k, code in enumerate(codes)
        if applied[i, u, k]
    ]
    codings = pd.DataFrame(rows, columns=["unit", "coder", "code"])
    result = code_agreement(codings, units=units, n_boot=0)
    overall = result.overall.set_index("overall")
    decisions = applied.reshape(len(coders), -1).astype(float)
    expected = krippendorff.alpha(reliability_data=decisions, level_of_measurement="nominal")
    assert overall.loc["pooled", "krippendorff_alpha"] == pytest.approx(expected)
    agree = (applied[0] == applied[1]).mean()
    assert overall.loc["pooled", "percent_agreement"] == pytest.approx(100 * agree)
    assert overall.loc["pooled", "n_codes"] == 3
    for stat in ("percent_agreement", "cohen_kappa", "krippendorff_alpha"):
        assert overall.loc["mean_of_codes", stat] == pytest.approx(result.by_code[stat].mean())
