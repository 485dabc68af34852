import pytest

from peerval.demo import DEMO_CODEBOOK, generate_demo
from peerval.demo.phrases import NON_ANSWERS


@pytest.fixture(scope="module")
def demo():
    return generate_demo(seed=2026)


def people(demo, group):
    respondents = demo.responses.respondents
    return respondents[respondents["respondent_group"] == group].drop_duplicates("respondent_id")


def test_32_service_users_and_38_staff(demo):
    assert len(people(demo, "service_user")) == 32
    assert len(people(demo, "staff")) == 38


def test_the_staff_profession_mix_is_exactly_the_reference_mix(demo):
    counts = people(demo, "staff")["profession"].value_counts().to_dict()
    assert counts == {
        "Qualified nurse": 16,
        "Unqualified nursing staff": 12,
        "Occupational therapist": 6,
        "Social worker": 2,
        "Psychiatrist": 1,
        "Not stated": 1,
    }


def test_25_psws_across_care_groups(demo):
    assert len(demo.psws) == 25
    assert demo.psws["care_group"].nunique() >= 4
    assert (demo.psws["hours_with_service_users"] < demo.psws["contracted_hours"]).all()


def test_the_same_seed_gives_the_same_data_and_another_seed_does_not(demo):
    again = generate_demo(seed=2026)
    other = generate_demo(seed=7)
    assert again.responses.answers.equals(demo.responses.answers)
    assert not other.responses.answers.equals(demo.responses.answers)


def test_likert_answers_are_mostly_favourable_but_spread(demo):
    answers = demo.responses.answers
    staff = answers[(answers["item_id"] == "valued_member")]["value"]
    favourable = staff.isin([4, 5]).mean()
    assert 0.55 < favourable < 0.95
    assert staff.isin([1, 2, 3]).any()


def test_every_free_text_answer_is_varied_and_coded_with_demo_codes(demo):
    answers = demo.responses.answers.dropna(subset=["text"])
    substantive = answers[~answers["text"].isin(NON_ANSWERS)]
    assert len(substantive) > 80
    # not one template repeated: nearly all answers are distinct
    assert substantive["text"].nunique() >= 0.9 * len(substantive)
    codes = {c.id for t in DEMO_CODEBOOK.themes for c in t.codes}
    assert set(demo.codings["code_id"]) <= codes
    coded = set(zip(demo.codings["response_id"], demo.codings["item_id"], strict=True))
    answered = set(zip(substantive["response_id"], substantive["item_id"], strict=True))
    assert coded == answered


def test_all_four_themes_appear_including_critical_codes(demo):
    themes = {DEMO_CODEBOOK.theme_of(c).id for c in demo.codings["code_id"]}
    assert themes == {"support", "empathy", "understanding", "time"}
    assert {"not_enough_time", "spread_thin", "role_unclear"} <= set(demo.codings["code_id"])


def test_inspire_responses_include_not_scorable_cases(demo):
    from peerval.scoring import score

    scores = score(demo.responses.answers, demo.instruments["inspire"])
    reasons = set(scores.loc[scores["status"] == "not_scorable", "reason"])
    assert "no item marked as important" in reasons
    assert (scores["status"] == "scored").sum() > 55
