"""Given respondent ids, people are counted once however many documents they wrote."""

from __future__ import annotations

import pandas as pd
import pytest

from peerval.disclosure import DisclosurePolicy
from peerval.qual.themes import ThemeMap, prevalence_by_group, theme_counts

THEMES = ThemeMap.from_dict({"themes": [{"id": "time", "name": "Time", "codes": ["more"]}]})


def _data() -> tuple[pd.DataFrame, pd.DataFrame]:
    # twelve people answer two questions each; people p0-p5 mention time in both answers
    documents = pd.DataFrame(
        {
            "document_id": [f"p{i}-q{q}" for i in range(12) for q in (1, 2)],
            "respondent_id": [f"p{i}" for i in range(12) for _ in (1, 2)],
            "respondent_group": ["service user"] * 24,
        }
    )
    codings = pd.DataFrame(
        {"document_id": [f"p{i}-q{q}" for i in range(6) for q in (1, 2)], "code": "more"}
    )
    return codings, documents


def test_people_and_documents_are_counted_separately() -> None:
    codings, documents = _data()
    row = theme_counts(codings, documents, THEMES, respondent_id="respondent_id").iloc[0]
    assert (row["n_documents"], row["n_documents_in_group"]) == (12, 24)
    assert (row["n_respondents"], row["n_respondents_in_group"]) == (6, 12)
    assert row["percent_respondents"] == pytest.approx(50.0)


def test_document_count_is_hidden_when_the_people_count_is_hidden() -> None:
    codings, documents = _data()
    # four people's eight documents: eight documents would pass, four people do not
    codings = codings[codings["document_id"].str[1].astype(int) < 4]
    row = prevalence_by_group(
        codings, documents, THEMES, respondent_id="respondent_id", policy=DisclosurePolicy()
    ).iloc[0]
    assert row["suppressed"]
    assert pd.isna(row["n_respondents"]) and pd.isna(row["n_documents"])
    assert row["n_respondents_in_group"] == 12
