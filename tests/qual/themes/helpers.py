"""Building theme-prevalence inputs from counts, for the themes tests."""

from __future__ import annotations

import pandas as pd


def frames(cells: dict[str, tuple[int, dict[str, int]]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Documents and codings from ``{group: (documents, {code: documents with it})}``;
    the documents with a code are the group's first ones."""
    documents, codings = [], []
    for group, (size, coded) in cells.items():
        ids = [f"{group}-{i}" for i in range(size)]
        documents += [{"document_id": d, "respondent_group": group} for d in ids]
        for code, n in coded.items():
            codings += [{"document_id": d, "code": code} for d in ids[:n]]
    return pd.DataFrame(documents), pd.DataFrame(codings, columns=["document_id", "code"])
