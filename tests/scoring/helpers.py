"""Helpers to build wide and long answer tables for the scoring tests."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from peerval.instruments.schema import Instrument

#: the built-in instruments that have scales, and their scale ids
SCORED_INSTRUMENTS = {
    "inspire": ("support", "relationship"),
    "brief-inspire": ("brief_inspire",),
    "staff-psw-survey": ("psw_value", "want_more"),
    "service-user-psw-survey": ("experience",),
}

PSW_VALUE_ITEMS = (
    "valued_member",
    "distinct_contribution",
    "understand_role",
    "adds_workload",
    "helps_recovery",
    "improves_engagement",
    "builds_hope",
)
EXPERIENCE_ITEMS = (
    "listens",
    "understands",
    "not_judged",
    "hard_to_reach",
    "helps_goals",
    "gives_hope",
    "practical_help",
    "feel_supported",
)
RELATIONSHIP_ITEMS = tuple(f"r{n:02d}" for n in range(1, 8))
BRIEF_ITEMS = ("b1", "b2", "b3", "b4", "b5")


def single_items(instrument: Instrument) -> list[str]:
    """The item ids that to_wide gives a column (single-valued, numeric)."""
    return [i.id for i in instrument.items if i.type not in ("multi_choice", "free_text", "date")]


def scale_items(instrument: Instrument) -> list[str]:
    """Every item a scale needs (scored items and gates), in instrument order."""
    needed = {e.item for s in instrument.scales for e in s.items}
    needed |= {e.gate for s in instrument.scales for e in s.items if e.gate}
    return [i.id for i in instrument.items if i.id in needed]


def wide(
    instrument: Instrument,
    rows: Mapping[str, Mapping[str, float]],
    columns: list[str] | None = None,
) -> pd.DataFrame:
    """A response x item table: every single-valued item a column, NaN unless given."""
    columns = columns if columns is not None else single_items(instrument)
    frame = pd.DataFrame(
        np.nan,
        index=pd.Index(list(rows), name="response_id"),
        columns=pd.Index(columns, name="item_id"),
    )
    for response_id, answers in rows.items():
        for item_id, value in answers.items():
            assert item_id in frame.columns, item_id
            frame.loc[response_id, item_id] = value
    return frame


def long_from_wide(
    instrument: Instrument,
    frame: pd.DataFrame,
    *,
    wave: str = "2026",
    group: str | None = None,
) -> pd.DataFrame:
    """The tidy long answers table with one row per non-missing cell of a wide table."""
    group = group or (
        instrument.respondent_group if instrument.respondent_group != "any" else "service_user"
    )
    stacked = frame.stack(future_stack=True).dropna()
    response_ids = stacked.index.get_level_values(0)
    item_ids = stacked.index.get_level_values(1)
    return pd.DataFrame(
        {
            "response_id": list(response_ids),
            "wave": wave,
            "instrument": instrument.id,
            "instrument_version": instrument.version,
            "respondent_group": group,
            "item_id": list(item_ids),
            "value": stacked.to_numpy(dtype=float),
            "text": None,
        }
    )


def one(scores: pd.DataFrame, response_id: str, scale: str) -> pd.Series:
    """The single score row for one response and scale."""
    rows = scores[(scores["response_id"] == response_id) & (scores["scale"] == scale)]
    assert len(rows) == 1, rows
    return rows.iloc[0]
