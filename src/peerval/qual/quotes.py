"""Choosing quotes for a report: consented, redacted, varied, and representative of a theme."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from peerval.analysis.summaries import NON_ANSWER_PATTERN
from peerval.qual.codebook import Codebook
from peerval.qual.redact import Redactor

__all__ = ["ChosenQuote", "choose_quotes"]

#: quotes between these lengths read well in a report
SHORTEST, LONGEST, IDEAL = 35, 260, 120


@dataclass(frozen=True)
class ChosenQuote:
    theme_id: str
    code_id: str
    instrument: str
    item_id: str
    respondent_group: str
    text: str  # redacted


def choose_quotes(
    answers: pd.DataFrame,
    codings: pd.DataFrame,
    codebook: Codebook,
    respondents: pd.DataFrame,
    *,
    per_theme: int = 3,
    redactor: Redactor | None = None,
) -> dict[str, list[ChosenQuote]]:
    """Up to ``per_theme`` quotes for each theme, each from a different person.

    Only answers from people who agreed to be quoted are used where the questionnaire asked
    (a ``may_quote`` attribute of "No" or "Not stated" excludes them). Every quote is
    redacted. Within a theme, quotes cover different codes first, favour answers of a
    readable length, and alternate between respondent groups; the choice is deterministic.
    """
    redactor = redactor or Redactor()
    keys = ["instrument", "response_id"]
    people = respondents[[*keys, "respondent_id", "respondent_group"]].copy()
    if "may_quote" in respondents:
        people["may_quote"] = (
            respondents["may_quote"].isin(["Yes"]) | respondents["may_quote"].isna()
        )
    else:
        people["may_quote"] = True
    text = answers.dropna(subset=["text"])[[*keys, "item_id", "text"]]
    text = text[~text["text"].str.strip().str.lower().str.match(NON_ANSWER_PATTERN)]
    coded = codings[[*keys, "item_id", "code_id"]].merge(text, on=[*keys, "item_id"])
    coded = coded.merge(people, on=keys, how="left", validate="many_to_one")
    coded = coded[coded["may_quote"].fillna(False).astype(bool)]
    coded["length"] = coded["text"].str.len()
    coded = coded[(coded["length"] >= SHORTEST) & (coded["length"] <= LONGEST)]
    coded["fit"] = (coded["length"] - IDEAL).abs()
    coded["theme_id"] = coded["code_id"].map(lambda c: codebook.theme_of(c).id)
    chosen: dict[str, list[ChosenQuote]] = {}
    for theme in codebook.themes:
        pool = coded[coded["theme_id"] == theme.id].sort_values(
            ["fit", "instrument", "response_id", "item_id"], kind="stable"
        )
        picked: list[ChosenQuote] = []
        used_people: set[str] = set()
        used_codes: set[str] = set()
        groups = list(pd.unique(pool["respondent_group"]))
        for round_ in range(2):  # first new codes only, then any code
            for _, row in pool.iterrows():
                if len(picked) >= per_theme:
                    break
                if row["respondent_id"] in used_people:
                    continue
                if round_ == 0 and row["code_id"] in used_codes:
                    continue
                if groups and picked and row["respondent_group"] == picked[-1].respondent_group:
                    others = [g for g in groups if g != row["respondent_group"]]
                    if others and round_ == 0:
                        continue
                picked.append(
                    ChosenQuote(
                        theme.id,
                        row["code_id"],
                        row["instrument"],
                        row["item_id"],
                        row["respondent_group"],
                        redactor.redact(row["text"]).text,
                    )
                )
                used_people.add(row["respondent_id"])
                used_codes.add(row["code_id"])
        chosen[theme.id] = picked
    return chosen
