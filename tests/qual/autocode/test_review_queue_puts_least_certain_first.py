"""Suggestions to review come least certain first: probability nearest its code's threshold."""

import numpy as np
import pytest

from peerval.qual.autocode import review_queue, uncertainty


def test_queue_is_sorted_by_uncertainty_and_covers_every_pair(model):
    texts = [
        "the walking group got me outside",
        "it was fine I suppose",
        "okay visit, nothing to add",
        "she listened without judging and the ward was noisy at night",
    ]
    queue = review_queue(model, texts)
    assert len(queue) == len(texts) * len(model.codes)
    assert queue["uncertainty"].is_monotonic_decreasing
    probs = model.probability_matrix(texts)
    expected = uncertainty(probs, model.thresholds)
    for row in queue.itertuples():
        j = model.codes.index(row.code)
        assert row.probability == probs[row.text_index, j]
        assert row.uncertainty == expected[row.text_index, j]
        assert row.suggested == (row.probability >= model.thresholds[j])
    # a vague comment is less certain than one using a code's own phrase
    assert queue.iloc[0]["text_index"] in (1, 2)
    assert queue.iloc[-1]["text_index"] in (0, 3)


def test_limit_keeps_the_least_certain(model):
    texts = ["the walking group got me outside", "it was fine I suppose"]
    full = review_queue(model, texts)
    top = review_queue(model, texts, limit=3)
    assert top.equals(full.head(3))


def test_uncertainty_is_one_at_the_threshold_and_zero_at_the_ends():
    thresholds = np.array([0.3, 0.3, 0.3])
    values = uncertainty(np.array([0.3, 0.0, 1.0]), thresholds)
    assert values.tolist() == [1.0, 0.0, 0.0]
    # half way between threshold and certainty either side
    assert uncertainty(np.array([0.15, 0.65]), np.array([0.3, 0.3])) == pytest.approx([0.5, 0.5])
