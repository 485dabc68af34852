"""A small, valid CSV imports into the response contract."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from peerval.ingest import import_table
from peerval.responses import ANSWER_COLUMNS, RESPONDENT_COLUMNS, ResponseSet

ROWS = [
    [
        "response_id",
        "profession",
        "care_group",
        "valued_member",
        "helps_recovery",
        "adds_workload",
        "what_works",
    ],
    ["r1", "Qualified nurse", "2", "Agree", "5", "strongly DISAGREE", "Good, really good"],
    ["r2", "", "Community mental health", "4", "Don't know", "3", ""],
    ["r3", "psychiatrist", "1", "1", "2", "", ""],
]


@pytest.fixture
def imported(write_csv, staff) -> ResponseSet:
    return import_table(write_csv(ROWS), staff, wave="2026")


def _answer(result: ResponseSet, response_id: str, item_id: str) -> pd.Series:
    rows = result.answers[
        (result.answers["response_id"] == response_id) & (result.answers["item_id"] == item_id)
    ]
    assert len(rows) == 1, f"expected one answer for {response_id}/{item_id}, got {len(rows)}"
    return rows.iloc[0]


def _has_answer(result: ResponseSet, response_id: str, item_id: str) -> bool:
    answers = result.answers
    return bool(((answers["response_id"] == response_id) & (answers["item_id"] == item_id)).any())


def test_answers_table_has_the_contract_columns_and_one_row_per_non_blank_cell(imported):
    assert list(imported.answers.columns) == list(ANSWER_COLUMNS)
    # r1: 5 coded + 1 text; r2: 4 coded (blank profession and text); r3: 4 coded
    assert len(imported.answers) == 14
    counts = imported.answers.groupby("response_id").size().to_dict()
    assert counts == {"r1": 6, "r2": 4, "r3": 4}


def test_labels_become_their_option_codes_case_insensitively(imported):
    assert _answer(imported, "r1", "profession")["value"] == 1.0  # "Qualified nurse"
    assert _answer(imported, "r1", "valued_member")["value"] == 4.0  # "Agree"
    assert _answer(imported, "r1", "adds_workload")["value"] == 1.0  # "strongly DISAGREE"
    assert _answer(imported, "r2", "care_group")["value"] == 2.0  # "Community mental health"
    assert _answer(imported, "r2", "helps_recovery")["value"] == 9.0  # "Don't know"
    assert _answer(imported, "r3", "profession")["value"] == 5.0  # "psychiatrist"


def test_numeric_codes_are_kept_as_float_codes(imported):
    assert imported.answers["value"].dtype == float
    assert _answer(imported, "r1", "care_group")["value"] == 2.0
    assert _answer(imported, "r1", "helps_recovery")["value"] == 5.0
    assert _answer(imported, "r2", "valued_member")["value"] == 4.0
    assert _answer(imported, "r2", "adds_workload")["value"] == 3.0
    assert _answer(imported, "r3", "valued_member")["value"] == 1.0


def test_coded_answers_carry_no_text(imported):
    coded = imported.answers[imported.answers["item_id"] != "what_works"]
    assert coded["text"].isna().all()
    assert coded["value"].notna().all()


def test_free_text_is_kept_in_text_with_no_value(imported):
    answer = _answer(imported, "r1", "what_works")
    assert answer["text"] == "Good, really good"
    assert math.isnan(answer["value"])


def test_blank_cells_give_no_answer_rows(imported):
    assert not _has_answer(imported, "r2", "profession")
    assert not _has_answer(imported, "r2", "what_works")
    assert not _has_answer(imported, "r3", "adds_workload")


def test_answers_carry_wave_instrument_version_and_group(imported, staff):
    answers = imported.answers
    assert set(answers["wave"]) == {"2026"}
    assert set(answers["instrument"]) == {"staff-psw-survey"}
    assert set(answers["instrument_version"]) == {staff.version}
    assert set(answers["respondent_group"]) == {"staff"}


def test_respondents_have_one_row_per_response_with_the_contract_columns(imported):
    respondents = imported.respondents
    for column in RESPONDENT_COLUMNS:
        assert column in respondents.columns
    assert list(respondents["response_id"]) == ["r1", "r2", "r3"]
    # without a person column each questionnaire is its own person, named with the instrument
    # so that the same id in another instrument's file is another person
    assert list(respondents["respondent_id"]) == [
        "staff-psw-survey:r1",
        "staff-psw-survey:r2",
        "staff-psw-survey:r3",
    ]
    assert set(respondents["wave"]) == {"2026"}
    assert set(respondents["respondent_group"]) == {"staff"}
    assert set(respondents["instrument"]) == {"staff-psw-survey"}
    assert set(respondents["mode"]) == {"import"}


def test_respondent_attributes_are_labels_and_blank_is_not_stated(imported):
    respondents = imported.respondents.set_index("response_id")
    assert respondents.loc["r1", "profession"] == "Qualified nurse"
    assert respondents.loc["r2", "profession"] == "Not stated"
    assert respondents.loc["r3", "profession"] == "Psychiatrist"
    assert respondents.loc["r1", "care_group"] == "Community mental health"
    assert respondents.loc["r2", "care_group"] == "Community mental health"
    assert respondents.loc["r3", "care_group"] == "Acute and inpatient"


def test_attribute_item_without_a_column_is_not_stated_for_everyone(imported):
    # time_alongside (attribute time_alongside_psws) has no column in the file
    assert set(imported.respondents["time_alongside_psws"]) == {"Not stated"}


def test_wave_group_and_mode_arguments_are_used(write_csv, staff):
    result = import_table(
        write_csv(ROWS), staff, wave="2027-spring", respondent_group="service_user", mode="paper"
    )
    assert set(result.answers["wave"]) == {"2027-spring"}
    assert set(result.answers["respondent_group"]) == {"service_user"}
    assert set(result.respondents["wave"]) == {"2027-spring"}
    assert set(result.respondents["respondent_group"]) == {"service_user"}
    assert set(result.respondents["mode"]) == {"paper"}


def test_headers_may_be_item_text_with_other_case_and_spacing(write_csv, staff):
    rows = [
        [
            "  WHICH care group do you   mainly work in? ",
            "peer support workers are valued members of our team.",
            "Peer Support Workers help service users with their recovery.",
        ],
        ["Older adults", "Strongly agree", "Neither agree nor disagree"],
    ]
    result = import_table(write_csv(rows), staff, wave="2026")
    values = dict(zip(result.answers["item_id"], result.answers["value"], strict=True))
    assert values == {"care_group": 4.0, "valued_member": 5.0, "helps_recovery": 3.0}


def test_without_an_id_column_rows_get_row_number_ids(write_csv, staff):
    rows = [["care_group", "valued_member", "helps_recovery"], ["1", "2", "3"], ["2", "3", "4"]]
    result = import_table(write_csv(rows), staff, wave="2026")
    assert list(result.respondents["response_id"]) == ["row-2", "row-3"]


def test_yes_no_item_accepts_yes_no_labels_and_codes(write_csv, service_user):
    rows = [
        ["response_id", "care_group", "listens", "feel_supported", "may_quote"],
        ["a", "1", "4", "4", "Yes"],
        ["b", "1", "4", "4", "no"],
        ["c", "1", "4", "4", "1"],
        ["d", "1", "4", "4", "0"],
    ]
    result = import_table(write_csv(rows), service_user, wave="2026")
    quote = result.answers[result.answers["item_id"] == "may_quote"]
    assert dict(zip(quote["response_id"], quote["value"], strict=True)) == {
        "a": 1.0,
        "b": 0.0,
        "c": 1.0,
        "d": 0.0,
    }
    assert set(result.respondents["respondent_group"]) == {"service_user"}
    assert list(result.respondents["may_quote"]) == ["Yes", "No", "Yes", "No"]


def test_number_date_and_multi_choice_answers(write_csv, test_instrument):
    rows = [
        ["response_id", "age", "start", "channels", "rating"],
        ["p1", "34", "2024-01-05", "Phone;In person", "high"],
        ["p2", "16.5", "05/01/2024", "2", ""],
    ]
    result = import_table(write_csv(rows), test_instrument, wave="w1")
    answers = result.answers
    p1 = answers[answers["response_id"] == "p1"]
    assert p1.loc[p1["item_id"] == "age", "value"].tolist() == [34.0]
    assert p1.loc[p1["item_id"] == "start", "text"].tolist() == ["2024-01-05"]
    assert sorted(p1.loc[p1["item_id"] == "channels", "value"]) == [1.0, 3.0]
    assert p1.loc[p1["item_id"] == "rating", "value"].tolist() == [3.0]
    p2 = answers[answers["response_id"] == "p2"]
    assert p2.loc[p2["item_id"] == "age", "value"].tolist() == [16.5]
    # DD/MM/YYYY is read day first and stored as ISO 8601
    assert p2.loc[p2["item_id"] == "start", "text"].tolist() == ["2024-01-05"]
    assert p2.loc[p2["item_id"] == "channels", "value"].tolist() == [2.0]
    assert "rating" not in set(p2["item_id"])
