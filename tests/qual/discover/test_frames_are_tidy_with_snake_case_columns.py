"""The tidy tables: one row per theme, quote, comment and setting, with snake_case columns."""

from peerval.qual.discover import discover_themes

from .synthetic import topic_comments


def test_every_table_has_its_documented_columns_and_rows():
    texts, _ = topic_comments(10)
    result = discover_themes(texts + ["n/a"], seed=0)
    themes = result.to_frame()
    assert list(themes.columns) == [
        "theme_id", "label", "keywords", "size", "share", "n_distinct", "stability",
        "n_quotes", "top_quote",
    ]  # fmt: skip
    assert list(themes["theme_id"]) == ["T01", "T02", "T03"]
    assert themes["share"].sum() == 1.0
    quotes = result.quotes_frame()
    assert list(quotes.columns) == ["theme_id", "rank", "text", "comment_id", "count", "similarity"]
    assert len(quotes) == themes["n_quotes"].sum()
    members = result.members_frame()
    assert list(members.columns) == ["comment_id", "status", "theme_id"]
    assert members.set_index("comment_id").loc[30, "status"] == "non_answer"
    assert set(members["status"]) == {"theme", "non_answer"}
    candidates = result.candidates_frame()
    assert candidates["chosen"].sum() == 1
    assert candidates.loc[candidates["chosen"], "value"].item() == result.chosen_value == 3
