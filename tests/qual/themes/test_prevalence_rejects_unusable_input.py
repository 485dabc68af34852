"""Codings of unknown documents, missing columns and duplicate documents raise DataError."""

from __future__ import annotations

import pandas as pd
import pytest

from peerval.errors import DataError
from peerval.qual.themes import ThemeMap, theme_counts

THEMES = ThemeMap.from_dict({"themes": [{"id": "t", "name": "T", "codes": ["c"]}]})
DOCUMENTS = pd.DataFrame({"document_id": ["d1", "d2"], "respondent_group": ["staff", "staff"]})


@pytest.mark.parametrize(
    ("codings", "documents", "options", "message"),
    [
        (
            pd.DataFrame({"document_id": ["d9"], "code": ["c"]}),
            DOCUMENTS,
            {},
            "document 'd9' is coded but not among the documents",
        ),
        (pd.DataFrame({"document_id": ["d1"]}), DOCUMENTS, {}, "codings lack the column"),
        (
            pd.DataFrame({"document_id": [], "code": []}),
            DOCUMENTS,
            {"by": "ward"},
            "documents lack the column",
        ),
        (
            pd.DataFrame({"document_id": [], "code": []}),
            pd.concat([DOCUMENTS, DOCUMENTS]),
            {},
            "document 'd1' is listed twice",
        ),
        (
            pd.DataFrame({"document_id": [], "code": []}),
            DOCUMENTS.assign(respondent_group=["staff", None]),
            {},
            "document 'd2' has no",
        ),
        (pd.DataFrame({"document_id": [], "code": []}), DOCUMENTS.iloc[:0], {}, "no documents"),
    ],
)
def test_theme_counts_rejects(
    codings: pd.DataFrame, documents: pd.DataFrame, options: dict, message: str
) -> None:
    with pytest.raises(DataError, match=message):
        theme_counts(codings, documents, THEMES, **options)
