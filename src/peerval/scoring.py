"""The declarative scoring engine: an instrument's ``scales`` applied to all responses at once.

For each scale and each response::

    eligible  = items whose gate (if any) has a gate code     (all items when ungated)
    answered  = eligible items with a non-missing answer
    score     = (mean or sum of answered values + offset) * multiplier

Reverse-keyed items are inverted first (``low + high - value``); answers whose option is
marked ``missing`` ("Don't know") count as unanswered. A response is *not scorable*, with
the reason recorded, when no item is eligible, or fewer than ``min_answered`` eligible items
are answered (default: all of them). A ``sum`` scale with some items unanswered is prorated.

Everything is NumPy over the response x item matrix: there is no Python loop per response.

>>> import pandas as pd
>>> from peerval.instruments import get_instrument
>>> brief = get_instrument("brief-inspire")
>>> wide = pd.DataFrame({"b1": [4, 2], "b2": [4, 2], "b3": [4, None], "b4": [4, 2], "b5": [4, 2]},
...                     index=pd.Index(["r1", "r2"], name="response_id"))
>>> score_wide(brief, wide)[["response_id", "score", "status"]]
  response_id  score        status
0          r1  100.0        scored
1          r2    NaN  not_scorable
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from peerval.errors import ScoringError
from peerval.instruments.schema import Instrument, Scale
from peerval.responses import ResponseSet, to_wide

__all__ = [
    "REASON_CODES",
    "SCORE_COLUMNS",
    "score",
    "score_responses",
    "score_wide",
    "scores_to_wide",
]

SCORE_COLUMNS = (
    "response_id",
    "instrument",
    "instrument_version",
    "scale",
    "score",
    "n_answered",
    "n_eligible",
    "status",
    "reason_code",
    "reason",
)
#: why a response is not scorable, as a stable code (``reason`` says it in words)
REASON_CODES = {
    "no_item_important": "no item marked as important",
    "no_items_answered": "no items answered",
    "too_few_answered": "fewer items answered than the scale needs",
}


def score(
    answers: pd.DataFrame, instrument: Instrument, response_ids: pd.Index | None = None
) -> pd.DataFrame:
    """Score the tidy long answers of one instrument. Returns one row per response and scale.

    ``response_ids`` lists the responses to score, in order (by default those with answers);
    a listed response with no answers at all is reported as not scorable.
    """
    if not instrument.scales:
        raise ScoringError(f"{instrument.id} has no scales to score")
    mine = answers[answers["instrument"] == instrument.id] if "instrument" in answers else answers
    return score_wide(instrument, to_wide(mine, instrument, response_ids))


def score_responses(responses: ResponseSet, instrument: Instrument) -> pd.DataFrame:
    """Score every response to one instrument in a set, in the set's order."""
    respondents = responses.respondents
    ids = respondents.loc[respondents["instrument"] == instrument.id, "response_id"]
    return score(responses.answers, instrument, pd.Index(ids.to_numpy(), name="response_id"))


def score_wide(instrument: Instrument, wide: pd.DataFrame) -> pd.DataFrame:
    """Score a response x item table (index: response ids; columns: item ids; option codes)."""
    matrix = _clean_matrix(instrument, wide)
    columns = {item_id: n for n, item_id in enumerate(wide.columns)}
    parts = [
        _score_scale(instrument, scale, matrix, columns, wide.index) for scale in instrument.scales
    ]
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in SCORE_COLUMNS})
    return pd.concat(parts, ignore_index=True)


def scores_to_wide(scores: pd.DataFrame) -> pd.DataFrame:
    """One row per response: a score column and a ``<scale>_reason`` column per scale."""
    order = pd.unique(scores["response_id"])  # keep the responses' own order
    value = scores.pivot(index="response_id", columns="scale", values="score").reindex(order)
    reason = scores.pivot(index="response_id", columns="scale", values="reason").reindex(order)
    reason.columns = [f"{c}_reason" for c in reason.columns]
    ordered: list[str] = []
    for scale in pd.unique(scores["scale"]):
        ordered += [scale, f"{scale}_reason"]
    return value.join(reason)[ordered].rename_axis("response_id").reset_index()


def _clean_matrix(instrument: Instrument, wide: pd.DataFrame) -> np.ndarray:
    """The answers as floats, with missing-codes turned into NaN and bad values rejected."""
    needed = {e.item for s in instrument.scales for e in s.items}
    needed |= {e.gate for s in instrument.scales for e in s.items if e.gate}
    absent = sorted(needed - set(wide.columns))
    if absent:
        raise ScoringError(
            f"{instrument.id}: no answers for items {', '.join(absent)} needed by its scales"
        )
    try:
        matrix = wide.to_numpy(dtype=float, na_value=np.nan, copy=True)
    except (TypeError, ValueError) as exc:
        raise ScoringError(f"{instrument.id}: answers must be numeric codes ({exc})") from None
    for item_id in needed:
        item = instrument.item(item_id)
        col = wide.columns.get_loc(item_id)
        values = matrix[:, col]
        present = ~np.isnan(values)
        if item.type == "number":
            low, high = instrument.value_range(item) or (-np.inf, np.inf)
            bad = present & ((values < low) | (values > high))
        else:
            options = instrument.options_for(item)
            bad = present & ~np.isin(values, [o.code for o in options])
            missing_codes = [o.code for o in options if o.missing]
            if missing_codes:
                values[np.isin(values, missing_codes)] = np.nan
        if bad.any():
            row = int(np.argmax(bad))
            first = wide.index[row]
            first = first.item() if hasattr(first, "item") else first
            raise ScoringError(
                f"{instrument.id}: item {item_id} has {int(bad.sum())} value(s) that are not "
                f"valid answers (first: response {first!r}, value {float(values[row]):g})"
            )
    return matrix


def _score_scale(
    instrument: Instrument,
    scale: Scale,
    matrix: np.ndarray,
    columns: dict[str, int],
    index: pd.Index,
) -> pd.DataFrame:
    values = matrix[:, [columns[e.item] for e in scale.items]].copy()
    for k, entry in enumerate(scale.items):
        item = instrument.item(entry.item)
        if item.reverse:
            low, high = instrument.value_range(item) or (0.0, 0.0)
            values[:, k] = low + high - values[:, k]

    gated = any(e.gate for e in scale.items)
    eligible = np.ones_like(values, dtype=bool)
    for k, entry in enumerate(scale.items):
        if entry.gate:
            eligible[:, k] = np.isin(matrix[:, columns[entry.gate]], scale.gate_codes)
    answered = eligible & ~np.isnan(values)
    n_eligible = eligible.sum(axis=1)
    n_answered = answered.sum(axis=1)
    required = (
        np.full(len(index), scale.min_answered) if scale.min_answered is not None else n_eligible
    )
    scorable = (n_eligible > 0) & (n_answered >= np.maximum(required, 1))

    total = np.where(answered, values, 0.0).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / n_answered
    if scale.method == "mean":
        aggregate = mean
    else:
        aggregate = np.where(n_answered == n_eligible, total, mean * n_eligible)
    result = np.where(scorable, (aggregate + scale.offset) * scale.multiplier, np.nan)

    reason_code, reason = _reasons(gated, scorable, n_eligible, n_answered, required)
    return pd.DataFrame(
        {
            "response_id": index.to_numpy(),
            "instrument": instrument.id,
            "instrument_version": instrument.version,
            "scale": scale.id,
            "score": result,
            "n_answered": n_answered,
            "n_eligible": n_eligible,
            "status": np.where(scorable, "scored", "not_scorable"),
            "reason_code": reason_code,
            "reason": reason,
        }
    )


def _reasons(
    gated: bool,
    scorable: np.ndarray,
    n_eligible: np.ndarray,
    n_answered: np.ndarray,
    required: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """A reason code and text for every not-scorable response (empty when scored), vectorised."""
    reason = np.full(len(scorable), "", dtype=object)
    code = np.full(len(scorable), "", dtype=object)
    none_eligible = ~scorable & (n_eligible == 0)  # only a gated scale can have none eligible
    reason[none_eligible] = REASON_CODES["no_item_important"]
    code[none_eligible] = "no_item_important"
    none_answered = ~scorable & ~none_eligible & (n_answered == 0)
    reason[none_answered] = REASON_CODES["no_items_answered"]
    code[none_answered] = "no_items_answered"
    too_few = ~scorable & ~none_eligible & ~none_answered
    code[too_few] = "too_few_answered"
    if too_few.any():
        counts = pd.Series(n_answered[too_few]).astype(str)
        of = pd.Series(n_eligible[too_few]).astype(str)
        need = pd.Series(np.maximum(required[too_few], 1)).astype(str)
        what = "important items" if gated else "items"
        reason[too_few] = (
            counts + " of " + of + f" {what} answered; at least " + need + " needed"
        ).to_numpy()
    return code, reason
