"""Alpha, kappa and percent agreement for two coders, worked out by hand.

Six units, one code. Coder A applies it to units 1, 2 and 5; coder B to 1, 5 and 6.
Pairable values n = 12: four 1-1 coincidences (units 1, 5: two each), four 0-0 (units 3, 4),
and units 2 and 6 give o_01 = o_10 = 2. So n_0 = n_1 = 6 and
alpha = 1 - (n - 1) * (o_01 + o_10) / (2 * n_0 * n_1) = 1 - 11 * 4 / 72 = 7/18.
Kappa: p_o = 4/6, p_e = 0.5 * 0.5 + 0.5 * 0.5 = 0.5, kappa = (2/3 - 1/2) / (1/2) = 1/3.
"""

from __future__ import annotations

import pandas as pd
import pytest

from peerval.qual.agreement import code_agreement


def test_two_coders_six_units_give_alpha_7_18_and_kappa_1_3() -> None:
    codings = pd.DataFrame(
        [("A", 1), ("A", 2), ("A", 5), ("B", 1), ("B", 5), ("B", 6)], columns=["coder", "unit"]
    ).assign(code="hope")
    row = code_agreement(codings, units=range(1, 7), n_boot=0).by_code.iloc[0]
    assert row["krippendorff_alpha"] == pytest.approx(7 / 18)
    assert row["cohen_kappa"] == pytest.approx(1 / 3)
    assert row["percent_agreement"] == pytest.approx(100 * 4 / 6)
    assert row["n_applied"] == 6
