"""A parent theme counts documents coded with its own codes or any sub-theme's."""

from __future__ import annotations

import pandas as pd

from peerval.qual.themes import ThemeMap, theme_counts


def test_parent_counts_documents_of_sub_themes_once() -> None:
    themes = ThemeMap.from_dict(
        {
            "themes": [
                {"id": "support", "name": "Support", "codes": ["listened"]},
                {
                    "id": "practical",
                    "name": "Practical help",
                    "codes": ["forms"],
                    "parent": "support",
                },
                {"id": "housing", "name": "Housing", "codes": ["flat"], "parent": "practical"},
            ]
        }
    )
    codings = pd.DataFrame(
        {"document_id": ["d1", "d1", "d2", "d3"], "code": ["listened", "forms", "flat", "flat"]}
    )
    documents = pd.DataFrame({"document_id": ["d1", "d2", "d3", "d4"], "respondent_group": "su"})
    table = theme_counts(codings, documents, themes).set_index("theme_id")
    assert table["n_documents"].to_dict() == {"support": 3, "practical": 3, "housing": 2}
    assert table.loc["housing", "parent_id"] == "practical"
    assert themes.themes_of("flat") == ("housing", "practical", "support")
