"""Every quote is passed through peerval.qual.redact.redact before it is returned."""

from __future__ import annotations

from peerval.qual.redact import Redactor, redact
from peerval.qual.themes import theme_quotes

from .quotes_data import CODED, PEOPLE, THEMES


def test_each_quote_is_the_redacted_original() -> None:
    quotes = theme_quotes(CODED, PEOPLE, THEMES, per_theme=10)
    originals = CODED.set_index("document_id")["text"]
    assert not quotes.empty
    for row in quotes.to_dict("records"):
        assert row["text"] == redact(originals[row["document_id"]])
    texts = " ".join(quotes["text"])
    assert "Sarah" not in texts and "07700" not in texts
    assert "[name]" in texts and "[phone]" in texts


def test_a_redactor_with_listed_places_is_used_when_given() -> None:
    quotes = theme_quotes(CODED, PEOPLE, THEMES, redactor=Redactor(extra_terms=["benefit"]))
    assert any("[place]" in text for text in quotes["text"])
