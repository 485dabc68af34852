"""Analysis: summaries of respondents, items, scales and themes, and disclosure control."""

from .disclosure import DisclosurePolicy
from .summaries import item_distributions, respondent_counts, scale_summaries, theme_prevalence

__all__ = [
    "DisclosurePolicy",
    "item_distributions",
    "respondent_counts",
    "scale_summaries",
    "theme_prevalence",
]
