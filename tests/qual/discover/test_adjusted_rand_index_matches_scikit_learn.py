"""The adjusted Rand index used for stability agrees with scikit-learn's implementation."""

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from peerval.qual.discover.stability import adjusted_rand_index


@pytest.mark.parametrize("seed", range(6))
def test_random_labellings_with_noise_agree_with_scikit_learn(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 300))
    first = rng.integers(-1, int(rng.integers(1, 8)), n)
    second = np.where(rng.random(n) < 0.7, first, rng.integers(-1, 5, n))
    assert adjusted_rand_index(first, second) == pytest.approx(adjusted_rand_score(first, second))


def test_trivial_labellings_count_as_identical():
    ones = np.zeros(10, dtype=int)
    assert adjusted_rand_index(ones, ones) == adjusted_rand_score(ones, ones) == 1.0
    singletons = np.arange(10)
    assert adjusted_rand_index(singletons, singletons) == 1.0
