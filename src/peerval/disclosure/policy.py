"""Disclosure control: no published count or statistic for a group smaller than a threshold.

Two rules:

``threshold`` (default threshold :data:`DEFAULT_THRESHOLD`, never below
:data:`LOWEST_THRESHOLD`)
    counts from 1 to threshold-1 are hidden; zero is shown. Secondary suppression then
    hides the next smallest cells until the hidden cells add up to at least the threshold
    and at least two cells are hidden, so that no hidden cell can be recovered from a total.
``nhs_1_7``
    NHS Digital's rule: counts 1 to 7 are hidden and every other count is rounded to the
    nearest 5 (with the same secondary suppression).

``mode="internal"`` shows everything and every output says so. It is the only way to see a
group smaller than :data:`LOWEST_THRESHOLD`: a published threshold below it is refused, by
the command line and by the web app alike, because both read the range from here.

>>> policy = DisclosurePolicy()
>>> policy.protect_counts([16, 12, 6, 2, 1, 1])
[16, 12, None, None, None, None]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from peerval.errors import PeervalError

__all__ = ["DEFAULT_THRESHOLD", "HIGHEST_THRESHOLD", "LOWEST_THRESHOLD", "DisclosurePolicy"]

#: The smallest group shown when nothing else is chosen.
DEFAULT_THRESHOLD = 5
#: No published output shows a group smaller than this (only the internal mode does).
LOWEST_THRESHOLD = DEFAULT_THRESHOLD
#: A threshold above this would hide nearly every group of a Trust's survey.
HIGHEST_THRESHOLD = 100


@dataclass(frozen=True)
class DisclosurePolicy:
    """How outputs are protected."""

    mode: Literal["publish", "internal"] = "publish"
    rule: Literal["threshold", "nhs_1_7"] = "threshold"
    threshold: int = DEFAULT_THRESHOLD

    def __post_init__(self) -> None:
        if self.mode not in ("publish", "internal"):
            raise PeervalError(f"unknown disclosure mode {self.mode!r} (publish or internal)")
        if self.rule not in ("threshold", "nhs_1_7"):
            raise PeervalError(f"unknown disclosure rule {self.rule!r} (threshold or nhs_1_7)")
        if not LOWEST_THRESHOLD <= self.threshold <= HIGHEST_THRESHOLD:
            raise PeervalError(
                f"disclosure threshold must be {LOWEST_THRESHOLD} to {HIGHEST_THRESHOLD}, "
                f"not {self.threshold} (smaller groups are shown only in the internal mode)"
            )

    @property
    def minimum(self) -> int:
        """The smallest count that may be shown (other than zero)."""
        return 8 if self.rule == "nhs_1_7" else self.threshold

    def hides(self, n: int) -> bool:
        """True when a group of this size must not be shown on its own."""
        return self.mode == "publish" and 0 < n < self.minimum

    def shown_count(self, n: int) -> int:
        """A count as published (rounded under the NHS rule)."""
        if self.mode == "publish" and self.rule == "nhs_1_7":
            return int(5 * round(n / 5))
        return n

    def protect_counts(self, counts: Sequence[int]) -> list[int | None]:
        """Counts of one breakdown with primary and secondary suppression (None = hidden)."""
        counts = [int(c) for c in counts]
        if self.mode == "internal":
            return list(counts)
        hidden = {i for i, c in enumerate(counts) if self.hides(c)}
        while hidden:
            total_hidden = sum(counts[i] for i in hidden)
            if len(hidden) >= 2 and total_hidden >= self.minimum:
                break
            visible = [i for i, c in enumerate(counts) if i not in hidden and c > 0]
            if not visible:
                break
            hidden.add(min(visible, key=lambda i: counts[i]))
        return [None if i in hidden else self.shown_count(c) for i, c in enumerate(counts)]

    def describe(self) -> str:
        """The policy in one sentence, for reports."""
        if self.mode == "internal":
            return (
                "INTERNAL: disclosure control is off; small groups are shown. "
                "Do not publish or share outside the evaluation team."
            )
        if self.rule == "nhs_1_7":
            return (
                "Counts from 1 to 7 are hidden and other counts are rounded to the nearest 5 "
                "(NHS Digital's rule); further cells are hidden where a hidden count could "
                "be worked out from a total; statistics for groups under 8 are not shown."
            )
        return (
            f"Counts from 1 to {self.threshold - 1} are hidden; further cells are hidden "
            "where a hidden count could be worked out from a total; statistics for groups "
            f"under {self.threshold} are not shown."
        )

    def to_dict(self) -> dict[str, object]:
        """The policy for results.json."""
        return {
            "mode": self.mode,
            "rule": self.rule,
            "threshold": self.minimum,
            "description": self.describe(),
        }
