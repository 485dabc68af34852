"""Cohen's kappa reproduces the worked example on Wikipedia's "Cohen's kappa" page.

The page's first example: 50 grant proposals read by two readers, A and B. Both said yes
to 20 and no to 15; A yes and B no on 5; A no and B yes on 10. Checked by hand:
p_o = (20 + 15) / 50 = 0.7; A says yes to 25/50 = 0.5 and B to 30/50 = 0.6, so
p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5 and kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
"""

from __future__ import annotations

import pandas as pd
import pytest

from peerval.qual.agreement import category_agreement, code_agreement

CELLS = [("yes", "yes", 20), ("yes", "no", 5), ("no", "yes", 10), ("no", "no", 15)]


def _pairs() -> list[tuple[str, str]]:
    return [(a, b) for a, b, count in CELLS for _ in range(count)]


def test_single_label_kappa_is_0_4_and_agreement_70_percent() -> None:
    rows = []
    for unit, (a, b) in enumerate(_pairs()):
        rows += [(unit, "A", a), (unit, "B", b)]
    labels = pd.DataFrame(rows, columns=["unit", "coder", "category"])
    summary = category_agreement(labels, n_boot=0).summary.iloc[0]
    assert summary["cohen_kappa"] == pytest.approx(0.4)
    assert summary["percent_agreement"] == pytest.approx(70.0)
    assert summary["n_units"] == 50


def test_the_same_table_as_one_code_applied_or_not_gives_kappa_0_4() -> None:
    rows = []
    for unit, (a, b) in enumerate(_pairs()):
        rows += [(unit, "A", "fund", a == "yes"), (unit, "B", "fund", b == "yes")]
    codings = pd.DataFrame(rows, columns=["unit", "coder", "code", "applied"])
    row = code_agreement(codings, n_boot=0).by_code.iloc[0]
    assert row["cohen_kappa"] == pytest.approx(0.4)
    assert row["n_applied"] == 25 + 30
