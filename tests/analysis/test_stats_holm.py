"""Holm-Bonferroni adjustment."""

import numpy as np
import pytest
from statsmodels.stats.multitest import multipletests

from peerval.analysis.stats import holm
from peerval.errors import DataError


def test_holm_worked_example_by_hand():
    # p = [0.01, 0.04, 0.03, 0.005], m = 4. Sorted ascending with multipliers m - i + 1:
    #   0.005 * 4 = 0.02
    #   0.01  * 3 = 0.03
    #   0.03  * 2 = 0.06
    #   0.04  * 1 = 0.04 -> raised to 0.06 by the running maximum (monotone step-down)
    # back in the original order: [0.03, 0.06, 0.06, 0.02]
    adjusted = holm([0.01, 0.04, 0.03, 0.005])
    assert isinstance(adjusted, np.ndarray)
    np.testing.assert_allclose(adjusted, [0.03, 0.06, 0.06, 0.02], rtol=1e-12)


def test_holm_caps_at_one():
    # 0.3 * 3 = 0.9, 0.4 * 2 = 0.8 -> 0.9, 0.7 * 1 -> 0.9 ... and 0.5 * 3 = 1.5 -> 1
    np.testing.assert_allclose(holm([0.3, 0.4, 0.7]), [0.9, 0.9, 0.9])
    np.testing.assert_allclose(holm([0.5, 0.6, 0.9]), [1.0, 1.0, 1.0])


def test_holm_matches_statsmodels_on_random_vectors():
    # independent implementation: statsmodels' multipletests(method="holm")
    rng = np.random.default_rng(1979)
    for size in (1, 2, 5, 13, 50):
        for _ in range(10):
            p = rng.uniform(0, 1, size=size) ** 3  # crowd some values near 0
            expected = multipletests(p, method="holm")[1]
            np.testing.assert_allclose(holm(p), expected, rtol=1e-12, atol=0)


def test_holm_handles_ties_like_statsmodels():
    p = [0.02, 0.01, 0.02, 0.01, 0.5]
    np.testing.assert_allclose(holm(p), multipletests(p, method="holm")[1], rtol=1e-12)


def test_holm_keeps_nan_in_place_and_ignores_it_in_m():
    # the NaN is not a test: m = 3 for the rest, so this equals holm([0.01, 0.04, 0.03])
    adjusted = holm([0.01, np.nan, 0.04, 0.03])
    assert np.isnan(adjusted[1])
    np.testing.assert_allclose(adjusted[[0, 2, 3]], holm([0.01, 0.04, 0.03]))
    # by hand: 0.01 * 3 = 0.03, 0.03 * 2 = 0.06, 0.04 * 1 -> 0.06
    np.testing.assert_allclose(adjusted[[0, 2, 3]], [0.03, 0.06, 0.06])
    assert np.isnan(holm([np.nan, None])).all()


def test_holm_of_nothing_is_empty():
    out = holm([])
    assert isinstance(out, np.ndarray) and out.shape == (0,)


def test_holm_does_not_change_its_input():
    p = np.array([0.04, 0.01, 0.03])
    holm(p)
    np.testing.assert_array_equal(p, [0.04, 0.01, 0.03])


@pytest.mark.parametrize("p", [[0.1, 1.2], [-0.01], ["0.1"], [[0.1, 0.2]], [np.inf]])
def test_holm_refuses_values_that_are_not_p_values(p):
    with pytest.raises(DataError):
        holm(p)
