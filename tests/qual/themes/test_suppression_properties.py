"""Property: no published cell is small, and hidden cells never stand alone in a theme."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from peerval.disclosure import LOWEST_THRESHOLD, DisclosurePolicy
from peerval.qual.themes import ThemeMap, prevalence_by_group, theme_counts

from .helpers import frames

THEMES = ThemeMap.from_dict(
    {
        "themes": [
            {"id": "a", "name": "A", "codes": ["a"]},
            {"id": "b", "name": "B", "codes": ["b"]},
            {"id": "c", "name": "C", "codes": ["c"], "parent": "a"},
        ]
    }
)


@st.composite
def groups(draw: st.DrawFn) -> dict[str, tuple[int, dict[str, int]]]:
    cells = {}
    for g in range(draw(st.integers(1, 5))):
        size = draw(st.integers(1, 25))
        cells[f"g{g}"] = (size, {k: draw(st.integers(0, size)) for k in "abc"})
    return cells


@settings(max_examples=60, deadline=None)
@given(
    cells=groups(),
    rule=st.sampled_from(["threshold", "nhs_1_7"]),
    threshold=st.integers(LOWEST_THRESHOLD, 12),
)
def test_published_cells_meet_the_policy(
    cells: dict[str, tuple[int, dict[str, int]]], rule: str, threshold: int
) -> None:
    policy = DisclosurePolicy(rule=rule, threshold=threshold)
    documents, codings = frames(cells)
    true = theme_counts(codings, documents, THEMES)
    shown = prevalence_by_group(codings, documents, THEMES, policy=policy)
    for column in ("n_documents", "n_documents_in_group"):
        values = shown[column].dropna()
        assert not ((values > 0) & (values < policy.minimum)).any()
    assert (shown["suppressed"] == shown["n_documents"].isna()).all()
    for _, sub in shown.assign(real=true["n_documents"]).groupby("theme_id"):
        hidden = sub[sub["suppressed"]]
        if hidden.empty or len(cells) == 1:
            continue
        # what the hidden cells add up to may be worked out from the theme's total: it is
        # zero (as a shown zero would be), or big enough and spread over two cells or more,
        # or nothing is left that could be hidden
        nothing_left_to_hide = (sub.loc[~sub["suppressed"], "real"] == 0).all()
        total = hidden["real"].sum()
        assert total == 0 or nothing_left_to_hide or (len(hidden) >= 2 and total >= policy.minimum)
    # a hidden group is hidden in every theme
    hidden_groups = set(shown.loc[shown["n_documents_in_group"].isna(), "respondent_group"])
    in_those = shown[shown["respondent_group"].isin(hidden_groups)]
    assert in_those["suppressed"].all()
    assert pd.api.types.is_bool_dtype(shown["suppressed"])
