"""Percent agreement is the mean over coder pairs of the share of units decided alike.

By hand, three coders and four units, code applied: A to u1, u2; B to u1; C to u1, u2, u3.
A-B agree on u1, u3, u4 (3/4); A-C on u1, u2, u4 (3/4); B-C on u1, u4 (2/4).
Mean: (0.75 + 0.75 + 0.5) / 3 = 2/3, so 66.67 per cent.
"""

from __future__ import annotations

import pandas as pd
import pytest

from peerval.qual.agreement import code_agreement

CODINGS = pd.DataFrame(
    [("u1", "A"), ("u2", "A"), ("u1", "B"), ("u1", "C"), ("u2", "C"), ("u3", "C")],
    columns=["unit", "coder"],
).assign(code="empathy")


def test_three_coders_agree_two_thirds_of_the_time() -> None:
    result = code_agreement(CODINGS, units=["u1", "u2", "u3", "u4"], n_boot=0)
    assert result.by_code.loc[0, "percent_agreement"] == pytest.approx(200 / 3)


def test_a_unit_left_out_of_units_changes_the_answer_so_units_matter() -> None:
    # without u4 (which nobody coded) the units are inferred as u1-u3 only
    inferred = code_agreement(CODINGS, n_boot=0)
    assert inferred.units == ("u1", "u2", "u3")
    # A-B 2/3, A-C 2/3, B-C 1/3
    assert inferred.by_code.loc[0, "percent_agreement"] == pytest.approx(100 * 5 / 9)
