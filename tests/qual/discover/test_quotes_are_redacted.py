"""Every quote is redacted: names and phone numbers never leave discovery."""

from peerval.qual.discover import discover_themes
from peerval.qual.redact import Redactor

from .synthetic import topic_comments


def _with_personal_data() -> list[str]:
    texts, topics = topic_comments(12)
    return [
        f"{text[:-1]}, ask Sarah Jones on 07700 900123." if topic == "food" else text
        for text, topic in zip(texts, topics, strict=True)
    ]


def test_names_and_phone_numbers_in_quotes_are_replaced():
    result = discover_themes(_with_personal_data(), seed=0)
    quotes = [q.text for t in result.themes for q in t.quotes]
    assert quotes
    assert not any("Sarah" in q or "Jones" in q or "07700" in q for q in quotes)
    assert any("[name]" in q and "[phone]" in q for q in quotes)
    frame = result.quotes_frame()
    assert not frame["text"].str.contains("Sarah|07700").any()
    assert not result.to_frame()["top_quote"].str.contains("Sarah|07700").any()


def test_a_redactor_passed_in_is_used():
    texts, _ = topic_comments(10)
    texts = [f"{t[:-1]} on Rowan Ward." for t in texts]
    result = discover_themes(texts, seed=0, redactor=Redactor(extra_terms=["Rowan Ward"]))
    quotes = [q.text for t in result.themes for q in t.quotes]
    assert all("[place]" in q and "Rowan" not in q for q in quotes)
    assert not any("rowan" in k for t in result.themes for k in t.keywords)
