"""Mini-batch k-means, the option for very large inputs, finds the same three topics."""

from peerval.qual.discover import discover_themes

from .synthetic import TOPIC_WORDS, topic_comments


def test_minibatch_finds_the_three_topics_in_samples_beyond_full_kmeans():
    texts, topics = topic_comments(4300)  # 12,900 comments: runs of 10,320, mini-batch
    result = discover_themes(texts, method="minibatch", k_values=[2, 3, 4], n_seeds=3, seed=0)
    assert (result.method, result.parameter, result.chosen_value) == ("minibatch", "k", 3)
    assert len(result.themes) == 3
    for theme in result.themes:
        found = [topics[i] for i in theme.member_ids]
        main = max(set(found), key=found.count)
        assert found.count(main) >= 0.95 * len(found)
        assert theme.keywords[0] in TOPIC_WORDS[main]
