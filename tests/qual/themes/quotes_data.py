"""Coded answers and consent answers shared by the quote tests (our own sentences)."""

from __future__ import annotations

import pandas as pd

from peerval.qual.themes import ThemeMap

THEMES = ThemeMap.from_dict(
    {
        "themes": [
            {"id": "support", "name": "Support", "codes": ["listened"]},
            {"id": "practical", "name": "Practical help", "codes": ["forms"], "parent": "support"},
        ]
    }
)

CODED = pd.DataFrame(
    [
        ("d1", "listened", "My PSW Sarah listened every week and never once rushed me.", "p1"),
        ("d2", "forms", "She sat with me to fill in the benefit forms, one page at a time.", "p2"),
        ("d3", "listened", "Having someone who had been there too made me feel understood.", "p3"),
        ("d4", "listened", "n/a", "p4"),
        ("d5", "listened", "Ring me on 07700 900123 if you want to hear how it helped me.", "p5"),
        ("d6", "forms", "He helped me write to the housing office about the damp flat.", "p6"),
    ],
    columns=["document_id", "code", "text", "respondent_id"],
).assign(respondent_group=["service user", "staff"] * 3)

PEOPLE = pd.DataFrame(
    {
        "respondent_id": ["p1", "p2", "p3", "p4", "p5", "p6"],
        "may_quote": ["Yes", True, "No", "Yes", 1, "Not stated"],
    }
)
