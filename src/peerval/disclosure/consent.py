"""Consent to be quoted: only an explicit yes is consent.

Every place that decides whether a person's words may appear in an output reads the answer
to ``may_quote`` here. A "No", "Not stated", a missing answer, a question that was never
asked, or a person with no answer recorded all mean the words are not quoted.

>>> [may_quote(v) for v in ("Yes", "y", True, 1, "No", "Not stated", None)]
[True, True, True, True, False, False, False]
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import numpy as np
import pandas as pd

from peerval.errors import DataError

__all__ = ["consent_by_person", "may_quote", "may_quote_column"]

#: answers read as consent, and as no consent (case and surrounding space do not matter)
YES = frozenset({"yes", "y", "true", "1"})
NO = frozenset({"no", "n", "false", "0", "not stated"})


def may_quote(value: object, *, who: object = None) -> bool:
    """True only for an explicit yes; an answer that is neither yes nor no is an error."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):  # type: ignore[arg-type]
        return False
    if isinstance(value, bool | int | float) and value in (0, 1):
        word = str(int(value))
    else:
        word = str(value).strip().lower()
    if word in YES:
        return True
    if word in NO or word == "":
        return False
    whose = "" if who is None else f" for {_plain(who)!r}"
    raise DataError(f"may_quote{whose} is {_plain(value)!r}: say yes or no")


def may_quote_column(values: pd.Series) -> pd.Series:
    """:func:`may_quote` for each value of a column, as booleans."""
    return pd.Series([may_quote(v) for v in values], index=values.index, dtype=bool)


def consent_by_person(people: Iterable[tuple[Hashable, object]]) -> dict[Hashable, bool]:
    """Each person's consent from (person, answer) pairs; two different answers are an error."""
    consent: dict[Hashable, bool] = {}
    for who, value in people:
        agreed = may_quote(value, who=who)
        if consent.get(who, agreed) != agreed:
            raise DataError(f"{_plain(who)!r} is listed twice with different answers to may_quote")
        consent[who] = agreed
    return consent


def _plain(value: object) -> object:
    """A NumPy scalar as the Python value it holds, for messages."""
    return value.item() if isinstance(value, np.generic) else value
