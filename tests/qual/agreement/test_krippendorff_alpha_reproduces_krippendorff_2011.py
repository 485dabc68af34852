"""Krippendorff's alpha reproduces the worked example in Krippendorff (2011).

Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Section C: four
observers, twelve units, nominal values 1-5 with missing values; alpha = 0.743. The same
matrix gives 0.743 in the krippendorff package's documented examples. The paper's value
totals (n_1..n_5 = 9, 13, 10, 5, 3; n = 40) are checked too, through an implementation
written here from the coincidence-matrix definition.
"""

from __future__ import annotations

import pytest

from peerval.qual.agreement import category_agreement

from .examples import (
    KRIPPENDORFF_2011,
    alpha_by_definition,
    coincidence_matrix,
    labels_from_matrix,
)


def test_nominal_alpha_is_0_743() -> None:
    summary = category_agreement(labels_from_matrix(KRIPPENDORFF_2011), n_boot=0).summary
    alpha = summary.loc[0, "krippendorff_alpha"]
    assert round(alpha, 3) == 0.743
    assert alpha == pytest.approx(alpha_by_definition(KRIPPENDORFF_2011), abs=1e-12)


def test_the_value_totals_are_the_papers() -> None:
    totals = coincidence_matrix(KRIPPENDORFF_2011).sum(axis=1)
    assert totals.tolist() == pytest.approx([9, 13, 10, 5, 3])
    assert totals.sum() == pytest.approx(40)


def test_the_example_has_four_coders_twelve_units_and_eleven_pairable() -> None:
    summary = category_agreement(labels_from_matrix(KRIPPENDORFF_2011), n_boot=0).summary
    row = summary.iloc[0]
    assert (row["n_coders"], row["n_units"], row["n_pairable_units"]) == (4, 12, 11)
    assert row["n_categories"] == 5
    # with four coders kappa is not defined; the table says why instead of guessing
    assert row["note"] == "kappa_needs_two_coders"
