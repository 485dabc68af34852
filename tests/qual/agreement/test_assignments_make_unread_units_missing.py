"""With assignments, a unit a coder did not read is missing, not 'code absent'."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from peerval.qual.agreement import code_agreement

from .examples import alpha_by_definition


def test_three_coders_each_reading_two_thirds_of_the_units() -> None:
    # units 0-8; each unit is read by two of the three coders, in turn
    pairs = [(u, c) for u in range(9) for c in range(3) if c != u % 3]
    assignments = pd.DataFrame(pairs, columns=["unit", "coder"])
    applied = {(0, 1), (0, 2), (1, 0), (2, 0), (2, 1), (4, 0), (4, 2), (5, 1), (7, 2)}
    codings = pd.DataFrame(sorted(applied), columns=["unit", "coder"]).assign(code="hope")
    result = code_agreement(codings, assignments=assignments, n_boot=0)
    row = result.by_code.iloc[0]
    matrix = np.full((3, 9), np.nan)
    for unit, coder in pairs:
        matrix[coder, unit] = float((unit, coder) in applied)
    assert row["krippendorff_alpha"] == pytest.approx(alpha_by_definition(matrix))
    # each pair of coders shares three units; by hand: coders 0 and 1 agree on units 2 and
    # 8 of 2, 5, 8; coders 0 and 2 on unit 4 of 1, 4, 7; coders 1 and 2 on all of 0, 3, 6
    assert row["percent_agreement"] == pytest.approx(100 * (2 / 3 + 1 / 3 + 1) / 3)
    assert (row["n_units"], row["n_pairable_units"]) == (9, 9)
