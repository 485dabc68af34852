"""The demo's staff survey asks for consent to quote, and its report quotes only staff who
said yes (before, staff were quoted without being asked)."""

from peerval.demo import generate_demo
from peerval.qual.quotes import choose_report_quotes
from peerval.qual.redact import redact


def test_staff_quotes_come_only_from_staff_who_said_yes():
    demo = generate_demo()
    answers, people = demo.responses.answers, demo.responses.respondents
    quotes = choose_report_quotes(answers, demo.codings, demo.codebook, people)
    chosen = [q for qs in quotes.by_theme.values() for q in qs] + list(quotes.what_works)
    staff_quotes = {q.text for q in chosen if q.respondent_group == "staff"}
    assert staff_quotes, "staff who agreed are still quoted"

    staff = people[people["respondent_group"] == "staff"]
    assert set(staff["may_quote"]) == {"Yes", "No"}
    said_no = set(staff.loc[staff["may_quote"] == "No", "response_id"])
    said_yes = set(staff.loc[staff["may_quote"] == "Yes", "response_id"])
    texts = answers.dropna(subset=["text"])
    refused = {redact(t) for t in texts.loc[texts["response_id"].isin(said_no), "text"]}
    agreed = {redact(t) for t in texts.loc[texts["response_id"].isin(said_yes), "text"]}
    assert not staff_quotes & refused
    assert staff_quotes <= agreed


def test_the_staff_survey_answer_to_may_quote_is_recorded():
    demo = generate_demo()
    answers = demo.responses.answers
    staff_consent = answers[
        (answers["instrument"] == "staff-psw-survey") & (answers["item_id"] == "may_quote")
    ]
    assert len(staff_consent) == 38
    assert set(staff_consent["value"]) == {0.0, 1.0}
