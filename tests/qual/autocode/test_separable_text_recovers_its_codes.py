"""On comments whose codes each have their own phrases, every code is recovered exactly."""

import numpy as np

from .synthetic import comments


def test_unseen_comments_get_exactly_their_codes(model):
    unseen = comments(80, seed=99)
    predicted = model.predict(list(unseen.texts))
    assert list(predicted.columns) == list(unseen.codes)
    np.testing.assert_array_equal(predicted.to_numpy(), unseen.labels)


def test_probabilities_are_high_for_a_code_present_and_low_for_one_absent(model):
    probs = model.predict_proba(["the walking group got me outside"])
    assert probs.loc[0, "activities"] > 0.9
    assert probs.loc[0, "waiting"] < 0.1


def test_a_comment_can_carry_two_codes(model):
    predicted = model.predict(["the ward was noisy at night and the waiting list was far too long"])
    assert predicted.loc[0].to_dict() == {
        "listening": 0,
        "waiting": 1,
        "environment": 1,
        "activities": 0,
    }
