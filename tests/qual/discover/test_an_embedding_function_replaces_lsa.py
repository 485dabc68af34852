"""Sentence embeddings can replace LSA: any function from texts to vectors will do."""

import numpy as np

from peerval.qual.discover import discover_themes

from .synthetic import TOPIC_WORDS, topic_comments


def _topic_embedder(texts: list[str]) -> np.ndarray:
    """A stand-in for a model: one dimension per topic, counting that topic's words."""
    return np.array(
        [
            [sum(w in text.lower() for w in words) for words in TOPIC_WORDS.values()]
            for text in texts
        ],
        dtype=float,
    )


def test_a_given_embedding_function_is_used_for_clustering():
    texts, topics = topic_comments(10)
    result = discover_themes(texts, embed=_topic_embedder, seed=0)
    assert result.representation == "embeddings"
    assert len(result.themes) == 3
    assert all(len({topics[i] for i in t.member_ids}) == 1 for t in result.themes)
