"""With three coders kappa is NaN with a reason, while alpha and agreement are given."""

from __future__ import annotations

import math

import pandas as pd

from peerval.qual.agreement import code_agreement


def test_three_coders_get_alpha_but_no_kappa() -> None:
    codings = pd.DataFrame(
        [(1, "a"), (1, "b"), (1, "c"), (2, "a"), (3, "b"), (3, "c"), (4, "c")],
        columns=["unit", "coder"],
    ).assign(code="time")
    result = code_agreement(codings, units=[1, 2, 3, 4, 5], n_boot=0)
    row = result.by_code.iloc[0]
    assert math.isnan(row["cohen_kappa"])
    assert row["note"] == "kappa_needs_two_coders"
    assert not math.isnan(row["krippendorff_alpha"])
    assert row["n_coders"] == 3
    assert "kappa_needs_two_coders" in result.overall.loc[0, "note"]
