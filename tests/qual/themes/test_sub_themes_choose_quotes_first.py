"""Sub-themes choose their quotes before their parents, and no text is quoted twice."""

from __future__ import annotations

from peerval.qual.themes import theme_quotes

from .quotes_data import CODED, PEOPLE, THEMES


def test_sub_themes_choose_first_and_no_text_is_quoted_twice() -> None:
    used: set[str] = set()
    quotes = theme_quotes(CODED, PEOPLE, THEMES, per_theme=10, used_texts=used)
    by_theme = quotes.groupby("theme_id")["document_id"].apply(sorted).to_dict()
    assert by_theme == {"practical": ["d2"], "support": ["d1", "d5"]}
    assert quotes["theme_id"].tolist()[0] == "support"  # returned in the map's order
    assert len(used) == 3
