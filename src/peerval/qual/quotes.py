"""Choosing quotes for a report: consented, redacted, varied, and representative of a theme."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import pandas as pd

from peerval.analysis.summaries import NON_ANSWER_PATTERN
from peerval.disclosure.consent import may_quote_column
from peerval.qual.codebook import Codebook
from peerval.qual.redact import Redaction, Redactor

__all__ = [
    "ChosenQuote",
    "ReportQuotes",
    "candidates",
    "choose_quotes",
    "choose_report_quotes",
    "pick",
    "sentences",
]

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
    #: what redaction took out of the answer, and why, for a lead checking quotes
    redactions: tuple[Redaction, ...] = ()


def candidates(
    answers: pd.DataFrame,
    codings: pd.DataFrame,
    codebook: Codebook,
    respondents: pd.DataFrame,
) -> pd.DataFrame:
    """Every quotable coded answer: consented, substantive, of a readable length, best first.

    Only answers from people who said yes to ``may_quote`` are used: "No", "Not stated", a
    missing answer and a questionnaire that never asked all mean no
    (:mod:`peerval.disclosure.consent`).
    """
    keys = ["instrument", "response_id"]
    people = respondents[[*keys, "respondent_id", "respondent_group"]].copy()
    if "may_quote" in respondents:
        people["may_quote"] = may_quote_column(respondents["may_quote"])
    else:
        people["may_quote"] = False
    text = answers.dropna(subset=["text"])[[*keys, "item_id", "text"]]
    text = text[~text["text"].str.strip().str.lower().str.match(NON_ANSWER_PATTERN)]
    coded = codings[[*keys, "item_id", "code_id"]].merge(text, on=[*keys, "item_id"])
    coded = coded.merge(people, on=keys, how="left", validate="many_to_one")
    coded = coded[coded["may_quote"].fillna(False).astype(bool)]
    coded = coded.assign(length=coded["text"].str.len())
    coded = coded[(coded["length"] >= SHORTEST) & (coded["length"] <= LONGEST)]
    coded = coded.assign(
        fit=(coded["length"] - IDEAL).abs(),
        theme_id=coded["code_id"].map(lambda c: codebook.theme_of(c).id),
    )
    return coded.sort_values(["fit", "instrument", "response_id", "item_id"], kind="stable")


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> set[str]:
    """The sentences of a text, lower-cased with spacing and end punctuation dropped.

    >>> sorted(sentences("She listens to me. Nobody else  has time!"))
    ['nobody else has time', 'she listens to me']
    """
    out = set()
    for part in _SENTENCE_END.split(text):
        words = " ".join(part.split()).strip(" .!?\u2026").lower()
        if len(words) >= 12:  # "Thank you." twice is not a repeat worth avoiding
            out.add(words)
    return out


def pick(pool: pd.DataFrame, n: int, used_texts: set[str], redactor: Redactor) -> list[ChosenQuote]:
    """Up to ``n`` quotes from a candidate pool: different people, new codes first, groups
    alternating, never a text already used elsewhere in the report, nor one that repeats a
    sentence of a text already used (two people can write the same sentence, and a reader
    who meets it under two themes thinks the report is quoting itself).

    ``used_texts`` collects the original texts quoted."""
    picked: list[ChosenQuote] = []
    used_sentences = set().union(*(sentences(t) for t in used_texts))
    used_people: set[str] = set()
    used_codes: set[str] = set()
    groups = list(pd.unique(pool["respondent_group"]))
    for round_ in range(2):  # first new codes only, then any code
        for _, row in pool.iterrows():
            if len(picked) >= n:
                break
            parts = sentences(row["text"])
            if row["respondent_id"] in used_people or row["text"] in used_texts:
                continue
            if parts & used_sentences:
                continue
            if round_ == 0 and row["code_id"] in used_codes:
                continue
            if (
                round_ == 0
                and picked
                and row["respondent_group"] == picked[-1].respondent_group
                and len(groups) > 1
            ):
                continue
            redacted = redactor.redact(row["text"])
            picked.append(
                ChosenQuote(
                    row["theme_id"],
                    row["code_id"],
                    row["instrument"],
                    row["item_id"],
                    row["respondent_group"],
                    redacted.text,
                    redacted.redactions,
                )
            )
            used_people.add(row["respondent_id"])
            used_codes.add(row["code_id"])
            used_texts.add(row["text"])
            used_sentences.update(parts)
    return picked


def choose_quotes(
    answers: pd.DataFrame,
    codings: pd.DataFrame,
    codebook: Codebook,
    respondents: pd.DataFrame,
    *,
    per_theme: int = 3,
    redactor: Redactor | None = None,
    used_texts: set[str] | None = None,
) -> dict[str, list[ChosenQuote]]:
    """Up to ``per_theme`` redacted quotes for each theme; no answer is quoted twice.

    ``used_texts`` collects the original texts quoted, so that later choices (for another
    section) can avoid them. The choice is deterministic.
    """
    redactor = redactor or Redactor()
    used = used_texts if used_texts is not None else set()
    pool = candidates(answers, codings, codebook, respondents)
    return {
        theme.id: pick(pool[pool["theme_id"] == theme.id], per_theme, used, redactor)
        for theme in codebook.themes
    }


@dataclass(frozen=True)
class ReportQuotes:
    """The quotes a report prints, chosen before it is built: per theme, and for What works.

    Every text is from a person who said yes to being quoted, and is redacted."""

    by_theme: Mapping[str, tuple[ChosenQuote, ...]] = field(default_factory=dict)
    what_works: tuple[ChosenQuote, ...] = ()


#: the free-text questions whose positive codes supply What works
WORKS_ITEMS = ("what_works", "what_helps")


def choose_report_quotes(
    answers: pd.DataFrame,
    codings: pd.DataFrame | None,
    codebook: Codebook | None,
    respondents: pd.DataFrame,
    *,
    per_theme: int = 3,
    what_works: int = 4,
    redactor: Redactor | None = None,
) -> ReportQuotes:
    """Quotes for a report: up to ``per_theme`` for each theme, then up to ``what_works``
    from positive codes on the what-works questions; one pool and one redactor, so that no
    answer (nor any of its sentences) is quoted twice."""
    if codings is None or codebook is None:
        return ReportQuotes()
    pool = candidates(answers, codings, codebook, respondents)
    redactor = redactor or Redactor()
    used: set[str] = set()
    by_theme = {
        theme.id: tuple(pick(pool[pool["theme_id"] == theme.id], per_theme, used, redactor))
        for theme in codebook.themes
    }
    positive = {c.id for t in codebook.themes for c in t.codes if c.valence == "positive"}
    works = pool[pool["code_id"].isin(positive) & pool["item_id"].isin(WORKS_ITEMS)]
    return ReportQuotes(MappingProxyType(by_theme), tuple(pick(works, what_works, used, redactor)))
