import pandas as pd
import pytest

from peerval.demo import DEMO_CODEBOOK, generate_demo
from peerval.qual.survey import project_from_survey, survey_codings

from .builders import T0


@pytest.fixture(scope="module")
def demo():
    return generate_demo(seed=2026)


@pytest.fixture(scope="module")
def project(demo):
    return project_from_survey(
        demo.responses.answers,
        demo.responses.respondents,
        name=demo.name,
        codebook=DEMO_CODEBOOK,
        codings=demo.codings,
        at=T0,
    )


def test_every_free_text_answer_is_a_document_of_its_respondent(demo, project):
    texts = demo.responses.answers.dropna(subset=["text"])
    assert len(project.documents) == len(texts)
    document = project.documents["staff-psw-survey/ST001-ST/what_works"]
    row = texts[(texts["response_id"] == "ST001-ST") & (texts["item_id"] == "what_works")]
    assert document.text == row["text"].iloc[0]
    assert document.case_id == "ST001" and document.kind == "free_text"
    assert document.origin.instrument == "staff-psw-survey"


def test_cases_carry_the_respondents_attributes_and_consent(demo, project):
    people = demo.responses.respondents.drop_duplicates("respondent_id").set_index("respondent_id")
    assert len(project.cases) == len(people) == 70
    staff = project.cases["ST001"]
    assert staff.attributes["profession"] == people.loc["ST001", "profession"]
    assert staff.attributes["care_group"] == people.loc["ST001", "care_group"]
    declined = people[people["may_quote"] == "No"].index
    assert len(declined) > 0
    assert all(not project.cases[p].may_quote for p in declined)


def test_the_codings_come_back_in_the_reports_table_shape(demo, project):
    back = survey_codings(project)
    columns = ["instrument", "response_id", "item_id", "code_id", "coder"]
    expected = demo.codings[columns].sort_values(columns).reset_index(drop=True)
    assert back[columns].sort_values(columns).reset_index(drop=True).equals(expected)
    assert set(back["origin"]) == {"human"}
    assert project.codebook.code("practical_help").parent_id == "support"


def test_respondents_who_were_never_asked_may_not_be_quoted():
    # only an explicit yes is consent (peerval.disclosure.consent)
    answers = pd.DataFrame(
        [{"instrument": "s", "response_id": "r1", "item_id": "q", "text": "Kind words."}]
    )
    respondents = pd.DataFrame(
        [{"instrument": "s", "response_id": "r1", "respondent_id": "p1", "group": "staff"}]
    )
    project = project_from_survey(answers, respondents, name="x", at=T0)
    assert project.cases["p1"].may_quote is False
    assert project.cases["p1"].attributes == {"group": "staff"}
