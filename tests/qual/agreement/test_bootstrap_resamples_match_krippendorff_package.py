"""Each bootstrap resample's alpha equals the krippendorff package's alpha on that resample.

The interval is computed for all resamples at once from each unit's contribution to the
coincidence matrix; this checks that shortcut against the package, resample by resample.
"""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest

from peerval.qual.agreement import _bootstrap, _contributions, _resample_weights


def test_vectorised_resamples_equal_package_alpha_on_resampled_units() -> None:
    rng = np.random.default_rng(3)
    counts = rng.integers(0, 3, size=(25, 3))  # units x values: coders giving each value
    values, diagonal = _contributions(counts)
    weights = _resample_weights(len(counts), 40, np.random.default_rng(9))
    boot = _bootstrap(values, diagonal, weights)
    for b in range(40):
        resampled = np.repeat(counts, weights[b].astype(int), axis=0)
        pairable_values = resampled[resampled.sum(axis=1) >= 2].sum(axis=0)
        if (pairable_values > 0).sum() < 2:
            assert np.isnan(boot[b])
            continue
        expected = krippendorff.alpha(value_counts=resampled, level_of_measurement="nominal")
        assert boot[b] == pytest.approx(float(expected), abs=1e-12)


def test_each_resample_draws_as_many_units_as_there_are() -> None:
    weights = _resample_weights(17, 50, np.random.default_rng(0))
    assert weights.shape == (50, 17)
    assert (weights.sum(axis=1) == 17).all()
