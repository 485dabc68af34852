"""Comments that say nothing are dropped before clustering, and their ids are reported."""

from peerval.qual.discover import discover_themes, is_non_answer

from .synthetic import topic_comments

NON_ANSWERS = [
    "nothing", "N/A", "no comment", "Did not answer", "None.", "nil", "-", "No",
    "not applicable", "", "   ", "?!...", None, float("nan"),
]  # fmt: skip


def test_every_listed_non_answer_is_recognised():
    assert all(is_non_answer(text) for text in NON_ANSWERS)
    assert not any(is_non_answer(t) for t in ["No wait at all", "Nothing was too much trouble"])


def test_non_answers_are_dropped_counted_and_never_in_a_theme():
    texts, _ = topic_comments(10)
    result = discover_themes(texts + NON_ANSWERS, seed=0)
    dropped = set(range(len(texts), len(texts) + len(NON_ANSWERS)))
    assert set(result.non_answer_ids) == dropped
    assert result.n_comments == len(texts) + len(NON_ANSWERS)
    assert result.n_substantive == len(texts)
    in_themes = {i for theme in result.themes for i in theme.member_ids}
    assert not in_themes & dropped
