"""Analysis: summaries of respondents, items and scales (themes are counted by
:mod:`peerval.qual.themes`; disclosure control is :mod:`peerval.disclosure`)."""

from .summaries import item_distributions, respondent_counts, scale_summaries

__all__ = [
    "item_distributions",
    "respondent_counts",
    "scale_summaries",
]
