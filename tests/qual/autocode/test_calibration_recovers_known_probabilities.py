"""Platt scaling recovers the slope and offset that generated the labels."""

import numpy as np
import pytest

from peerval.qual.autocode.calibration import CERTAIN, platt_fit, probabilities


def test_fitted_slope_and_offset_are_close_to_the_true_ones():
    rng = np.random.default_rng(11)
    scores = rng.normal(size=20_000)
    labels = (rng.random(20_000) < 1 / (1 + np.exp(-(2.0 * scores - 1.0)))).astype(int)
    slope, offset = platt_fit(scores, labels)
    assert slope == pytest.approx(2.0, abs=0.1)
    assert offset == pytest.approx(-1.0, abs=0.1)


def test_probabilities_of_a_trained_model_match_frequencies_on_held_out_text(model):
    # on synthetic text with its codes, the mean probability of each code is its rate
    from .synthetic import comments

    unseen = comments(200, seed=42)
    probs = model.probability_matrix(list(unseen.texts))
    np.testing.assert_allclose(probs.mean(axis=0), unseen.labels.mean(axis=0), atol=0.05)


def test_a_code_with_one_kind_of_label_is_certain():
    assert platt_fit(np.array([0.1, 0.2]), np.array([0, 0])) == (0.0, -CERTAIN)
    assert probabilities(np.array([5.0]), *platt_fit(np.array([1.0]), np.array([1])))[0] > 0.999
