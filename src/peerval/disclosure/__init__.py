"""Disclosure control: what may be published, in one place.

``policy``
    :class:`DisclosurePolicy` (threshold or NHS 1-7 rule, secondary suppression, internal
    mode) and the one default threshold and allowed range that the command line and the web
    app both use.
``tables``
    the Likert, FFT, domain, comparison, change and parallel-item tables as results.json
    carries them, with what the policy hides taken out; a breakdown's small values merged
    into Other.
``sections``
    the respondent profile, items, scales, theme prevalence and free-text counts.
``rows``
    row-level exports (long, wide, codebook), protected row by row.
``consent``
    consent to be quoted: only an explicit yes.

What is protected, and why, is recorded in docs/adr/0004.
"""

from peerval.disclosure.policy import (
    DEFAULT_THRESHOLD,
    HIGHEST_THRESHOLD,
    LOWEST_THRESHOLD,
    DisclosurePolicy,
)

__all__ = ["DEFAULT_THRESHOLD", "HIGHEST_THRESHOLD", "LOWEST_THRESHOLD", "DisclosurePolicy"]
