"""Wilson interval, proportion() and median_iqr()."""

import math

import numpy as np
import pytest
from statsmodels.stats.proportion import proportion_confint

from peerval.analysis.stats import median_iqr, proportion, wilson_interval
from peerval.errors import DataError

# Golden values: Newcombe RG (1998) "Two-sided confidence intervals for the single
# proportion: comparison of seven methods", Statistics in Medicine 17:857-872, Table I,
# method 3 (score interval without continuity correction), printed to 4 decimal places.
NEWCOMBE = [
    (81, 263, 0.2553, 0.3662),
    (15, 148, 0.0624, 0.1605),
    (0, 20, 0.0, 0.1611),
    (1, 29, 0.0061, 0.1718),
]


@pytest.mark.parametrize(("successes", "n", "low", "high"), NEWCOMBE)
def test_wilson_matches_newcombe_1998_worked_examples(successes, n, low, high):
    got_low, got_high = wilson_interval(successes, n)
    assert round(got_low, 4) == low
    assert round(got_high, 4) == high


def test_wilson_matches_statsmodels_on_random_cases():
    # independent implementation: statsmodels' proportion_confint(method="wilson")
    rng = np.random.default_rng(20240611)
    for _ in range(40):
        n = int(rng.integers(1, 500))
        successes = int(rng.integers(0, n + 1))
        confidence = float(rng.choice([0.8, 0.9, 0.95, 0.99]))
        expected = proportion_confint(successes, n, alpha=1 - confidence, method="wilson")
        got = wilson_interval(successes, n, confidence)
        assert got == pytest.approx(expected, rel=1e-10, abs=1e-12)


def test_wilson_limits_are_exact_at_the_edges():
    assert wilson_interval(0, 7)[0] == 0.0
    assert wilson_interval(7, 7)[1] == 1.0
    # symmetry: the interval for n - x failures mirrors the one for x successes
    low, high = wilson_interval(3, 17)
    mirror_low, mirror_high = wilson_interval(14, 17)
    assert low == pytest.approx(1 - mirror_high) and high == pytest.approx(1 - mirror_low)


def test_wider_confidence_gives_a_wider_interval():
    narrow = wilson_interval(12, 40, 0.8)
    wide = wilson_interval(12, 40, 0.99)
    assert wide[0] < narrow[0] and wide[1] > narrow[1]


def test_wilson_with_no_trials_is_nan():
    low, high = wilson_interval(0, 0)
    assert math.isnan(low) and math.isnan(high)


@pytest.mark.parametrize(
    ("successes", "n", "confidence"),
    [
        (5, 4, 0.95),
        (-1, 4, 0.95),
        (1, -4, 0.95),
        (1.5, 4, 0.95),
        (True, 4, 0.95),
        (1, 4, 0.0),
        (1, 4, 1.0),
        (1, 4, 95),
        (1, 4, float("nan")),
        (1, 4, "0.95"),
    ],
)
def test_wilson_refuses_bad_input(successes, n, confidence):
    with pytest.raises(DataError):
        wilson_interval(successes, n, confidence)


def test_wilson_accepts_numpy_integers():
    assert wilson_interval(np.int64(81), np.int32(263)) == wilson_interval(81, 263)


def test_proportion_returns_the_estimate_and_wilson_interval():
    out = proportion(81, 263)
    assert set(out) == {"n", "successes", "estimate", "ci_low", "ci_high"}
    assert out["n"] == 263 and out["successes"] == 81
    assert out["estimate"] == 81 / 263
    assert (out["ci_low"], out["ci_high"]) == wilson_interval(81, 263)


def test_proportion_of_nothing_is_nan():
    out = proportion(0, 0)
    assert out["n"] == 0 and math.isnan(out["estimate"]) and math.isnan(out["ci_low"])


def test_median_iqr_uses_linear_interpolation_and_drops_missing():
    # by hand, NumPy's "linear" rule: the q-th quantile sits at position q*(n-1) of the
    # sorted values [1, 2, 4, 8, 16] (n = 5): q1 at 1.0 -> 2, median at 2.0 -> 4, q3 at
    # 3.0 -> 8
    out = median_iqr([16, np.nan, 1, 8, None, 4, 2])
    assert out == {"n": 5, "median": 4.0, "q1": 2.0, "q3": 8.0}
    # even n, [10, 20, 30, 40]: q1 at 0.75 -> 17.5, median at 1.5 -> 25, q3 at 2.25 -> 32.5
    assert median_iqr([40, 10, 30, 20]) == {"n": 4, "median": 25.0, "q1": 17.5, "q3": 32.5}


def test_median_iqr_matches_numpy_percentile():
    rng = np.random.default_rng(7)
    values = rng.normal(size=37)
    out = median_iqr(values)
    q1, median, q3 = np.percentile(values, [25, 50, 75])
    assert (out["q1"], out["median"], out["q3"]) == (q1, median, q3)


def test_median_iqr_of_nothing_is_nan():
    out = median_iqr([np.nan, None])
    assert out["n"] == 0 and all(math.isnan(out[k]) for k in ("median", "q1", "q3"))
    assert median_iqr([])["n"] == 0


def test_median_iqr_accepts_a_nullable_pandas_series():
    pd = pytest.importorskip("pandas")
    series = pd.Series([3, None, 1, 2], dtype="Int64")
    assert median_iqr(series) == {"n": 3, "median": 2.0, "q1": 1.5, "q3": 2.5}


@pytest.mark.parametrize(
    "values", [["a", "b"], [1, "2"], "123", [1, np.inf], [[1, 2], [3, 4]], [True, False], 5]
)
def test_median_iqr_refuses_non_numbers(values):
    with pytest.raises(DataError):
        median_iqr(values)
