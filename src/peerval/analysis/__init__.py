"""Analysis: summaries of respondents, items, scales and themes (disclosure control is
:mod:`peerval.disclosure`)."""

from .summaries import item_distributions, respondent_counts, scale_summaries, theme_prevalence

__all__ = [
    "item_distributions",
    "respondent_counts",
    "scale_summaries",
    "theme_prevalence",
]
