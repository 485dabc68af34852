import pandas as pd

from peerval.demo import DEMO_CODEBOOK
from peerval.qual.quotes import choose_quotes


def frames(texts, may_quote):
    answers = pd.DataFrame(
        {
            "instrument": "s",
            "response_id": [f"r{i}" for i in range(len(texts))],
            "item_id": "what_works",
            "text": texts,
            "respondent_group": "staff",
        }
    )
    respondents = pd.DataFrame(
        {
            "instrument": "s",
            "response_id": answers["response_id"],
            "respondent_id": [f"p{i}" for i in range(len(texts))],
            "respondent_group": "staff",
            "may_quote": may_quote,
        }
    )
    codings = pd.DataFrame(
        {
            "instrument": "s",
            "response_id": answers["response_id"],
            "item_id": "what_works",
            "code_id": "lived_experience",
        }
    )
    return answers, codings, respondents


def test_only_people_who_agreed_are_quoted_and_names_are_removed():
    texts = [
        "Sarah has been there herself and that makes all the difference to me.",
        "Our peer worker has lived through it and people can tell straight away.",
        "Having someone who has been through services themselves changes the conversation.",
    ]
    answers, codings, respondents = frames(texts, ["Yes", "No", "Yes"])
    quotes = choose_quotes(answers, codings, DEMO_CODEBOOK, respondents)["empathy"]
    quoted = [q.text for q in quotes]
    assert len(quoted) == 2
    assert not any("lived through it" in q for q in quoted)  # said no
    assert not any("Sarah" in q for q in quoted)
    assert any("[name]" in q for q in quoted)


def test_no_answer_is_quoted_twice_across_calls():
    texts = [
        f"Answer number {i} about someone who has been there and understands." for i in range(6)
    ]
    answers, codings, respondents = frames(texts, ["Yes"] * 6)
    used: set[str] = set()
    first = choose_quotes(answers, codings, DEMO_CODEBOOK, respondents, used_texts=used)
    second = choose_quotes(answers, codings, DEMO_CODEBOOK, respondents, used_texts=used)
    a = {q.text for q in first["empathy"]}
    b = {q.text for q in second["empathy"]}
    assert len(a) == 3 and len(b) == 3 and not a & b
