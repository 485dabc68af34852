"""Stability lies between 0 and 1, and separated topics are more stable than random text."""

from peerval.qual.discover import discover_themes

from .synthetic import random_comments, topic_comments


def test_stability_is_between_0_and_1_and_higher_for_topics_than_for_random_text():
    texts, _ = topic_comments(20)
    topics = discover_themes(texts, seed=0)
    noise = discover_themes(random_comments(60), seed=0)
    for result in (topics, noise):
        assert 0.0 <= result.stability <= 1.0
        assert all(0.0 <= t.stability <= 1.0 for t in result.themes)
        assert all(0.0 <= c.stability <= 1.0 for c in result.candidates)
    assert topics.stability > 0.9
    assert topics.stability > noise.stability + 0.2
    assert min(t.stability for t in topics.themes) > 0.9
