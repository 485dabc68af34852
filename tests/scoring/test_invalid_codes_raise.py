"""Answers that are not valid codes for their item stop scoring with a ScoringError."""

from __future__ import annotations

import pytest

from peerval.errors import ScoringError
from peerval.instruments import get_instrument
from peerval.scoring import score, score_wide

from .helpers import long_from_wide, wide


@pytest.mark.parametrize(
    ("instrument_id", "item_id", "bad"),
    [
        ("brief-inspire", "b3", 7),  # 0-4 rating
        ("brief-inspire", "b1", -1),
        ("brief-inspire", "b5", 2.5),  # not a whole code
        ("inspire", "r04", 5),
        ("inspire", "s03_support", 9),  # 9 is "Don't know" only in the agree5 set
        ("inspire", "s07_important", 2),  # a yes/no gate: only 0 and 1
        ("staff-psw-survey", "valued_member", 6),  # agree5 is 1-5 and 9
        ("staff-psw-survey", "adds_workload", 0),  # reverse-keyed item
        ("staff-psw-survey", "want_more_time", 8),
        ("service-user-psw-survey", "hard_to_reach", 7),
        ("service-user-psw-survey", "feel_supported", 0),
    ],
)
def test_out_of_range_code_raises_naming_the_item(instrument_id, item_id, bad):
    instrument = get_instrument(instrument_id)
    frame = wide(instrument, {"ok": {}, "bad_one": {item_id: bad}})
    with pytest.raises(ScoringError) as caught:
        score_wide(instrument, frame)
    message = str(caught.value)
    assert f"item {item_id} " in message
    assert instrument_id in message
    assert "'bad_one'" in message  # the first offending response is named


def test_bad_code_counts_and_first_response():
    brief = get_instrument("brief-inspire")
    frame = wide(brief, {"a": {"b3": 4}, "b": {"b3": 7}, "c": {"b3": 11}})
    with pytest.raises(ScoringError, match=r"item b3 has 2 value\(s\).*response 'b'.*7"):
        score_wide(brief, frame)


def test_bad_code_raises_from_the_long_table_too():
    brief = get_instrument("brief-inspire")
    answers = long_from_wide(brief, wide(brief, {"a": {"b1": 4, "b2": 7}}))
    with pytest.raises(ScoringError, match="item b2 "):
        score(answers, brief)


def test_valid_edge_codes_do_not_raise():
    staff = get_instrument("staff-psw-survey")
    frame = wide(
        staff, {"lo": {"valued_member": 1}, "hi": {"valued_member": 5}, "dk": {"valued_member": 9}}
    )
    score_wide(staff, frame)  # no error


def test_missing_scale_column_raises_naming_it():
    brief = get_instrument("brief-inspire")
    frame = wide(brief, {"a": {"b1": 4}}).drop(columns=["b4"])
    with pytest.raises(ScoringError, match="b4"):
        score_wide(brief, frame)


def test_non_numeric_answers_raise():
    brief = get_instrument("brief-inspire")
    frame = wide(brief, {"a": {"b1": 4}}).astype(object)
    frame.loc["a", "b2"] = "four"
    with pytest.raises(ScoringError, match="numeric"):
        score_wide(brief, frame)


def test_error_message_shows_the_bad_value_as_plain_text():
    # The message is for people (CLI, web): the offending value should read "7" or "7.0",
    # not a NumPy repr such as "np.float64(7.0)".
    brief = get_instrument("brief-inspire")
    frame = wide(brief, {"x": {"b1": 7}})
    with pytest.raises(ScoringError) as caught:
        score_wide(brief, frame)
    message = str(caught.value)
    assert "np.float64" not in message, message
    assert "value 7" in message
