"""Property: any codings give statistics in range (or NaN), or a DataError; never a crash."""

from __future__ import annotations

import math
import warnings

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerval.errors import PeervalError
from peerval.qual.agreement import category_agreement, code_agreement

rows = st.lists(
    st.tuples(
        st.sampled_from(["u1", "u2", "u3", "u4", "u5"]),
        st.sampled_from(["ann", "bo", "cy"]),
        st.sampled_from(["time", "hope", "help"]),
        st.booleans(),
    ),
    max_size=30,
)


def _check(table: pd.DataFrame) -> None:
    for row in table.to_dict("records"):
        percent = row["percent_agreement"]
        assert math.isnan(percent) or 0.0 <= percent <= 100.0
        for stat in ("cohen_kappa", "krippendorff_alpha", "alpha_ci_low", "alpha_ci_high"):
            value = row[stat]
            assert math.isnan(value) or -1.0 - 1e-9 <= value <= 1.0 + 1e-9, (stat, value)
        if not math.isnan(row["alpha_ci_low"]):
            assert row["alpha_ci_low"] <= row["alpha_ci_high"]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=rows, give_units=st.booleans(), with_applied=st.booleans())
def test_code_agreement_gives_values_in_range_or_a_peerval_error(
    rows: list[tuple[str, str, str, bool]], give_units: bool, with_applied: bool
) -> None:
    codings = pd.DataFrame(rows, columns=["unit", "coder", "code", "applied"])
    if not with_applied:
        codings = codings.drop(columns="applied")
    units = ["u1", "u2", "u3", "u4", "u5"] if give_units else None
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            result = code_agreement(codings, units=units, n_boot=20, seed=1)
        except PeervalError:
            return
    _check(result.by_code)
    _check(result.overall)


@settings(max_examples=100, deadline=None)
@given(
    labels=st.dictionaries(
        st.tuples(st.integers(0, 5), st.sampled_from(["a", "b", "c"])),
        st.sampled_from(["x", "y", "z"]),
        max_size=18,
    )
)
def test_category_agreement_gives_values_in_range_or_a_peerval_error(
    labels: dict[tuple[int, str], str],
) -> None:
    table = pd.DataFrame(
        [(u, c, v) for (u, c), v in labels.items()], columns=["unit", "coder", "category"]
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            result = category_agreement(table, n_boot=20, seed=1)
        except PeervalError:
            return
    _check(result.summary)
