"""Published worked examples and an independent alpha, shared by the agreement tests."""

from __future__ import annotations

from itertools import permutations

import numpy as np
import pandas as pd

NAN = np.nan

#: Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
#: Communication, University of Pennsylvania, section C ("nominal data, any number of
#: observers, missing values"): 4 observers (rows) x 12 units (columns), blanks missing.
#: The paper gives alpha = 0.743 for nominal data.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
    [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN],
]


def labels_from_matrix(matrix: list[list[float]], coders: str = "ABCDEFGH") -> pd.DataFrame:
    """A coders x units matrix (NaN missing) as the tidy unit/coder/category table."""
    rows = [
        {"unit": u + 1, "coder": coders[c], "category": int(value)}
        for c, values in enumerate(matrix)
        for u, value in enumerate(values)
        if not np.isnan(value)
    ]
    return pd.DataFrame(rows)


def coincidence_matrix(matrix: list[list[float]] | np.ndarray) -> np.ndarray:
    """The coincidence matrix o_ck, written out from its definition: for every unit with
    m_u >= 2 values, add 1 / (m_u - 1) for each ordered pair of values from different coders
    (values in sorted order)."""
    data = np.asarray(matrix, dtype=float)
    values = sorted({v for v in data.flatten() if not np.isnan(v)})
    index = {v: i for i, v in enumerate(values)}
    o = np.zeros((len(values), len(values)))
    for unit in data.T:
        present = [v for v in unit if not np.isnan(v)]
        m = len(present)
        if m < 2:
            continue
        for a, b in permutations(range(m), 2):
            o[index[present[a]], index[present[b]]] += 1.0 / (m - 1)
    return o


def alpha_by_definition(matrix: list[list[float]] | np.ndarray) -> float:
    """Nominal alpha, independently of peerval and of the krippendorff package:
    alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c * n_k."""
    o = coincidence_matrix(matrix)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    disagree_observed = o.sum() - np.trace(o)
    disagree_expected = n**2 - (n_c**2).sum()
    return float(1.0 - (n - 1) * disagree_observed / disagree_expected)
