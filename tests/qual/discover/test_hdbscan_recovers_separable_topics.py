"""HDBSCAN, chosen by stability over minimum cluster sizes, finds the same three topics."""

from peerval.qual.discover import discover_themes

from .synthetic import TOPIC_WORDS, topic_comments


def test_hdbscan_finds_the_three_topics():
    texts, topics = topic_comments(20)
    result = discover_themes(texts, method="hdbscan", seed=0)
    assert result.parameter == "min_cluster_size"
    assert len(result.themes) == 3
    for theme in result.themes:
        (topic,) = {topics[i] for i in theme.member_ids}
        assert theme.keywords[0] in TOPIC_WORDS[topic]
        assert theme.size >= 15
