"""score() on the tidy long answers table agrees with score_wide() on the wide view."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from peerval.errors import DataError
from peerval.instruments import get_instrument
from peerval.responses import to_wide
from peerval.scoring import score, score_wide

from .helpers import PSW_VALUE_ITEMS, long_from_wide, one, single_items, wide


def _sorted(scores: pd.DataFrame) -> pd.DataFrame:
    return scores.sort_values(["scale", "response_id"]).reset_index(drop=True)


def _staff_rows() -> dict[str, dict[str, float]]:
    return {
        "s1": dict(zip(PSW_VALUE_ITEMS, (4, 4, 4, 2, 4, 4, 4), strict=True))
        | {"want_more_psws": 5, "want_more_time": 4, "profession": 3, "care_group": 2},
        "s2": dict(zip(PSW_VALUE_ITEMS, (5, 9, 3, 9, 4, 9, 4), strict=True))
        | {"want_more_psws": 9},
        "s3": {"valued_member": 1, "care_group": 7},
        "s4": {"care_group": 1},
    }


def _inspire_rows() -> dict[str, dict[str, float]]:
    return {
        "i1": {"s01_important": 1, "s01_support": 4, "s02_important": 1, "s02_support": 2}
        | {f"r{n:02d}": n % 5 for n in range(1, 8)},
        "i2": {"s01_important": 0, "s01_support": 3},
        "i3": {"r01": 4},
    }


@pytest.mark.parametrize(
    ("instrument_id", "rows"),
    [
        ("staff-psw-survey", _staff_rows()),
        ("inspire", _inspire_rows()),
        (
            "brief-inspire",
            {"b_full": {"b1": 4, "b2": 3, "b3": 2, "b4": 1, "b5": 0}, "b_part": {"b1": 4}},
        ),
        (
            "service-user-psw-survey",
            {
                "u1": {"listens": 5, "understands": 4, "not_judged": 3, "hard_to_reach": 2}
                | {"helps_goals": 1, "gives_hope": 9, "care_group": 3},
                "u2": {"listens": 1, "may_quote": 1},
            },
        ),
    ],
)
def test_score_long_equals_score_wide(instrument_id, rows):
    instrument = get_instrument(instrument_id)
    frame = wide(instrument, rows)
    answers = long_from_wide(instrument, frame)
    from_long = score(answers, instrument)
    from_wide = score_wide(instrument, frame)
    pd.testing.assert_frame_equal(_sorted(from_long), _sorted(from_wide))


def test_score_long_ignores_other_instruments_and_text_answers():
    staff = get_instrument("staff-psw-survey")
    service_user = get_instrument("service-user-psw-survey")
    staff_frame = wide(staff, _staff_rows())
    answers = long_from_wide(staff, staff_frame)
    # another instrument sharing item ids (care_group, could_improve) in the same table
    other = long_from_wide(
        service_user,
        wide(service_user, {"u1": {"care_group": 5, "listens": 1}}),
    )
    text = pd.DataFrame(
        {
            "response_id": ["s1", "u1"],
            "wave": "2026",
            "instrument": ["staff-psw-survey", "service-user-psw-survey"],
            "instrument_version": [staff.version, service_user.version],
            "respondent_group": ["staff", "service_user"],
            "item_id": ["what_works", "could_improve"],
            "value": [np.nan, np.nan],
            "text": ["Lived experience.", "More time."],
        }
    )
    mixed = pd.concat([other, answers, text], ignore_index=True)
    scores = score(mixed, staff)
    assert set(scores["response_id"]) == {"s1", "s2", "s3", "s4"}
    assert set(scores["instrument"]) == {"staff-psw-survey"}
    pd.testing.assert_frame_equal(_sorted(scores), _sorted(score_wide(staff, staff_frame)))
    # s1: psw_value 4,4,4,2(->4),4,4,4 -> 75; want_more 5,4 -> 87.5
    assert one(scores, "s1", "psw_value")["score"] == pytest.approx(75.0)
    assert one(scores, "s1", "want_more")["score"] == pytest.approx(87.5)


def test_to_wide_puts_values_in_the_right_cells():
    staff = get_instrument("staff-psw-survey")
    answers = pd.DataFrame(
        {
            "response_id": ["r2", "r1", "r2", "r1", "r1", "r2"],
            "wave": "2026",
            "instrument": "staff-psw-survey",
            "instrument_version": staff.version,
            "respondent_group": "staff",
            "item_id": [
                "valued_member",
                "adds_workload",
                "want_more_time",
                "valued_member",
                "what_works",
                "care_group",
            ],
            "value": [5.0, 9.0, 2.0, 1.0, np.nan, 4.0],
            "text": [None, None, None, None, "Good.", None],
        }
    )
    table = to_wide(answers, staff)
    # rows in order of first appearance, every single-valued item a column, free text left out
    assert list(table.index) == ["r2", "r1"]
    assert table.index.name == "response_id"
    assert list(table.columns) == single_items(staff)
    assert "what_works" not in table.columns
    assert table.loc["r2", "valued_member"] == 5.0
    assert table.loc["r2", "want_more_time"] == 2.0
    assert table.loc["r2", "care_group"] == 4.0
    assert table.loc["r1", "valued_member"] == 1.0
    # a "Don't know" code is kept as the code here: scoring, not to_wide, treats it as missing
    assert table.loc["r1", "adds_workload"] == 9.0
    assert int(table.notna().to_numpy().sum()) == 5
    assert math.isnan(table.loc["r1", "want_more_time"])
    assert math.isnan(table.loc["r2", "adds_workload"])


def test_to_wide_with_given_response_ids():
    brief = get_instrument("brief-inspire")
    answers = long_from_wide(brief, wide(brief, {"a": {"b1": 1}, "b": {"b2": 2}}))
    ids = pd.Index(["b", "zzz", "a"], name="response_id")
    table = to_wide(answers, brief, response_ids=ids)
    assert list(table.index) == ["b", "zzz", "a"]
    assert table.loc["b", "b2"] == 2.0
    assert table.loc["a", "b1"] == 1.0
    assert table.loc["zzz"].isna().all()
    # answers for a response not asked for are left out
    table = to_wide(answers, brief, response_ids=pd.Index(["a"], name="response_id"))
    assert list(table.index) == ["a"]
    assert table.loc["a", "b1"] == 1.0
    assert table.loc["a"].notna().sum() == 1


def test_duplicate_answer_raises_data_error():
    brief = get_instrument("brief-inspire")
    answers = long_from_wide(brief, wide(brief, {"a": {"b1": 1, "b2": 2}, "b": {"b1": 3}}))
    duplicated = pd.concat([answers, answers.iloc[[1]].assign(value=4.0)], ignore_index=True)
    with pytest.raises(DataError, match="more than once"):
        to_wide(duplicated, brief)
    with pytest.raises(DataError, match="more than once"):
        score(duplicated, brief)


def test_same_item_for_different_responses_is_not_a_duplicate():
    brief = get_instrument("brief-inspire")
    frame = wide(brief, {"a": dict.fromkeys(("b1", "b2", "b3", "b4", "b5"), 4), "b": {"b1": 4}})
    scores = score(long_from_wide(brief, frame), brief)
    # a: 5 * 4 = 20 -> 100; b: 1 of 5 answered
    assert one(scores, "a", "brief_inspire")["score"] == pytest.approx(100.0)
    assert one(scores, "b", "brief_inspire")["reason"] == "1 of 5 items answered; at least 5 needed"
