"""Welch mean difference and least-squares linear trend."""

import math

import numpy as np
import pytest
from scipy import stats

from peerval.analysis.stats import linear_trend, mean_difference
from peerval.errors import DataError


def test_mean_difference_matches_scipy_welch_t_test():
    rng = np.random.default_rng(3)
    for _ in range(10):
        x = rng.normal(1.0, 2.0, size=int(rng.integers(2, 30)))
        y = rng.normal(0.0, 0.5, size=int(rng.integers(2, 30)))
        out = mean_difference(x, y)
        # independent: scipy.stats.ttest_ind(equal_var=False)
        expected = stats.ttest_ind(x, y, equal_var=False)
        assert out["estimate"] == pytest.approx(np.mean(x) - np.mean(y))
        assert out["statistic"] == pytest.approx(expected.statistic, rel=1e-10)
        assert out["p_value"] == pytest.approx(expected.pvalue, rel=1e-8)
        assert out["df"] == pytest.approx(expected.df, rel=1e-10)
        low, high = expected.confidence_interval(0.95)
        assert out["ci_low"] == pytest.approx(low) and out["ci_high"] == pytest.approx(high)


def test_mean_difference_small_example_by_hand():
    # x = [1, 2, 3, 4]: mean 2.5, variance 5/3, var/n = 5/12
    # y = [3, 5, 7]:    mean 5,   variance 4,   var/n = 4/3 = 16/12
    # estimate = 2.5 - 5 = -2.5; se^2 = 5/12 + 16/12 = 21/12 = 1.75
    # t = -2.5 / sqrt(1.75)
    # Welch-Satterthwaite df = 1.75^2 / ((5/12)^2 / 3 + (4/3)^2 / 2)
    #                        = 3.0625 / (25/432 + 384/432) = 3.0625 * 432 / 409 = 1323 / 409
    out = mean_difference([1, 2, 3, 4], [3, 5, 7])
    df = 1323 / 409
    se = math.sqrt(1.75)
    assert out["n_x"] == 4 and out["n_y"] == 3
    assert out["estimate"] == pytest.approx(-2.5)
    assert out["statistic"] == pytest.approx(-2.5 / se)
    assert out["df"] == pytest.approx(df)
    margin = stats.t.ppf(0.975, df) * se
    assert out["ci_low"] == pytest.approx(-2.5 - margin)
    assert out["ci_high"] == pytest.approx(-2.5 + margin)
    assert out["p_value"] == pytest.approx(2 * stats.t.sf(2.5 / se, df))
    # a 90% interval is narrower
    narrow = mean_difference([1, 2, 3, 4], [3, 5, 7], confidence=0.9)
    assert narrow["ci_low"] > out["ci_low"] and narrow["ci_high"] < out["ci_high"]


def test_mean_difference_needs_two_values_per_group():
    with pytest.raises(DataError):
        mean_difference([1.0], [1.0, 2.0])
    with pytest.raises(DataError):
        mean_difference([1.0, 2.0, np.nan], [np.nan, 3.0])
    with pytest.raises(DataError):
        mean_difference([1.0, 2.0], [1.0, 2.0], confidence=1.5)


def test_mean_difference_of_constant_groups_is_quiet():
    out = mean_difference([1, 1, 1], [2, 2])
    assert out["estimate"] == -1.0
    assert math.isnan(out["statistic"]) and math.isnan(out["p_value"])
    assert math.isnan(out["ci_low"]) and math.isnan(out["df"])


def test_linear_trend_matches_scipy_linregress_and_a_hand_interval():
    rng = np.random.default_rng(17)
    times = np.sort(rng.uniform(0, 24, size=20))
    values = 3.0 + 0.4 * times + rng.normal(0, 2, size=20)
    out = linear_trend(times, values)
    # independent: scipy.stats.linregress for slope, intercept, p and the slope's SE
    fit = stats.linregress(times, values)
    assert out["n"] == 20
    assert out["slope"] == pytest.approx(fit.slope, rel=1e-10)
    assert out["intercept"] == pytest.approx(fit.intercept, rel=1e-10)
    assert out["p_value"] == pytest.approx(fit.pvalue, rel=1e-8)
    # interval by hand: slope +/- t(0.975, n - 2) * SE
    margin = stats.t.ppf(0.975, 18) * fit.stderr
    assert out["ci_low"] == pytest.approx(fit.slope - margin, rel=1e-10)
    assert out["ci_high"] == pytest.approx(fit.slope + margin, rel=1e-10)


def test_linear_trend_small_example_by_hand():
    # times 0, 1, 2, 3; values 1, 3, 2, 5
    # means 1.5 and 2.75; Sxx = 2.25 + 0.25 + 0.25 + 2.25 = 5
    # Sxy = (-1.5)(-1.75) + (-0.5)(0.25) + (0.5)(-0.75) + (1.5)(2.25) = 2.625 - 0.125
    #       - 0.375 + 3.375 = 5.5  -> slope 1.1, intercept 2.75 - 1.1 * 1.5 = 1.1
    # fitted 1.1, 2.2, 3.3, 4.4; residuals -0.1, 0.8, -1.3, 0.6; SSE = 0.01 + 0.64 + 1.69
    #       + 0.36 = 2.7; SE(slope) = sqrt(2.7 / 2 / 5) = sqrt(0.27)
    out = linear_trend([0, 1, 2, 3], [1, 3, 2, 5])
    se = math.sqrt(0.27)
    margin = stats.t.ppf(0.975, 2) * se
    assert out["slope"] == pytest.approx(1.1) and out["intercept"] == pytest.approx(1.1)
    assert out["ci_low"] == pytest.approx(1.1 - margin)
    assert out["ci_high"] == pytest.approx(1.1 + margin)
    assert out["p_value"] == pytest.approx(2 * stats.t.sf(1.1 / se, 2))


def test_linear_trend_drops_incomplete_pairs():
    out = linear_trend([0, 1, np.nan, 2, 3, 4], [1, 3, 7, 2, 5, None])
    assert out["n"] == 4
    assert out["slope"] == pytest.approx(linear_trend([0, 1, 2, 3], [1, 3, 2, 5])["slope"])


def test_linear_trend_refuses_too_few_points_or_one_time():
    with pytest.raises(DataError):
        linear_trend([0, 1], [1, 2])
    with pytest.raises(DataError):
        linear_trend([0, 1, np.nan], [1, 2, 3])
    with pytest.raises(DataError):
        linear_trend([2, 2, 2], [1, 2, 3])
    with pytest.raises(DataError):
        linear_trend([0, 1, 2], [1, 2])


def test_linear_trend_exact_lines_are_quiet():
    exact = linear_trend([0, 1, 2, 3], [1, 3, 5, 7])
    assert exact["slope"] == pytest.approx(2.0)
    assert exact["ci_low"] <= exact["slope"] <= exact["ci_high"]
    assert exact["p_value"] < 1e-6
    flat = linear_trend([0, 1, 2], [4, 4, 4])
    assert flat["slope"] == 0.0 and flat["ci_low"] == flat["ci_high"] == 0.0
    assert math.isnan(flat["p_value"])
