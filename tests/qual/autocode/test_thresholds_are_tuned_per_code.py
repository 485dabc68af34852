"""Each code gets its own threshold, the one that maximised its F1 in cross-validation."""

import numpy as np
import pytest

from peerval.qual.autocode import CodedTexts, train
from peerval.qual.autocode.calibration import best_f1_threshold

from .synthetic import CODES, comments


def test_the_model_has_one_threshold_per_code_and_they_differ():
    # noisy labels: one text in six has its first code flipped, so codes need different cuts
    base = comments(240, seed=3)
    labels = base.labels.copy()
    rng = np.random.default_rng(0)
    flip = rng.random(len(labels)) < 1 / 6
    labels[flip, 0] = 1 - labels[flip, 0]
    model = train(CodedTexts(base.texts, base.codes, labels))
    assert model.thresholds.shape == (len(CODES),)
    assert len(set(np.round(model.thresholds, 6))) > 1
    assert model.thresholds_table()["code"].tolist() == list(CODES)


def test_the_threshold_maximises_f1_on_the_given_probabilities():
    probs = np.array([0.9, 0.8, 0.35, 0.3, 0.2, 0.1])
    truth = np.array([1, 1, 1, 0, 0, 1])
    threshold = best_f1_threshold(probs, truth)
    # suggesting the top three gives F1 = 2*3/(3+4) = 0.857, the best any cut gives
    assert threshold == pytest.approx((0.35 + 0.3) / 2)


def test_a_code_never_seen_is_never_suggested():
    assert best_f1_threshold(np.array([0.2, 0.9]), np.array([0, 0])) == 1.0
