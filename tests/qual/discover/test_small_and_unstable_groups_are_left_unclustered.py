"""Comments that fit no stable theme are left unclustered, not forced into one."""

from peerval.qual.discover import discover_themes

from .synthetic import random_comments, topic_comments

OFF_TOPIC = [
    "Parking meters broken near the gate.",
    "Garden needs weeding badly.",
    "Wifi signal dropped constantly.",
    "Television remote vanished again.",
    "Bus timetable changed suddenly.",
    "Umbrella stand overflowing in winter.",
]


def test_one_off_comments_on_other_subjects_are_not_forced_into_a_theme():
    texts, _ = topic_comments(20)
    result = discover_themes(texts + OFF_TOPIC, seed=0)
    off_topic_ids = set(range(len(texts), len(texts) + len(OFF_TOPIC)))
    assert len(result.themes) == 3
    assert off_topic_ids <= set(result.unclustered_ids)


def test_random_text_alone_gives_few_or_no_themes():
    result = discover_themes(random_comments(60), seed=0)
    assert len(result.themes) <= 1
    assert len(result.unclustered_ids) >= 30


def test_a_theme_smaller_than_the_minimum_size_is_not_offered():
    texts, _ = topic_comments(20)
    result = discover_themes(texts, seed=0, k_values=[3], min_theme_size=21)
    assert result.themes == ()
    assert len(result.unclustered_ids) == len(texts)
