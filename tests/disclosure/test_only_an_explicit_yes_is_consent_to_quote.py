"""One rule for quoting, everywhere: only an explicit yes is consent.

Before this rule, the report's quote chooser read a missing answer as consent while the
theme quotes read it as refusal; a staff survey that never asked therefore had its answers
quoted in the report.
"""

import pandas as pd
import pytest

from peerval.demo import DEMO_CODEBOOK
from peerval.disclosure.consent import consent_by_person, may_quote
from peerval.errors import DataError
from peerval.qual.quotes import choose_quotes
from peerval.qual.survey import project_from_survey
from peerval.qual.themes import ThemeMap, theme_quotes

TEXTS = [
    "Our peer worker has lived through it and people can tell straight away.",
    "Having someone with lived experience on the ward changes the conversations we have.",
    "She has been where they are, and that gives people a reason to keep going.",
]


def _frames(may_quote_column):
    answers = pd.DataFrame(
        {
            "instrument": "s",
            "response_id": [f"r{i}" for i in range(len(TEXTS))],
            "item_id": "what_works",
            "text": TEXTS,
            "respondent_group": "staff",
        }
    )
    respondents = pd.DataFrame(
        {
            "instrument": "s",
            "response_id": answers["response_id"],
            "respondent_id": [f"p{i}" for i in range(len(TEXTS))],
            "respondent_group": "staff",
        }
    )
    if may_quote_column is not None:
        respondents["may_quote"] = may_quote_column
    codings = answers[["instrument", "response_id", "item_id"]].assign(code_id="lived_experience")
    return answers, codings, respondents


def _quoted(answers, codings, respondents):
    chosen = choose_quotes(answers, codings, DEMO_CODEBOOK, respondents)
    return [q.text for quotes in chosen.values() for q in quotes]


def test_a_survey_that_never_asked_is_not_quoted_in_the_report():
    assert _quoted(*_frames(None)) == []


def test_a_missing_answer_is_not_consent_in_the_report():
    assert _quoted(*_frames([None, None, None])) == []


def test_only_the_person_who_said_yes_is_quoted_in_the_report():
    assert _quoted(*_frames(["No", None, "Yes"])) == [TEXTS[2]]


def test_the_report_and_the_theme_quotes_read_consent_alike():
    answers, codings, respondents = _frames(["Yes", None, "Not stated"])
    coded = pd.DataFrame(
        {
            "document_id": answers["response_id"],
            "code": "lived_experience",
            "text": TEXTS,
            "respondent_id": respondents["respondent_id"],
            "respondent_group": "staff",
        }
    )
    themes = ThemeMap.from_codebook(DEMO_CODEBOOK)
    from_themes = set(theme_quotes(coded, respondents, themes)["text"])
    assert from_themes == set(_quoted(answers, codings, respondents)) == {TEXTS[0]}


def test_a_case_from_a_survey_that_never_asked_may_not_be_quoted():
    answers, codings, respondents = _frames(None)
    project = project_from_survey(answers, respondents, name="staff")
    assert project.cases and not any(case.may_quote for case in project.cases.values())


@pytest.mark.parametrize("value", ["maybe", "2", "ok"])
def test_an_answer_that_is_neither_yes_nor_no_is_an_error(value):
    with pytest.raises(DataError, match=f"may_quote for 'p1' is '{value}'"):
        may_quote(value, who="p1")


def test_two_different_answers_from_one_person_are_an_error():
    with pytest.raises(DataError, match="listed twice"):
        consent_by_person([("p1", "Yes"), ("p1", "No")])
