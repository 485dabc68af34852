"""A document with several codes of one theme counts once for that theme."""

from __future__ import annotations

import pandas as pd
import pytest

from peerval.qual.themes import ThemeMap, theme_counts

THEMES = ThemeMap.from_dict(
    {
        "themes": [
            {"id": "support", "name": "Support", "codes": ["listened", "practical", "calm"]},
            {"id": "time", "name": "Time with the PSW", "codes": ["more_time"]},
        ]
    }
)


def test_two_codes_of_support_in_one_document_count_one_document() -> None:
    codings = pd.DataFrame(
        {
            "document_id": ["a1", "a1", "a1", "a2", "a2"],
            "code": ["listened", "practical", "more_time", "calm", "calm"],
        }
    )
    documents = pd.DataFrame(
        {"document_id": ["a1", "a2", "a3", "a4"], "respondent_group": ["staff"] * 4}
    )
    table = theme_counts(codings, documents, THEMES).set_index("theme_id")
    assert table.loc["support", "n_documents"] == 2
    assert table.loc["time", "n_documents"] == 1
    assert table.loc["support", "n_documents_in_group"] == 4
    assert table.loc["support", "percent_documents"] == pytest.approx(50.0)


def test_every_theme_has_a_row_for_every_group_with_zeros() -> None:
    codings = pd.DataFrame({"document_id": ["a1"], "code": ["listened"]})
    documents = pd.DataFrame(
        {"document_id": ["a1", "b1"], "profession": ["nurse", "occupational therapist"]}
    )
    table = theme_counts(codings, documents, THEMES, by="profession")
    assert table[["theme_id", "profession", "n_documents"]].values.tolist() == [
        ["support", "nurse", 1],
        ["support", "occupational therapist", 0],
        ["time", "nurse", 0],
        ["time", "occupational therapist", 0],
    ]


def test_codes_in_no_theme_are_ignored() -> None:
    codings = pd.DataFrame({"document_id": ["a1"], "code": ["uncategorised"]})
    documents = pd.DataFrame({"document_id": ["a1"], "respondent_group": ["staff"]})
    assert theme_counts(codings, documents, THEMES)["n_documents"].tolist() == [0, 0]
