"""Getting free text ready for theme discovery: non-answers out, repeats merged, counts kept.

A comment is a *non-answer* when it says nothing: blank, made only of punctuation, digits or
symbols (no letter at all), or one of the stock phrases matched by
:data:`peerval.analysis.summaries.NON_ANSWER_PATTERN` ("n/a", "none", "no", "nothing",
"no comment", "did not answer"...) or by :data:`EXTRA_NON_ANSWER_PATTERN` ("nil",
"not applicable", "no thanks"...).

Repeated comments are merged on a *normalised key*: case folded, every run of punctuation
and spaces made one space. The merged comment keeps the wording of its first occurrence,
how many comments it stands for, and all their ids, so that a comment written by fifty people
weighs fifty times in clustering and counts fifty times in a theme's size.

>>> prepared = prepare_texts(["Kind staff.", "kind   staff", "N/A", "", "The food was cold"])
>>> prepared.texts
('Kind staff.', 'The food was cold')
>>> prepared.counts.tolist(), prepared.non_answer_ids
([2, 1], (2, 3))
"""

from __future__ import annotations

import math
import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from peerval.analysis.summaries import NON_ANSWER_PATTERN

from .errors import DiscoveryError

__all__ = [
    "EXTRA_NON_ANSWER_PATTERN",
    "PreparedTexts",
    "is_non_answer",
    "normalise",
    "prepare_texts",
]

#: stock phrases that say nothing, beyond those of ``NON_ANSWER_PATTERN`` (matched lower case)
EXTRA_NON_ANSWER_PATTERN = (
    r"^\W*(nil|nope|not applicable|no thanks?( you)?|none at all|nothing at all|"
    r"nothing to (say|add|report|comment)|no comments? to (make|add)|no answer|not answered|"
    r"no response|no reply|blank)\W*$"
)

_NON_ANSWER_RE = re.compile(f"(?:{NON_ANSWER_PATTERN})|(?:{EXTRA_NON_ANSWER_PATTERN})")
_LETTER_RE = re.compile(r"[^\W\d_]")
_NOT_WORD_RE = re.compile(r"[\W_]+")


def is_non_answer(text: object) -> bool:
    """Whether a comment says nothing (missing, blank, no letters, or a stock phrase).

    >>> [is_non_answer(t) for t in ["Nothing.", "nil", "?!", "Not applicable", "Kind staff"]]
    [True, True, True, True, False]
    """
    if _is_missing(text):
        return True
    value = str(text).strip().lower()
    return not _LETTER_RE.search(value) or bool(_NON_ANSWER_RE.match(value))


def normalise(text: str) -> str:
    """The key two comments share when they differ only in case, spacing or punctuation."""
    return _NOT_WORD_RE.sub(" ", text.casefold()).strip()


@dataclass(frozen=True)
class PreparedTexts:
    """Distinct substantive comments, with how many comments each stands for and their ids."""

    texts: tuple[str, ...]  # the first wording of each distinct comment
    counts: np.ndarray  # how many comments each distinct text stands for (int64)
    member_ids: tuple[tuple[Hashable, ...], ...]  # the ids of those comments
    non_answer_ids: tuple[Hashable, ...]  # ids of the comments dropped as non-answers
    n_comments: int  # every comment given, non-answers included

    @property
    def n_non_answers(self) -> int:
        """How many comments were dropped as non-answers."""
        return len(self.non_answer_ids)

    @property
    def n_substantive(self) -> int:
        """How many comments say something (repeats included)."""
        return self.n_comments - self.n_non_answers

    @property
    def n_distinct(self) -> int:
        """How many different substantive comments there are once repeats are merged."""
        return len(self.texts)


def prepare_texts(
    texts: Iterable[object] | pd.Series, ids: Iterable[Hashable] | None = None
) -> PreparedTexts:
    """Drop non-answers and merge repeats of ``texts``.

    ``ids`` name the comments (any hashable values, all different); without them a pandas
    Series is named by its index and anything else by position (0, 1, 2...). Missing values
    (None, NaN) are non-answers; other values that are not strings are read as text.
    """
    if isinstance(texts, str):
        raise DiscoveryError("texts must be a collection of comments, not a single string")
    values = texts.tolist() if isinstance(texts, pd.Series) else list(texts)
    if ids is not None:
        if isinstance(ids, str):
            raise DiscoveryError("ids must be a collection of ids, not a single string")
        names = list(ids)
    elif isinstance(texts, pd.Series):
        names = texts.index.tolist()
    else:
        names = list(range(len(values)))
    if len(names) != len(values):
        raise DiscoveryError(f"{len(values)} comments were given with {len(names)} ids")
    try:
        unique_names = len(set(names))
    except TypeError as error:
        raise DiscoveryError(f"comment ids must be hashable: {error}") from None
    if unique_names != len(names):
        raise DiscoveryError("comment ids must all be different")

    non_answer_ids: list[Hashable] = []
    order: dict[str, int] = {}
    first_texts: list[str] = []
    members: list[list[Hashable]] = []
    for name, value in zip(names, values, strict=True):
        if is_non_answer(value):
            non_answer_ids.append(name)
            continue
        text = str(value).strip()
        key = normalise(text)
        slot = order.get(key)
        if slot is None:
            order[key] = len(first_texts)
            first_texts.append(text)
            members.append([name])
        else:
            members[slot].append(name)
    return PreparedTexts(
        texts=tuple(first_texts),
        counts=np.array([len(m) for m in members], dtype=np.int64),
        member_ids=tuple(tuple(m) for m in members),
        non_answer_ids=tuple(non_answer_ids),
        n_comments=len(values),
    )


def _is_missing(value: object) -> bool:
    """None, NaN and pandas' missing markers."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)
