"""A name written in many comments of a theme is never one of its keywords."""

from peerval.qual.discover import discover_themes

from .synthetic import topic_comments


def test_first_names_surnames_and_titles_are_screened_out():
    texts, topics = topic_comments(20)
    texts = [
        f"{text[:-1]}, thanks to Sarah Okonkwo and Dr Whitfield." if topic == "staff" else text
        for text, topic in zip(texts, topics, strict=True)
    ]
    result = discover_themes(texts, seed=0)
    keywords = {word for t in result.themes for k in t.keywords for word in k.split()}
    assert len(result.themes) == 3
    assert not keywords & {"sarah", "okonkwo", "dr", "whitfield"}
    assert "thanks" in keywords
