"""Three clearly different topics come back as three themes keyed by the topics' words."""

from peerval.qual.discover import discover_themes

from .synthetic import TOPIC_WORDS, topic_comments


def test_three_topics_are_recovered_with_their_members_and_keywords():
    texts, topics = topic_comments(20)
    result = discover_themes(texts, seed=0)
    assert result.chosen_value == 3
    assert len(result.themes) == 3
    for theme in result.themes:
        found = {topics[i] for i in theme.member_ids}
        assert len(found) == 1
        (topic,) = found
        assert theme.size == 20
        assert set(theme.keywords[:4]) <= set(TOPIC_WORDS[topic])
        assert theme.label.split(", ")[0] == theme.keywords[0]
        assert len(theme.quotes) == 3
        assert all(i in theme.member_ids for i in (q.comment_id for q in theme.quotes))
    assert result.unclustered_ids == ()
