"""Discovery is deterministic for a given seed."""

import pandas as pd

from peerval.qual.discover import discover_themes

from .synthetic import random_comments, topic_comments


def test_the_same_seed_gives_identical_themes_and_tables():
    texts, _ = topic_comments(15, seed=4)
    texts += random_comments(15, seed=5)
    first = discover_themes(texts, seed=11)
    second = discover_themes(texts, seed=11)
    assert first == second
    pd.testing.assert_frame_equal(first.to_frame(), second.to_frame())
    pd.testing.assert_frame_equal(first.candidates_frame(), second.candidates_frame())
