"""A code nobody applied (or everybody applied everywhere) has no kappa or alpha.

With a single value in the data, kappa and alpha are 0/0; the convention here is NaN with
the note ``no_variation`` (Krippendorff 2011: data without variation say nothing about
reliability), while percent agreement is still 100. No warning is raised on the way.
"""

from __future__ import annotations

import math
import warnings

import pandas as pd

from peerval.qual.agreement import category_agreement, code_agreement

CODINGS = pd.DataFrame(
    [(u, c, "listened") for u in range(5) for c in ("a", "b")] + [(0, "a", "time")],
    columns=["unit", "coder", "code"],
)


def test_code_applied_everywhere_by_everyone_has_nan_alpha_and_kappa() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = code_agreement(CODINGS, codes=["listened", "time", "never"], n_boot=50)
    table = result.by_code.set_index("code")
    for code in ("listened", "never"):
        row = table.loc[code]
        assert math.isnan(row["krippendorff_alpha"]) and math.isnan(row["cohen_kappa"])
        assert math.isnan(row["alpha_ci_low"]) and math.isnan(row["alpha_ci_high"])
        assert row["percent_agreement"] == 100.0
        assert row["note"] == "no_variation"
    assert table.loc["never", "n_applied"] == 0


def test_mean_of_codes_leaves_out_codes_without_alpha_and_says_so() -> None:
    result = code_agreement(CODINGS, codes=["listened", "time", "never"], n_boot=0)
    mean = result.overall.set_index("overall").loc["mean_of_codes"]
    time_row = result.by_code.set_index("code").loc["time"]
    assert mean["n_codes"] == 1
    assert mean["krippendorff_alpha"] == time_row["krippendorff_alpha"]
    assert mean["percent_agreement"] == time_row["percent_agreement"]
    assert mean["note"] == "2 of 3 codes have no alpha"


def test_single_category_everywhere_has_nan_alpha() -> None:
    labels = pd.DataFrame({"unit": [1, 1, 2, 2], "coder": ["a", "b"] * 2, "category": "same"})
    summary = category_agreement(labels, n_boot=20).summary.iloc[0]
    assert math.isnan(summary["krippendorff_alpha"]) and math.isnan(summary["cohen_kappa"])
    assert summary["note"] == "no_variation"
