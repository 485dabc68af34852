"""Property tests for the statistics module, and that importing it stays cheap."""

import subprocess
import sys

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from peerval.analysis.stats import holm, wilson_interval


@st.composite
def counts(draw):
    n = draw(st.integers(min_value=1, max_value=100_000))
    successes = draw(st.integers(min_value=0, max_value=n))
    return successes, n


@settings(max_examples=50, deadline=None)
@given(counts(), st.floats(min_value=0.5, max_value=0.9999))
def test_wilson_interval_is_in_the_unit_interval_and_contains_the_estimate(case, confidence):
    successes, n = case
    low, high = wilson_interval(successes, n, confidence)
    assert 0.0 <= low <= successes / n <= high <= 1.0
    assert low < high


p_value = st.floats(min_value=0.0, max_value=1.0) | st.just(float("nan"))


@settings(max_examples=50, deadline=None)
@given(st.lists(p_value, max_size=30))
def test_holm_is_at_least_the_raw_p_value_and_at_most_one(raw):
    raw = np.array(raw, dtype=float)
    adjusted = holm(raw)
    assert adjusted.shape == raw.shape
    assert np.array_equal(np.isnan(adjusted), np.isnan(raw))
    present = ~np.isnan(raw)
    assert (adjusted[present] >= raw[present]).all()
    assert (adjusted[present] <= 1.0).all()
    # the adjustment keeps the order of the raw p-values
    order = np.argsort(raw[present], kind="stable")
    assert (np.diff(adjusted[present][order]) >= 0).all()


def test_importing_the_module_does_not_import_scipy():
    code = (
        "import sys, peerval.analysis.stats; "
        "sys.exit(1 if any(m == 'scipy' or m.startswith('scipy.') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
