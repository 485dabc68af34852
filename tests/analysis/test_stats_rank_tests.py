"""Mann-Whitney U and Kruskal-Wallis H, with their effect sizes."""

import itertools
import math

import numpy as np
import pytest
from scipy import stats

from peerval.analysis.stats import kruskal_wallis, mann_whitney
from peerval.errors import DataError


def pairwise_dominance(x, y):
    """P(x > y) - P(x < y) over all pairs, ties counting 0: an independent rank-biserial."""
    signs = [np.sign(a - b) for a, b in itertools.product(x, y)]
    return float(np.sum(signs)) / len(signs)


def test_mann_whitney_matches_scipy_and_pair_counting():
    rng = np.random.default_rng(11)
    cases = [
        (rng.normal(size=6), rng.normal(size=5)),  # small, no ties: scipy uses exact
        (rng.integers(1, 6, size=30), rng.integers(1, 6, size=25)),  # many ties
        (rng.normal(1, 1, size=40), rng.normal(0, 1, size=60)),  # large: normal approx.
    ]
    for x, y in cases:
        out = mann_whitney(x, y)
        # independent: scipy.stats.mannwhitneyu, two-sided, default method
        expected = stats.mannwhitneyu(x, y, alternative="two-sided")
        assert out["n_x"] == len(x) and out["n_y"] == len(y)
        assert out["statistic"] == pytest.approx(expected.statistic)
        assert out["p_value"] == pytest.approx(expected.pvalue, rel=1e-12)
        assert out["effect_size"] == pytest.approx(pairwise_dominance(x, y))
        assert out["effect_size_name"] == "rank_biserial"


def test_mann_whitney_small_example_by_hand():
    # x = [1, 2, 3], y = [2, 4]; the six pairs (x, y):
    # (1,2) <  (1,4) <  (2,2) tie  (2,4) <  (3,2) >  (3,4) <
    # U for x = 1 greater + 0.5 * 1 tie = 1.5; r = 2 * 1.5 / 6 - 1 = (1 - 4) / 6 = -0.5
    out = mann_whitney([1, 2, 3], [2, 4])
    assert out["statistic"] == 1.5
    assert out["effect_size"] == pytest.approx(-0.5)


def test_mann_whitney_r_documentation_example():
    # R's ?wilcox.test example (data from Hollander & Wolfe, 1973, p. 27):
    # wilcox.test(x, y, alternative = "greater") gives W = 35, p-value = 0.1272; the exact
    # null distribution is symmetric, so the two-sided p-value is twice that.
    x = [0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46]
    y = [1.15, 0.88, 0.90, 0.74, 1.21]
    out = mann_whitney(x, y)
    assert out["statistic"] == 35.0
    assert out["p_value"] == pytest.approx(2 * 0.1272, abs=2e-4)
    # by hand: r = 2 * 35 / (10 * 5) - 1 = 0.4
    assert out["effect_size"] == pytest.approx(0.4)


def test_rank_biserial_is_positive_when_x_tends_to_be_larger():
    high, low = [10, 11, 12, 13], [1, 2, 3]
    assert mann_whitney(high, low)["effect_size"] == 1.0
    assert mann_whitney(low, high)["effect_size"] == -1.0
    assert mann_whitney([5, 6, 7, 1], [2, 3])["effect_size"] > 0
    # swapping the groups flips the sign and keeps the p-value
    a, b = mann_whitney([5, 6, 7, 1], [2, 3]), mann_whitney([2, 3], [5, 6, 7, 1])
    assert a["effect_size"] == pytest.approx(-b["effect_size"])
    assert a["p_value"] == pytest.approx(b["p_value"])


def test_mann_whitney_drops_missing_and_refuses_an_empty_group():
    out = mann_whitney([1, np.nan, 3, None], [2, 4])
    assert out["n_x"] == 2 and out["n_y"] == 2
    with pytest.raises(DataError):
        mann_whitney([np.nan], [1, 2])
    with pytest.raises(DataError):
        mann_whitney([1, 2], [])


def test_mann_whitney_all_tied_is_quiet():
    # every value equal: no evidence either way; must not warn (pytest turns warnings
    # into errors)
    out = mann_whitney([2, 2, 2], [2, 2])
    assert out["effect_size"] == 0.0 and out["statistic"] == 3.0


def test_kruskal_wallis_matches_scipy():
    rng = np.random.default_rng(5)
    groups = {
        "a": rng.normal(0, 1, size=12),
        "b": rng.normal(0.5, 1, size=9),
        "c": rng.integers(0, 3, size=15).astype(float),  # ties
    }
    out = kruskal_wallis(groups)
    # independent: scipy.stats.kruskal
    expected = stats.kruskal(*groups.values())
    n = sum(len(g) for g in groups.values())
    assert out["k"] == 3 and out["n"] == n and out["df"] == 2
    assert out["statistic"] == pytest.approx(expected.statistic, rel=1e-12)
    assert out["p_value"] == pytest.approx(expected.pvalue, rel=1e-12)
    assert out["effect_size"] == pytest.approx(expected.statistic / (n - 1))
    assert out["effect_size_name"] == "epsilon_squared"


def test_kruskal_wallis_small_example_by_hand():
    # groups a = [1, 2], b = [3, 4], c = [5, 6]: n = 6, ranks are the values, rank sums
    # R = 3, 7, 11, each group of size 2, no ties:
    # H = 12 / (n (n + 1)) * sum(R^2 / n_i) - 3 (n + 1)
    #   = 12 / 42 * (9 + 49 + 121) / 2 - 21 = 2148 / 84 - 21 = 32 / 7
    # epsilon^2 = H / ((n^2 - 1) / (n + 1)) = (32 / 7) / 5 = 32 / 35
    # p: chi-squared with 2 df has survival function exp(-H / 2) = exp(-16 / 7)
    out = kruskal_wallis({"a": [1, 2], "b": [3, 4], "c": [5, 6]})
    assert out["statistic"] == pytest.approx(32 / 7)
    assert out["effect_size"] == pytest.approx(32 / 35)
    assert out["p_value"] == pytest.approx(math.exp(-16 / 7))


def test_kruskal_wallis_r_documentation_example():
    # R's ?kruskal.test example (Hollander & Wolfe, 1973, p. 116, mucociliary efficiency):
    # kruskal.test(list(x, y, z)) gives Kruskal-Wallis chi-squared = 0.77143, df = 2,
    # p-value = 0.68
    out = kruskal_wallis(
        {
            "normal": [2.9, 3.0, 2.5, 2.6, 3.2],
            "obstructive": [3.8, 2.7, 4.0, 2.4],
            "asbestosis": [2.8, 3.4, 3.7, 2.2, 2.0],
        }
    )
    assert out["statistic"] == pytest.approx(0.77143, abs=5e-6)
    assert out["df"] == 2
    assert out["p_value"] == pytest.approx(0.68, abs=5e-3)


def test_kruskal_wallis_drops_empty_groups():
    out = kruskal_wallis({"a": [1, 2], "b": [3, 4], "empty": [], "missing": [np.nan]})
    assert out["k"] == 2 and out["n"] == 4 and out["df"] == 1
    with pytest.raises(DataError):
        kruskal_wallis({"a": [1, 2, 3], "b": [np.nan]})
    with pytest.raises(DataError):
        kruskal_wallis({})
    with pytest.raises(DataError):
        kruskal_wallis([[1, 2], [3, 4]])


def test_kruskal_wallis_all_values_equal_is_quiet():
    # scipy warns (0/0) here; the function must not, and reports no difference
    out = kruskal_wallis({"a": [1, 1], "b": [1, 1, 1]})
    assert out["statistic"] == 0.0 and out["p_value"] == 1.0 and out["effect_size"] == 0.0
