"""The response contract: one tidy long table of answers plus a table of respondents.

``answers`` has one row per answer (a multiple-choice item has one row per chosen option):

=================== ===========================================================
column              meaning
=================== ===========================================================
response_id         one completed questionnaire; unique within its instrument
wave                the collection round, such as ``"2026"``
instrument          instrument id
instrument_version  instrument version
respondent_group    ``service_user`` or ``staff``
item_id             stable across waves
value               numeric answer: an option code or a number (NaN for text)
text                free-text and date answers (ISO 8601), else missing
=================== ===========================================================

``respondents`` has one row per response: ``response_id``, ``respondent_id`` (the
person, shared by the several questionnaires one person completes), ``wave``,
``respondent_group``, ``instrument``, ``mode`` (``online``, ``paper``, ``import``,
``demo``) and one column per respondent attribute (``profession``, ``care_group``...).

Wide views are derived with :func:`to_wide`; nothing is stored wide.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from peerval.errors import DataError
from peerval.instruments.schema import Instrument

__all__ = ["ANSWER_COLUMNS", "RESPONDENT_COLUMNS", "ResponseSet", "to_wide"]

ANSWER_COLUMNS = (
    "response_id",
    "wave",
    "instrument",
    "instrument_version",
    "respondent_group",
    "item_id",
    "value",
    "text",
)
RESPONDENT_COLUMNS = (
    "response_id",
    "respondent_id",
    "wave",
    "respondent_group",
    "instrument",
    "mode",
)


@dataclass
class ResponseSet:
    """Answers and respondents for one or more instruments and waves."""

    answers: pd.DataFrame
    respondents: pd.DataFrame

    def __post_init__(self) -> None:
        missing = [c for c in ANSWER_COLUMNS if c not in self.answers.columns]
        if missing:
            raise DataError(f"answers table lacks columns: {', '.join(missing)}")
        missing = [c for c in RESPONDENT_COLUMNS if c not in self.respondents.columns]
        if missing:
            raise DataError(f"respondents table lacks columns: {', '.join(missing)}")
        repeated = self.respondents.duplicated(["instrument", "response_id"])
        if repeated.any():
            first = self.respondents.loc[repeated.idxmax()]
            raise DataError(
                f"response id {first['response_id']!r} of {first['instrument']!r} appears more "
                "than once; give each response its own id (for example, a response_id column)"
            )

    def in_wave(self, wave: str) -> ResponseSet:
        """The responses of one wave."""
        answers = self.answers[self.answers["wave"].astype(str) == str(wave)]
        respondents = self.respondents[self.respondents["wave"].astype(str) == str(wave)]
        return ResponseSet(answers.reset_index(drop=True), respondents.reset_index(drop=True))

    @staticmethod
    def concat(parts: list[ResponseSet]) -> ResponseSet:
        """Several sets as one."""
        return ResponseSet(
            pd.concat([p.answers for p in parts], ignore_index=True),
            pd.concat([p.respondents for p in parts], ignore_index=True),
        )


def to_wide(
    answers: pd.DataFrame,
    instrument: Instrument,
    response_ids: pd.Index | None = None,
) -> pd.DataFrame:
    """Numeric answers as a response x item table (float, NaN where unanswered).

    Only single-valued numeric items are included (multiple-choice, free-text and date items
    are left out). Built with ``factorize`` and one NumPy assignment rather than a pivot, so
    that millions of answers take a fraction of a second. A response that answers the same
    single-valued item twice is an error.
    """
    single = [i.id for i in instrument.items if i.type not in ("multi_choice", "free_text", "date")]
    item_codes = {item_id: n for n, item_id in enumerate(single)}
    if response_ids is None:
        response_ids = pd.Index(pd.unique(answers["response_id"]), name="response_id")
    col = answers["item_id"].map(item_codes)
    keep = col.notna().to_numpy()
    rows = response_ids.get_indexer(answers["response_id"].to_numpy()[keep])
    cols = col.to_numpy()[keep].astype(np.int64)
    values = pd.to_numeric(answers["value"].to_numpy()[keep], errors="coerce").astype(float)
    known = rows >= 0
    rows, cols, values = rows[known], cols[known], values[known]
    flat = rows * len(single) + cols
    if len(flat) and np.bincount(flat).max() > 1:
        raise DataError("a response answers the same single-answer item more than once")
    matrix = np.full((len(response_ids), len(single)), np.nan)
    matrix.ravel()[flat] = values
    return pd.DataFrame(matrix, index=response_ids, columns=pd.Index(single, name="item_id"))
