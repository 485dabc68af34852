"""Small counts are hidden, and a second cell is hidden so the first cannot be worked out.

Uses :class:`peerval.disclosure.DisclosurePolicy` (threshold 5 by default).
"""

from __future__ import annotations

import pandas as pd
import pytest

from peerval.disclosure import DisclosurePolicy
from peerval.qual.themes import ThemeMap, prevalence_by_group

from .helpers import frames

THEMES = ThemeMap.from_dict({"themes": [{"id": "empathy", "name": "Empathy", "codes": ["e"]}]})


def test_a_count_of_three_is_hidden_and_the_next_smallest_cell_with_it() -> None:
    documents, codings = frames(
        {"nurse": (16, {"e": 10}), "healthcare assistant": (12, {"e": 3}), "ot": (6, {"e": 5})}
    )
    table = prevalence_by_group(codings, documents, THEMES).set_index("respondent_group")
    assert table.loc["nurse", "n_documents"] == 10
    assert table.loc["nurse", "percent_documents"] == pytest.approx(62.5)
    # 3 is under the threshold; 5 is hidden too, or 3 = 18 - 10 - 5 could be worked out
    for group in ("healthcare assistant", "ot"):
        assert pd.isna(table.loc[group, "n_documents"])
        assert pd.isna(table.loc[group, "percent_documents"])
        assert table.loc[group, "suppressed"]
    assert not table.loc["nurse", "suppressed"]
    # the group sizes are all large enough to be shown
    assert table["n_documents_in_group"].tolist() == [12, 16, 6]


def test_a_small_group_hides_its_cells_and_the_next_smallest_group() -> None:
    documents, codings = frames(
        {"nurse": (16, {"e": 9}), "ot": (6, {"e": 6}), "social worker": (2, {"e": 2})}
    )
    table = prevalence_by_group(codings, documents, THEMES).set_index("respondent_group")
    # two people are too few; six is hidden as well so that two cannot be worked out
    for group in ("ot", "social worker"):
        row = table.loc[group]
        assert pd.isna(row["n_documents"]) and pd.isna(row["n_documents_in_group"])
        assert row["suppressed"]
    assert table.loc["nurse", "n_documents"] == 9


def test_zero_is_shown_and_internal_mode_shows_everything() -> None:
    documents, codings = frames({"nurse": (16, {"e": 0}), "ot": (6, {"e": 2})})
    published = prevalence_by_group(codings, documents, THEMES).set_index("respondent_group")
    assert published.loc["nurse", "n_documents"] == 0
    assert pd.isna(published.loc["ot", "n_documents"])
    internal = prevalence_by_group(
        codings, documents, THEMES, policy=DisclosurePolicy(mode="internal")
    ).set_index("respondent_group")
    assert internal.loc["ot", "n_documents"] == 2
    assert not internal["suppressed"].any()


def test_nhs_rule_rounds_to_five_and_percent_uses_the_rounded_counts() -> None:
    documents, codings = frames({"nurse": (23, {"e": 12}), "ot": (18, {"e": 9})})
    table = prevalence_by_group(
        codings, documents, THEMES, policy=DisclosurePolicy(rule="nhs_1_7")
    ).set_index("respondent_group")
    assert table["n_documents"].tolist() == [10, 10]
    assert table["n_documents_in_group"].tolist() == [25, 20]
    # 100 * 10 / 25 and 100 * 10 / 20, not 100 * 12 / 23 and 100 * 9 / 18
    assert table["percent_documents"].tolist() == pytest.approx([40.0, 50.0])


def test_nhs_rule_hides_counts_up_to_seven() -> None:
    documents, codings = frames({"nurse": (23, {"e": 12}), "ot": (18, {"e": 7})})
    table = prevalence_by_group(codings, documents, THEMES, policy=DisclosurePolicy(rule="nhs_1_7"))
    # 7 is hidden, and 12 with it: the total would give it away
    assert table["suppressed"].all()
