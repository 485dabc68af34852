"""A comment repeated with other case, spacing or punctuation is one text that counts as many."""

from peerval.qual.discover import discover_themes

from .synthetic import topic_comments


def test_repeats_are_merged_and_counted_in_the_theme_size():
    texts, topics = topic_comments(10)
    repeated = texts[0]  # a comment on waiting
    copies = [repeated.upper(), f"  {repeated.lower()}!! ", repeated.replace(" ", "   ")]
    result = discover_themes(texts + copies, seed=0)
    assert result.n_substantive == len(texts) + len(copies)
    assert result.n_distinct == len(texts)
    copy_ids = set(range(len(texts), len(texts) + len(copies)))
    theme = next(t for t in result.themes if 0 in t.member_ids)
    assert copy_ids <= set(theme.member_ids)
    assert theme.size == theme.n_distinct + len(copies)
    assert sum(q.count for q in theme.quotes if q.comment_id == 0) in (0, 1 + len(copies))
