"""Property tests of the scoring engine over random answer matrices.

The matrices mix valid codes, blanks (NaN) and the "Don't know" code (9) where an item has one.
"""

from __future__ import annotations

import math
from pathlib import Path
from textwrap import dedent

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerval.instruments import get_instrument, load_instrument
from peerval.instruments.schema import Instrument, Scale
from peerval.scoring import score_wide

from .helpers import PSW_VALUE_ITEMS, SCORED_INSTRUMENTS, scale_items

NAN = float("nan")
PROPERTY_SETTINGS = settings(max_examples=100, deadline=None)


# --------------------------------------------------------------------------- fixtures / strategies


class _Instruments(dict):
    """A dict of instruments with a short repr, so that failing examples stay readable."""

    def __repr__(self) -> str:
        return f"<instruments {sorted(self)}>"


@pytest.fixture(scope="module")
def instruments(tmp_path_factory) -> dict[str, Instrument]:
    """The built-in scored instruments, loaded once with an empty PEERVAL_HOME."""
    home = tmp_path_factory.mktemp("peerval_home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PEERVAL_HOME", str(home))
        mp.delenv("PEERVAL_INSTRUMENT_PATH", raising=False)
        return _Instruments({i: get_instrument(i) for i in SCORED_INSTRUMENTS})


def _codes(instrument: Instrument, item_id: str) -> list[float]:
    """Every code an item accepts, missing-codes ("Don't know") included."""
    return [float(o.code) for o in instrument.options_for(instrument.item(item_id))]


@st.composite
def answer_rows(draw, instrument: Instrument, columns: list[str]) -> dict[str, float]:
    """One response: either every column drawn (code or NaN), or only a few columns answered."""
    if draw(st.booleans()):
        return {c: draw(st.sampled_from([NAN, *_codes(instrument, c)])) for c in columns}
    answered = draw(st.sets(st.sampled_from(columns)))
    return {
        c: draw(st.sampled_from(_codes(instrument, c))) if c in answered else NAN for c in columns
    }


def matrices(
    instrument: Instrument, columns: list[str] | None = None, min_rows: int = 1, max_rows: int = 8
):
    columns = columns if columns is not None else scale_items(instrument)
    rows = answer_rows(instrument, columns)
    return st.lists(rows, min_size=min_rows, max_size=max_rows).map(
        lambda rows: pd.DataFrame(
            rows,
            index=pd.Index([f"r{n}" for n in range(len(rows))], name="response_id"),
            columns=pd.Index(columns, name="item_id"),
            dtype=float,
        )
    )


def _instrument_and_matrix(
    instruments: dict[str, Instrument], data
) -> tuple[Instrument, pd.DataFrame]:
    instrument = instruments[data.draw(st.sampled_from(sorted(SCORED_INSTRUMENTS)))]
    return instrument, data.draw(matrices(instrument))


def _scale_rows(scores: pd.DataFrame, scale_id: str) -> pd.DataFrame:
    return scores[scores["scale"] == scale_id].reset_index(drop=True)


# --------------------------------------------------------------------------- an independent oracle


def _oracle(instrument: Instrument, scale: Scale, row: pd.Series) -> tuple[float, int, int, str]:
    """The documented rule, one response at a time in plain Python."""

    def present(item_id: str) -> float | None:
        value = row[item_id]
        if math.isnan(value):
            return None
        options = instrument.options_for(instrument.item(item_id))
        if any(o.code == value and o.missing for o in options):
            return None
        return float(value)

    gated = any(e.gate for e in scale.items)
    eligible = [
        e.item for e in scale.items if e.gate is None or present(e.gate) in scale.gate_codes
    ]
    values = []
    for item_id in eligible:
        value = present(item_id)
        if value is None:
            continue
        item = instrument.item(item_id)
        if item.reverse:
            low, high = instrument.value_range(item)
            value = low + high - value
        values.append(value)
    need = max(scale.min_answered if scale.min_answered is not None else len(eligible), 1)
    if not eligible:
        return NAN, 0, 0, "no item marked as important"
    if not values:
        return NAN, 0, len(eligible), "no items answered"
    if len(values) < need:
        what = "important items" if gated else "items"
        reason = f"{len(values)} of {len(eligible)} {what} answered; at least {need} needed"
        return NAN, len(values), len(eligible), reason
    mean = sum(values) / len(values)
    if scale.method == "mean":
        aggregate = mean
    else:
        aggregate = sum(values) if len(values) == len(eligible) else mean * len(eligible)
    return (aggregate + scale.offset) * scale.multiplier, len(values), len(eligible), ""


# --------------------------------------------------------------------------- (a) range and status


@PROPERTY_SETTINGS
@given(data=st.data())
def test_every_score_is_in_range_or_not_scorable_with_a_reason(instruments, data):
    instrument, frame = _instrument_and_matrix(instruments, data)
    scores = score_wide(instrument, frame)
    assert len(scores) == len(frame) * len(instrument.scales)
    assert set(scores["status"]) <= {"scored", "not_scorable"}
    for scale in instrument.scales:
        low, high = instrument.score_range(scale)
        rows = _scale_rows(scores, scale.id)
        assert list(rows["response_id"]) == list(frame.index)
        scored = rows["status"] == "scored"
        ok = rows.loc[scored]
        assert ok["score"].notna().all()
        assert ((ok["score"] >= low - 1e-9) & (ok["score"] <= high + 1e-9)).all(), ok
        assert (ok["reason"] == "").all()
        need = scale.min_answered if scale.min_answered is not None else ok["n_eligible"]
        assert (ok["n_answered"] >= np.maximum(need, 1)).all()
        bad = rows.loc[~scored]
        assert bad["score"].isna().all()
        assert (bad["reason"].str.len() > 0).all()
        assert (rows["n_answered"] <= rows["n_eligible"]).all()
        assert (rows["n_answered"] >= 0).all()


@PROPERTY_SETTINGS
@given(data=st.data())
def test_engine_agrees_with_a_one_response_at_a_time_oracle(instruments, data):
    instrument, frame = _instrument_and_matrix(instruments, data)
    scores = score_wide(instrument, frame)
    for scale in instrument.scales:
        rows = _scale_rows(scores, scale.id)
        for n, (_, answers) in enumerate(frame.iterrows()):
            expected, n_answered, n_eligible, reason = _oracle(instrument, scale, answers)
            got = rows.iloc[n]
            assert got["reason"] == reason
            assert got["n_answered"] == n_answered
            assert got["n_eligible"] == n_eligible
            assert got["status"] == ("scored" if reason == "" else "not_scorable")
            if math.isnan(expected):
                assert math.isnan(got["score"])
            else:
                assert got["score"] == pytest.approx(expected, abs=1e-9)


# --------------------------------------------------------------------------- (b) INSPIRE gate


@PROPERTY_SETTINGS
@given(data=st.data())
def test_support_ratings_of_unimportant_items_never_change_the_score(instruments, data):
    inspire = instruments["inspire"]
    frame = data.draw(matrices(inspire))
    other = data.draw(matrices(inspire, min_rows=len(frame), max_rows=len(frame)))
    changed = frame.copy()
    for n in range(1, 21):
        gate, rating = f"s{n:02d}_important", f"s{n:02d}_support"
        unimportant = (frame[gate] != 1).to_numpy()
        changed.loc[unimportant, rating] = other.loc[unimportant, rating].to_numpy()
    before = _scale_rows(score_wide(inspire, frame), "support")
    after = _scale_rows(score_wide(inspire, changed), "support")
    pd.testing.assert_frame_equal(before, after)


@PROPERTY_SETTINGS
@given(data=st.data())
def test_support_depends_only_on_important_ratings(instruments, data):
    # blanking every rating whose item is not important changes nothing either
    inspire = instruments["inspire"]
    frame = data.draw(matrices(inspire))
    blanked = frame.copy()
    for n in range(1, 21):
        unimportant = (frame[f"s{n:02d}_important"] != 1).to_numpy()
        blanked.loc[unimportant, f"s{n:02d}_support"] = NAN
    pd.testing.assert_frame_equal(
        _scale_rows(score_wide(inspire, frame), "support"),
        _scale_rows(score_wide(inspire, blanked), "support"),
    )


# --------------------------------------------------------------------------- (c) reverse keys


def _without_reverse(instrument: Instrument, item_id: str) -> Instrument:
    items = [
        item.model_copy(update={"reverse": False}) if item.id == item_id else item
        for item in instrument.items
    ]
    copy = instrument.model_copy(update={"items": items})
    assert copy.item(item_id).reverse is False
    assert instrument.item(item_id).reverse is True
    return copy


def _mirror(column: pd.Series, low: float, high: float) -> pd.Series:
    """low + high - v for valid answers; blanks and missing-codes left as they are."""
    valid = column.between(low, high)
    return column.where(~valid, low + high - column)


@pytest.mark.parametrize(
    ("instrument_id", "item_id", "scale_id"),
    [
        ("staff-psw-survey", "adds_workload", "psw_value"),
        ("service-user-psw-survey", "hard_to_reach", "experience"),
    ],
)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_reverse_key_equals_mirrored_answer_on_unreversed_item(
    instruments, instrument_id, item_id, scale_id, data
):
    instrument = instruments[instrument_id]
    plain = _without_reverse(instrument, item_id)
    frame = data.draw(matrices(instrument))
    mirrored = frame.copy()
    mirrored[item_id] = _mirror(frame[item_id], 1, 5)  # 6 - v, "Don't know" (9) stays 9
    pd.testing.assert_frame_equal(
        _scale_rows(score_wide(instrument, frame), scale_id),
        _scale_rows(score_wide(plain, mirrored), scale_id),
    )


@PROPERTY_SETTINGS
@given(data=st.data())
def test_psw_value_mirroring_every_answer_mirrors_the_score(instruments, data):
    # mean(6 - v) = 6 - mean(v), so (6 - m - 1) * 25 = 100 - (m - 1) * 25
    staff = instruments["staff-psw-survey"]
    frame = data.draw(matrices(staff))
    mirrored = frame.copy()
    for item_id in PSW_VALUE_ITEMS:
        mirrored[item_id] = _mirror(frame[item_id], 1, 5)
    before = _scale_rows(score_wide(staff, frame), "psw_value")
    after = _scale_rows(score_wide(staff, mirrored), "psw_value")
    pd.testing.assert_frame_equal(before.drop(columns="score"), after.drop(columns="score"))
    np.testing.assert_allclose(after["score"], 100 - before["score"], atol=1e-9)


TINY = """\
    id: {id}
    version: "1"
    title: Tiny
    respondent_group: any
    licence: {{name: test, wording: included}}
    option_sets:
      r04:
        - {{code: 0, label: "0"}}
        - {{code: 1, label: "1"}}
        - {{code: 2, label: "2"}}
        - {{code: 3, label: "3"}}
        - {{code: 4, label: "4"}}
        - {{code: 8, label: Not applicable, missing: true}}
    items:
      - {{id: a, type: likert, options: r04, reverse: {reverse}, text: A}}
      - {{id: b, type: likert, options: r04, text: B}}
    scales:
      - {{id: mean_ab, title: Mean, items: [a, b], multiplier: 25, min_answered: 1}}
      - {{id: sum_ab, title: Sum, items: [a, b], method: sum, multiplier: 10, min_answered: 1}}
"""


class _Pair(tuple):
    """Two instruments with a short repr, so that failing examples stay readable."""

    def __repr__(self) -> str:
        return f"<instruments {[i.id for i in self]}>"


@pytest.fixture(scope="module")
def tiny_pair(tmp_path_factory) -> tuple[Instrument, Instrument]:
    folder: Path = tmp_path_factory.mktemp("tiny")
    loaded = []
    for name, reverse in (("tiny-reversed", "true"), ("tiny-plain", "false")):
        path = folder / f"{name}.yaml"
        path.write_text(dedent(TINY).format(id=name, reverse=reverse), encoding="utf-8")
        loaded.append(load_instrument(path))
    assert loaded[0].item("a").reverse and not loaded[1].item("a").reverse
    return _Pair(loaded)


@PROPERTY_SETTINGS
@given(data=st.data())
def test_tiny_yaml_reverse_item_equals_mirrored_plain_item(tiny_pair, data):
    reversed_, plain = tiny_pair
    frame = data.draw(matrices(reversed_))
    mirrored = frame.copy()
    mirrored["a"] = _mirror(frame["a"], 0, 4)  # 4 - v; 8 ("Not applicable") stays
    left = score_wide(reversed_, frame).drop(columns="instrument")
    right = score_wide(plain, mirrored).drop(columns="instrument")
    pd.testing.assert_frame_equal(left, right)


def test_tiny_yaml_hand_worked(tiny_pair):
    reversed_, _ = tiny_pair
    frame = pd.DataFrame(
        {"a": [1.0, 8.0, NAN], "b": [3.0, 2.0, NAN]},
        index=pd.Index(["x", "y", "z"], name="response_id"),
    )
    scores = score_wide(reversed_, frame).set_index(["scale", "response_id"])
    # x: a = 1 reversed -> 4 - 1 = 3, b = 3 -> mean 3 -> 75; sum 6 -> 60
    assert scores.loc[("mean_ab", "x"), "score"] == pytest.approx(75.0)
    assert scores.loc[("sum_ab", "x"), "score"] == pytest.approx(60.0)
    # y: a = 8 (not applicable) dropped, b = 2 -> mean 2 -> 50; sum prorated 2 * 2 items = 4 -> 40
    assert scores.loc[("mean_ab", "y"), "score"] == pytest.approx(50.0)
    assert scores.loc[("sum_ab", "y"), "score"] == pytest.approx(40.0)
    # z: nothing answered
    assert scores.loc[("sum_ab", "z"), "reason"] == "no items answered"


# --------------------------------------------------------------------------- (d) vectorised


@PROPERTY_SETTINGS
@given(data=st.data())
def test_scoring_together_equals_scoring_each_response_alone(instruments, data):
    instrument = instruments[data.draw(st.sampled_from(sorted(SCORED_INSTRUMENTS)))]
    frame = data.draw(matrices(instrument, max_rows=6))
    together = score_wide(instrument, frame)
    alone = pd.concat(
        [score_wide(instrument, frame.iloc[[n]]) for n in range(len(frame))], ignore_index=True
    )
    key = ["scale", "response_id"]
    order = {s.id: n for n, s in enumerate(instrument.scales)}
    together = together.sort_values(key, key=lambda c: c.map(order) if c.name == "scale" else c)
    alone = alone.sort_values(key, key=lambda c: c.map(order) if c.name == "scale" else c)
    pd.testing.assert_frame_equal(together.reset_index(drop=True), alone.reset_index(drop=True))


@PROPERTY_SETTINGS
@given(data=st.data())
def test_row_order_does_not_matter(instruments, data):
    instrument, frame = _instrument_and_matrix(instruments, data)
    permutation = data.draw(st.permutations(range(len(frame))))
    shuffled = frame.iloc[list(permutation)]
    a = score_wide(instrument, frame).sort_values(["scale", "response_id"])
    b = score_wide(instrument, shuffled).sort_values(["scale", "response_id"])
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True))
