"""Thirty comments are enough to find themes."""

from peerval.qual.discover import discover_themes

from .synthetic import topic_comments


def test_thirty_comments_on_three_topics_give_three_themes():
    texts, topics = topic_comments(10)
    assert len(texts) == 30
    result = discover_themes(texts, seed=0)
    assert len(result.themes) == 3
    assert sorted(t.size for t in result.themes) == [10, 10, 10]
