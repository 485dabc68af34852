"""Keywords are ranked by class-based TF-IDF, checked against a computation by hand."""

import math

import numpy as np
from scipy import sparse

from peerval.qual.discover.keywords import class_tfidf, top_terms


def test_scores_match_a_hand_computation():
    # terms: wait, food, staff; comments 0 and 1 in class 0 (comment 1 written twice),
    # comment 2 in class 1, comment 3 unclustered
    counts = sparse.csr_matrix(np.array([[2, 0, 1], [1, 0, 1], [0, 3, 1], [0, 1, 1]]))
    weights = np.array([1, 2, 1, 1])
    scores = class_tfidf(counts, np.array([0, 0, 1, -1]), weights, n_classes=2)
    # class 0: wait 2+2=4, staff 1+2=3 (7 words); class 1: food 3, staff 1 (4 words);
    # unclustered: food 1, staff 1 (2 words); mean words per class 13/3
    mean = 13 / 3
    expected_wait = 4 / 7 * math.log(1 + mean / 4)
    expected_staff_0 = 3 / 7 * math.log(1 + mean / 5)
    expected_food_1 = 3 / 4 * math.log(1 + mean / 4)
    assert scores.shape == (2, 3)
    assert math.isclose(scores[0, 0], expected_wait)
    assert math.isclose(scores[0, 2], expected_staff_0)
    assert math.isclose(scores[1, 1], expected_food_1)
    assert scores[0, 1] == 0.0


def test_a_phrase_whose_words_are_already_chosen_is_skipped():
    terms = ["waiting", "time", "waiting time", "long"]
    chosen = top_terms(np.array([0.9, 0.8, 0.7, 0.1]), terms, 3)
    assert [term for term, _ in chosen] == ["waiting", "time", "long"]
