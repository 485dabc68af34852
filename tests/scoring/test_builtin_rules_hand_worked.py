"""Every built-in scale checked against examples worked out by hand.

Each case says, in a comment, the arithmetic done on paper; the test asserts the exact score
(or, for a response that cannot be scored, the exact reason).
"""

from __future__ import annotations

import math

import pytest

from peerval.instruments import get_instrument
from peerval.scoring import SCORE_COLUMNS, score_wide, scores_to_wide

from .helpers import (
    BRIEF_ITEMS,
    EXPERIENCE_ITEMS,
    PSW_VALUE_ITEMS,
    RELATIONSHIP_ITEMS,
    SCORED_INSTRUMENTS,
    one,
    wide,
)

DONT_KNOW = 9


def _support_answers(important: dict[int, float], ratings: dict[int, float]) -> dict[str, float]:
    """INSPIRE support answers: ``important`` maps item number -> gate code, ``ratings`` -> 0-4."""
    answers: dict[str, float] = {}
    for n, code in important.items():
        answers[f"s{n:02d}_important"] = code
    for n, rating in ratings.items():
        answers[f"s{n:02d}_support"] = rating
    return answers


def _assert_scored(row, expected: float, n_answered: int, n_eligible: int) -> None:
    assert row["status"] == "scored"
    assert row["reason"] == ""
    assert row["score"] == pytest.approx(expected, abs=1e-9)
    assert row["n_answered"] == n_answered
    assert row["n_eligible"] == n_eligible


def _assert_not_scorable(row, reason: str, n_answered: int, n_eligible: int) -> None:
    assert row["status"] == "not_scorable"
    assert math.isnan(row["score"])
    assert row["reason"] == reason
    assert row["n_answered"] == n_answered
    assert row["n_eligible"] == n_eligible


# --------------------------------------------------------------------------- general shape


@pytest.mark.parametrize("instrument_id", sorted(SCORED_INSTRUMENTS))
def test_builtin_scales_are_the_expected_ones_and_run_0_to_100(instrument_id):
    instrument = get_instrument(instrument_id)
    assert tuple(s.id for s in instrument.scales) == SCORED_INSTRUMENTS[instrument_id]
    for scale in instrument.scales:
        assert instrument.score_range(scale) == (0.0, 100.0)


def test_output_has_one_row_per_response_and_scale_with_the_documented_columns():
    inspire = get_instrument("inspire")
    frame = wide(inspire, {"a": {}, "b": {}, "c": {}})
    scores = score_wide(inspire, frame)
    assert tuple(scores.columns) == SCORE_COLUMNS
    assert len(scores) == 3 * 2
    assert list(scores["scale"]) == ["support"] * 3 + ["relationship"] * 3
    assert list(scores["response_id"]) == ["a", "b", "c"] * 2
    assert set(scores["instrument"]) == {"inspire"}
    assert set(scores["instrument_version"]) == {inspire.version}


# --------------------------------------------------------------------------- INSPIRE support


@pytest.fixture
def inspire():
    return get_instrument("inspire")


def test_support_mean_of_important_items(inspire):
    # important items 1,2,3 rated 4,3,2; items 4..20 marked not important
    # -> (4 + 3 + 2) / 3 = 3 -> 3 * 25 = 75
    important = {n: 1 for n in (1, 2, 3)} | {n: 0 for n in range(4, 21)}
    frame = wide(inspire, {"r1": _support_answers(important, {1: 4, 2: 3, 3: 2})})
    _assert_scored(one(score_wide(inspire, frame), "r1", "support"), 75.0, 3, 3)


def test_support_half_points(inspire):
    # important items 2 and 7 rated 1 and 2 -> (1 + 2) / 2 = 1.5 -> 1.5 * 25 = 37.5
    frame = wide(inspire, {"r1": _support_answers({2: 1, 7: 1}, {2: 1, 7: 2})})
    _assert_scored(one(score_wide(inspire, frame), "r1", "support"), 37.5, 2, 2)


def test_support_all_twenty_important(inspire):
    # all 20 important; items 1-10 rated 4, items 11-20 rated 0
    # -> (10 * 4 + 10 * 0) / 20 = 2 -> 2 * 25 = 50
    ratings = {n: 4 for n in range(1, 11)} | {n: 0 for n in range(11, 21)}
    frame = wide(inspire, {"r1": _support_answers({n: 1 for n in range(1, 21)}, ratings)})
    _assert_scored(one(score_wide(inspire, frame), "r1", "support"), 50.0, 20, 20)


def test_support_gate_is_respected(inspire):
    # important items 1,2,3 rated 4,3,2 -> mean 3 -> 75.
    # item 4 NOT important (0) but rated 0, item 5 important left blank (NaN) but rated 0,
    # item 6 NOT important but rated 4: all three ratings must be ignored.
    # (if they counted: (4+3+2+0+0+4)/6 = 13/6 -> 54.17, so the score would differ)
    frame = wide(
        inspire,
        {
            "r1": _support_answers(
                {1: 1, 2: 1, 3: 1, 4: 0, 6: 0}, {1: 4, 2: 3, 3: 2, 4: 0, 5: 0, 6: 4}
            )
        },
    )
    _assert_scored(one(score_wide(inspire, frame), "r1", "support"), 75.0, 3, 3)


def test_support_important_but_unrated_item_is_skipped_with_min_answered_1(inspire):
    # items 1-4 important, ratings 4,3,2 and item 4 unrated
    # -> 3 of 4 eligible answered (min_answered 1 is met) -> (4+3+2)/3 = 3 -> 75
    frame = wide(inspire, {"r1": _support_answers({1: 1, 2: 1, 3: 1, 4: 1}, {1: 4, 2: 3, 3: 2})})
    _assert_scored(one(score_wide(inspire, frame), "r1", "support"), 75.0, 3, 4)


def test_support_single_important_item(inspire):
    # only item 20 important, rated 1 -> 1 / 1 = 1 -> 25
    frame = wide(inspire, {"r1": _support_answers({20: 1}, {20: 1})})
    _assert_scored(one(score_wide(inspire, frame), "r1", "support"), 25.0, 1, 1)


def test_support_not_scorable_when_nothing_is_important(inspire):
    # every item marked not important, yet some ratings present -> no eligible items
    frame = wide(
        inspire,
        {
            "none": _support_answers({n: 0 for n in range(1, 21)}, {1: 4, 2: 4}),
            "blank": {},  # no gate answered at all
        },
    )
    scores = score_wide(inspire, frame)
    _assert_not_scorable(one(scores, "none", "support"), "no item marked as important", 0, 0)
    _assert_not_scorable(one(scores, "blank", "support"), "no item marked as important", 0, 0)


def test_support_not_scorable_when_important_items_are_unrated(inspire):
    # items 1 and 2 important but neither rated -> 0 of 2 answered
    frame = wide(inspire, {"r1": _support_answers({1: 1, 2: 1}, {3: 4})})
    _assert_not_scorable(
        one(score_wide(inspire, frame), "r1", "support"), "no items answered", 0, 2
    )


# --------------------------------------------------------------------------- INSPIRE relationship


def test_relationship_mean_times_25(inspire):
    # r01..r07 = 1,2,3,4,0,1,3 -> sum 14 -> 14 / 7 = 2 -> 2 * 25 = 50
    # r01..r07 = 4,4,3,3,2,2,0 -> sum 18 -> 18 / 7 -> 18 / 7 * 25 = 450 / 7 = 64.2857...
    # r01..r07 all 4 -> 4 * 25 = 100; all 0 -> 0
    rows = {
        "a": dict(zip(RELATIONSHIP_ITEMS, (1, 2, 3, 4, 0, 1, 3), strict=True)),
        "b": dict(zip(RELATIONSHIP_ITEMS, (4, 4, 3, 3, 2, 2, 0), strict=True)),
        "c": dict.fromkeys(RELATIONSHIP_ITEMS, 4),
        "d": dict.fromkeys(RELATIONSHIP_ITEMS, 0),
    }
    scores = score_wide(inspire, wide(inspire, rows))
    _assert_scored(one(scores, "a", "relationship"), 50.0, 7, 7)
    _assert_scored(one(scores, "b", "relationship"), 450 / 7, 7, 7)
    _assert_scored(one(scores, "c", "relationship"), 100.0, 7, 7)
    _assert_scored(one(scores, "d", "relationship"), 0.0, 7, 7)


def test_relationship_needs_all_seven(inspire):
    # r07 missing -> 6 of 7 answered, all 7 needed; nothing answered -> "no items answered"
    six = dict(zip(RELATIONSHIP_ITEMS[:6], (4, 4, 4, 4, 4, 4), strict=True))
    scores = score_wide(inspire, wide(inspire, {"six": six, "none": {}}))
    _assert_not_scorable(
        one(scores, "six", "relationship"), "6 of 7 items answered; at least 7 needed", 6, 7
    )
    _assert_not_scorable(one(scores, "none", "relationship"), "no items answered", 0, 7)


def test_relationship_has_no_reverse_items_yet(inspire):
    assert not any(inspire.item(i).reverse for i in RELATIONSHIP_ITEMS)


def test_support_and_relationship_are_independent(inspire):
    # support: item 1 important, rated 2 -> 2 * 25 = 50; relationship: only 3 items -> not scorable
    answers = _support_answers({1: 1}, {1: 2}) | {"r01": 4, "r02": 4, "r03": 4}
    scores = score_wide(inspire, wide(inspire, {"r1": answers}))
    _assert_scored(one(scores, "r1", "support"), 50.0, 1, 1)
    _assert_not_scorable(
        one(scores, "r1", "relationship"), "3 of 7 items answered; at least 7 needed", 3, 7
    )


# --------------------------------------------------------------------------- Brief INSPIRE


@pytest.fixture
def brief():
    return get_instrument("brief-inspire")


@pytest.mark.parametrize(
    ("ratings", "expected"),
    [
        ((4, 3, 2, 1, 0), 50.0),  # 4+3+2+1+0 = 10 -> 10 * 5 = 50
        ((4, 4, 4, 4, 4), 100.0),  # 20 * 5 = 100
        ((0, 0, 0, 0, 0), 0.0),  # 0 * 5 = 0
        ((1, 1, 2, 0, 3), 35.0),  # 1+1+2+0+3 = 7 -> 7 * 5 = 35
    ],
)
def test_brief_inspire_sum_times_5(brief, ratings, expected):
    frame = wide(brief, {"r1": dict(zip(BRIEF_ITEMS, ratings, strict=True))})
    _assert_scored(one(score_wide(brief, frame), "r1", "brief_inspire"), expected, 5, 5)


def test_brief_inspire_needs_all_five_no_proration(brief):
    # b3 missing: 4 of 5 answered -> not scorable (no prorating: all five are required)
    frame = wide(brief, {"four": {"b1": 4, "b2": 4, "b4": 4, "b5": 4}, "none": {}})
    scores = score_wide(brief, frame)
    _assert_not_scorable(
        one(scores, "four", "brief_inspire"), "4 of 5 items answered; at least 5 needed", 4, 5
    )
    _assert_not_scorable(one(scores, "none", "brief_inspire"), "no items answered", 0, 5)


# --------------------------------------------------------------------------- staff: psw_value


@pytest.fixture
def staff():
    return get_instrument("staff-psw-survey")


def _psw(*values: float) -> dict[str, float]:
    return dict(zip(PSW_VALUE_ITEMS, values, strict=True))


def test_psw_value_reverse_key_applied(staff):
    # order: valued, distinct, understand, adds_workload (reverse), recovery, engagement, hope
    # "top": all 5, adds_workload 1 -> reversed 6-1 = 5 -> mean 5 -> (5-1)*25 = 100
    # "all5": all 5 incl. adds_workload 5 -> reversed 1 -> (6*5 + 1)/7 = 31/7
    #         -> (31/7 - 1) * 25 = 24/7 * 25 = 600/7 = 85.714...
    # "fours": 4,4,4,2,4,4,4 -> adds_workload 6-2 = 4 -> mean 4 -> (4-1)*25 = 75
    # "bottom": all 1, adds_workload 5 -> reversed 1 -> mean 1 -> 0
    rows = {
        "top": _psw(5, 5, 5, 1, 5, 5, 5),
        "all5": _psw(5, 5, 5, 5, 5, 5, 5),
        "fours": _psw(4, 4, 4, 2, 4, 4, 4),
        "bottom": _psw(1, 1, 1, 5, 1, 1, 1),
    }
    scores = score_wide(staff, wide(staff, rows))
    _assert_scored(one(scores, "top", "psw_value"), 100.0, 7, 7)
    _assert_scored(one(scores, "all5", "psw_value"), 600 / 7, 7, 7)
    _assert_scored(one(scores, "fours", "psw_value"), 75.0, 7, 7)
    _assert_scored(one(scores, "bottom", "psw_value"), 0.0, 7, 7)


def test_psw_value_dont_know_counts_as_unanswered(staff):
    # 5, 9, 3, 9, 4, 9, 4 -> the three 9s ("Don't know") drop out
    # -> answered 5, 3, 4, 4 (4 items, min 4 met) -> mean 16/4 = 4 -> (4-1)*25 = 75
    frame = wide(staff, {"r1": _psw(5, DONT_KNOW, 3, DONT_KNOW, 4, DONT_KNOW, 4)})
    _assert_scored(one(score_wide(staff, frame), "r1", "psw_value"), 75.0, 4, 7)


def test_psw_value_dont_know_on_the_reversed_item_is_not_reversed(staff):
    # adds_workload = 9 must be dropped, not turned into 6 - 9 = -3.
    # answered: 5, 5, 5, (9 dropped), 5, NaN, NaN -> 4 items, mean 5 -> (5-1)*25 = 100
    # (if 9 were reversed and kept: (20 - 3)/5 = 3.4 -> 60)
    frame = wide(staff, {"r1": _psw(5, 5, 5, DONT_KNOW, 5, math.nan, math.nan)})
    _assert_scored(one(score_wide(staff, frame), "r1", "psw_value"), 100.0, 4, 7)


def test_psw_value_missing_answers_with_min_4(staff):
    # 2, NaN, 3, 1 (rev -> 5), 4, NaN, NaN -> answered 2,3,5,4 -> 14/4 = 3.5 -> 2.5*25 = 62.5
    frame = wide(staff, {"r1": _psw(2, math.nan, 3, 1, 4, math.nan, math.nan)})
    _assert_scored(one(score_wide(staff, frame), "r1", "psw_value"), 62.5, 4, 7)


def test_psw_value_too_few_answered(staff):
    # three answered (two blank, two "Don't know") -> 3 of 7, at least 4 needed
    frame = wide(
        staff,
        {
            "three": _psw(5, DONT_KNOW, 4, math.nan, 3, DONT_KNOW, math.nan),
            "all_dont_know": _psw(*[DONT_KNOW] * 7),
            "blank": {},
        },
    )
    scores = score_wide(staff, frame)
    _assert_not_scorable(
        one(scores, "three", "psw_value"), "3 of 7 items answered; at least 4 needed", 3, 7
    )
    _assert_not_scorable(one(scores, "all_dont_know", "psw_value"), "no items answered", 0, 7)
    _assert_not_scorable(one(scores, "blank", "psw_value"), "no items answered", 0, 7)


# --------------------------------------------------------------------------- staff: want_more


def test_want_more(staff):
    # both: 5, 4 -> 4.5 -> (4.5-1)*25 = 87.5
    # one: 2, NaN -> 2 -> (2-1)*25 = 25 (min_answered 1)
    # dont_know: 9, 3 -> 3 -> (3-1)*25 = 50
    # neither: 9, 9 -> nothing answered
    rows = {
        "both": {"want_more_psws": 5, "want_more_time": 4},
        "one": {"want_more_psws": 2},
        "dont_know": {"want_more_psws": DONT_KNOW, "want_more_time": 3},
        "neither": {"want_more_psws": DONT_KNOW, "want_more_time": DONT_KNOW},
    }
    scores = score_wide(staff, wide(staff, rows))
    _assert_scored(one(scores, "both", "want_more"), 87.5, 2, 2)
    _assert_scored(one(scores, "one", "want_more"), 25.0, 1, 2)
    _assert_scored(one(scores, "dont_know", "want_more"), 50.0, 1, 2)
    _assert_not_scorable(one(scores, "neither", "want_more"), "no items answered", 0, 2)


def test_want_more_is_not_reverse_keyed(staff):
    # 1, 1 -> mean 1 -> (1-1)*25 = 0
    frame = wide(staff, {"r1": {"want_more_psws": 1, "want_more_time": 1}})
    _assert_scored(one(score_wide(staff, frame), "r1", "want_more"), 0.0, 2, 2)


# --------------------------------------------------------------------------- service users


@pytest.fixture
def service_user():
    return get_instrument("service-user-psw-survey")


def _exp(*values: float) -> dict[str, float]:
    return dict(zip(EXPERIENCE_ITEMS, values, strict=True))


def test_experience_reverse_key_applied(service_user):
    # order: listens, understands, not_judged, hard_to_reach (reverse), goals, hope, practical, feel
    # "fours": 4,4,4,2,4,4,4,4 -> hard_to_reach 6-2 = 4 -> mean 4 -> (4-1)*25 = 75
    # "top": all 5, hard_to_reach 1 -> 5 -> mean 5 -> 100
    # "bottom": all 1, hard_to_reach 5 -> 1 -> mean 1 -> 0
    # "unreversed_top": all 5 incl. hard_to_reach 5 -> 1 -> (7*5 + 1)/8 = 36/8 = 4.5
    #                   -> (4.5-1)*25 = 87.5
    rows = {
        "fours": _exp(4, 4, 4, 2, 4, 4, 4, 4),
        "top": _exp(5, 5, 5, 1, 5, 5, 5, 5),
        "bottom": _exp(1, 1, 1, 5, 1, 1, 1, 1),
        "unreversed_top": _exp(5, 5, 5, 5, 5, 5, 5, 5),
    }
    scores = score_wide(service_user, wide(service_user, rows))
    _assert_scored(one(scores, "fours", "experience"), 75.0, 8, 8)
    _assert_scored(one(scores, "top", "experience"), 100.0, 8, 8)
    _assert_scored(one(scores, "bottom", "experience"), 0.0, 8, 8)
    _assert_scored(one(scores, "unreversed_top", "experience"), 87.5, 8, 8)


def test_experience_dont_know_and_blanks(service_user):
    # 5, 4, 9, 4 (rev -> 2), 3, NaN, 9, 1 -> answered 5,4,2,3,1 (5 items, min 5 met)
    # -> 15 / 5 = 3 -> (3-1)*25 = 50
    frame = wide(service_user, {"r1": _exp(5, 4, DONT_KNOW, 4, 3, math.nan, DONT_KNOW, 1)})
    _assert_scored(one(score_wide(service_user, frame), "r1", "experience"), 50.0, 5, 8)


def test_experience_too_few_answered(service_user):
    # 4 answered (5, 5, 5, 5), the rest "Don't know" or blank -> 4 of 8, at least 5 needed
    frame = wide(
        service_user,
        {
            "four": _exp(5, 5, DONT_KNOW, 5, math.nan, DONT_KNOW, 5, math.nan),
            "blank": {"care_group": 2},
        },
    )
    scores = score_wide(service_user, frame)
    _assert_not_scorable(
        one(scores, "four", "experience"), "4 of 8 items answered; at least 5 needed", 4, 8
    )
    _assert_not_scorable(one(scores, "blank", "experience"), "no items answered", 0, 8)


# --------------------------------------------------------------------------- scores_to_wide


def test_scores_to_wide_one_row_per_response(staff):
    # a: psw_value 4,4,4,2(->4),4,4,4 -> 75; want_more 5,4 -> 87.5
    # b: psw_value blank -> no items answered; want_more 2 -> 25
    rows = {
        "a": _psw(4, 4, 4, 2, 4, 4, 4) | {"want_more_psws": 5, "want_more_time": 4},
        "b": {"want_more_psws": 2},
    }
    table = scores_to_wide(score_wide(staff, wide(staff, rows)))
    assert list(table.columns) == [
        "response_id",
        "psw_value",
        "psw_value_reason",
        "want_more",
        "want_more_reason",
    ]
    table = table.set_index("response_id")
    assert table.loc["a", "psw_value"] == pytest.approx(75.0)
    assert table.loc["a", "psw_value_reason"] == ""
    assert table.loc["a", "want_more"] == pytest.approx(87.5)
    assert math.isnan(table.loc["b", "psw_value"])
    assert table.loc["b", "psw_value_reason"] == "no items answered"
    assert table.loc["b", "want_more"] == pytest.approx(25.0)
