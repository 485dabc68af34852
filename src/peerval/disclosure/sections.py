"""Protecting results.json's sections about people: the respondent profile, each coded
item's answers, scale scores, theme prevalence and free-text counts (docs/adr/0004).

Each function turns an unprotected tidy table into the list of dicts results.json carries,
as :mod:`peerval.disclosure.tables` does for the Likert, FFT and comparison tables.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from peerval.analysis.stats import wilson_interval
from peerval.disclosure.policy import DisclosurePolicy
from peerval.disclosure.tables import merge_breakdown
from peerval.instruments.schema import Instrument
from peerval.scoring import REASON_CODES

if TYPE_CHECKING:
    from peerval.qual.codebook import Codebook

__all__ = [
    "protect_free_text",
    "protect_items",
    "protect_respondents",
    "protect_scales",
    "protect_theme_counts",
    "protect_themes",
]


def protect_respondents(
    respondents: pd.DataFrame, policy: DisclosurePolicy, invited: Mapping[str, int]
) -> dict[str, Any]:
    """People per respondent group (with response rates where the number invited is known)
    and per attribute value, small values merged into Other."""
    totals = respondents[respondents["attribute"].isna()]
    shown = policy.protect_counts(totals["n"].tolist())
    by_group = [
        _cell({"respondent_group": g}, n) | _response_rate(invited.get(g), n)
        for g, n in zip(totals["respondent_group"], shown, strict=True)
    ]
    by_attribute: list[dict[str, Any]] = []
    detail = respondents[respondents["attribute"].notna()]
    for (group, attribute), sub in detail.groupby(["respondent_group", "attribute"], sort=True):
        # hidden values are merged into Other, never listed: a name beside a hidden
        # count would still say that someone of that kind took part
        for row in merge_breakdown(sub["value"].tolist(), sub["n"].tolist(), policy):
            by_attribute.append({"respondent_group": group, "attribute": attribute} | row)
    total = int(totals["n"].sum())
    return {
        "total": policy.shown_count(total) if not policy.hides(total) else None,
        "by_group": by_group,
        "by_attribute": by_attribute,
    }


def protect_free_text(free_text: pd.DataFrame, policy: DisclosurePolicy) -> list[dict[str, Any]]:
    """How many answered each free-text question, and said something."""
    # how many answered a question is a base, like an item's n (docs/adr/0004)
    return [
        {
            "instrument": row["instrument"],
            "item": row["item_id"],
            "respondent_group": row["respondent_group"],
            "n_answered": policy.shown_count(row["n_answered"]),
            "n_substantive": policy.shown_count(row["n_substantive"]),
        }
        for row in free_text.to_dict("records")
    ]


def _response_rate(invited: int | None, n: int | None) -> dict[str, Any]:
    if invited is None:
        return {}
    if n is None or invited <= 0:
        return {"invited": invited, "response_rate": None}
    low, high = wilson_interval(min(n, invited), invited)
    return {
        "invited": invited,
        "response_rate": 100.0 * n / invited,
        "response_rate_ci": [100.0 * low, 100.0 * high],
    }


def protect_scales(
    scales: pd.DataFrame, instruments: Mapping[str, Instrument], policy: DisclosurePolicy
) -> list[dict[str, Any]]:
    """Each scale's n, mean, SD, CI and quartiles; hidden under the threshold; the reasons a
    score could not be computed protected as a breakdown."""
    out = []
    for row in scales.to_dict("records"):
        instrument = instruments[row["instrument"]]
        scale = instrument.scale(row["scale"])
        low, high = instrument.score_range(scale)
        entry: dict[str, Any] = {
            "instrument": row["instrument"],
            "scale": row["scale"],
            "title": scale.title,
            "respondent_group": row["respondent_group"],
            "range": [low, high],
            "verified": scale.verified,
        }
        hidden = policy.hides(row["n"])
        stats_keys = ("estimate", "sd", "ci_low", "ci_high", "median")
        entry["n"] = None if hidden else policy.shown_count(row["n"])
        entry.update({k: None if hidden else row[k] for k in (*stats_keys, "q1", "q3")})
        # the number not scorable is a base, like an item's number of answers: shown (it
        # follows from n and the group total anyway); the reasons are protected as a
        # breakdown, so a small count for one reason is never shown (see docs/adr/0004)
        entry["n_not_scorable"] = policy.shown_count(row["n_not_scorable"])
        codes = list(row["reasons"])
        if policy.hides(row["n_not_scorable"]):
            entry["not_scorable_reasons"] = None  # even naming the reason would say too much
        else:
            shown = policy.protect_counts([row["reasons"][c] for c in codes])
            entry["not_scorable_reasons"] = [
                _cell({"reason_code": code, "reason": REASON_CODES[code]}, k)
                for code, k in zip(codes, shown, strict=True)
            ]
        entry["suppressed"] = hidden
        out.append(entry)
    return out


def protect_items(
    items: pd.DataFrame, instruments: Mapping[str, Instrument], policy: DisclosurePolicy
) -> list[dict[str, Any]]:
    """Each coded item's count per option and group, protected as a breakdown; a filtered
    item is hidden whole where its filter question has a hidden cell."""
    out: list[dict[str, Any]] = []
    has_hidden: dict[tuple[str, str, str], bool] = {}
    for (instrument_id, item_id, group), sub in items.groupby(
        ["instrument", "item_id", "respondent_group"], sort=False
    ):
        n = int(sub["n_responses"].iloc[0])
        hidden = policy.hides(n)
        # a filtered item's number of answers is the count of its filter's answer: if the
        # filter question has hidden cells, the filtered item is hidden whole
        item = instruments[instrument_id].item(item_id)
        if item.show_if is not None:
            hidden = hidden or has_hidden.get((instrument_id, item.show_if.item, group), False)
        protected = [None] * len(sub) if hidden else policy.protect_counts(sub["n"].tolist())
        has_hidden[(instrument_id, item_id, group)] = any(k is None for k in protected)
        out.append(
            {
                "instrument": instrument_id,
                "item": item_id,
                "respondent_group": group,
                "n": None if hidden else policy.shown_count(n),
                "suppressed": hidden,
                "options": [
                    _cell({"code": int(code), "label": label, "missing_code": bool(missing)}, k)
                    for code, label, missing, k in zip(
                        sub["code"], sub["label"], sub["missing_code"], protected, strict=True
                    )
                ],
            }
        )
    return out


def protect_themes(
    themes: pd.DataFrame, codebook: Codebook | None, policy: DisclosurePolicy
) -> list[dict[str, Any]]:
    """Per theme, question and group: people mentioning it and people answering; a cell
    under the threshold is hidden, its percent with it."""
    if codebook is None or themes.empty:
        return []
    out = []
    for theme in codebook.themes:
        sub = themes[themes["theme_id"] == theme.id]
        prevalence = []
        for row in sub.to_dict("records"):
            hidden = policy.hides(row["n"]) or policy.hides(row["n_answered"])
            n_shown = None if hidden else policy.shown_count(row["n"])
            base_shown = (
                None if policy.hides(row["n_answered"]) else policy.shown_count(row["n_answered"])
            )
            prevalence.append(
                {
                    "instrument": row["instrument"],
                    "item": row["item_id"],
                    "respondent_group": row["respondent_group"],
                    "n": n_shown,
                    "n_answered": base_shown,
                    # from the counts as shown, so a rounded count cannot be worked back
                    "percent": None
                    if n_shown is None or not base_shown
                    else 100.0 * n_shown / base_shown,
                    "suppressed": hidden,
                }
            )
        out.append(
            {
                "theme": theme.id,
                "title": theme.title,
                "description": theme.description,
                "codes": [
                    {"code": c.id, "title": c.title, "valence": c.valence} for c in theme.codes
                ],
                "prevalence": prevalence,
            }
        )
    return out


def _cell(fields: dict[str, Any], n: int | None) -> dict[str, Any]:
    return fields | {"n": n, "suppressed": n is None}


def protect_theme_counts(
    table: pd.DataFrame, policy: DisclosurePolicy, *, by: str, people: bool
) -> pd.DataFrame:
    """:func:`peerval.qual.themes.theme_counts`'s table as it may be published.

    The protected counts are of people when ``people`` (the table has ``n_respondents``),
    else of documents. First the group sizes are protected as one breakdown (a hidden group
    hides every cell of that group); then, for each theme, its counts across groups, with
    primary and secondary suppression; the hidden groups enter that breakdown as one
    combined cell, itself hidden when small (and always when it holds one group). Document
    counts are shown only beside a shown count of people; hidden counts are ``<NA>``.
    """
    unit = "respondents" if people else "documents"
    bases = table.drop_duplicates(by)[[by, f"n_{unit}_in_group"]]
    shown_bases = policy.protect_counts(bases[f"n_{unit}_in_group"].tolist())
    hidden_groups = {g for g, s in zip(bases[by], shown_bases, strict=True) if s is None}
    hidden = pd.Series(False, index=table.index)
    for _, sub in table.groupby("theme_id", sort=False):
        shown = _protect_theme(sub[f"n_{unit}"].tolist(), sub[by].isin(hidden_groups), policy)
        hidden[sub.index] = [k is None for k in shown]
    out = table.assign(suppressed=hidden)
    for kind in ("documents", "respondents") if people else ("documents",):
        n = table[f"n_{kind}"].map(policy.shown_count).astype("Int64").mask(hidden)
        base = table[f"n_{kind}_in_group"].map(policy.shown_count).astype("Int64")
        base = base.mask(table[by].isin(hidden_groups))
        out[f"n_{kind}"], out[f"n_{kind}_in_group"] = n, base
        percent = 100.0 * n.astype("Float64") / base.astype("Float64").replace(0, pd.NA)
        out[f"percent_{kind}"] = percent.astype(float)
    return out


def _protect_theme(
    counts: list[int], in_hidden_group: pd.Series, policy: DisclosurePolicy
) -> list[int | None]:
    """One theme's counts across groups, protected; cells of hidden groups are hidden."""
    hidden_mask = in_hidden_group.to_list()
    visible = [c for c, h in zip(counts, hidden_mask, strict=True) if not h]
    pooled = [c for c, h in zip(counts, hidden_mask, strict=True) if h]
    vector = list(visible)
    if pooled:
        total = sum(pooled)
        # one hidden group's count must stay hidden whatever its size: pass it as small
        vector.append(max(1, min(total, policy.minimum - 1)) if len(pooled) == 1 else total)
    protected = iter(policy.protect_counts(vector)[: len(visible)])
    return [None if h else next(protected) for h in hidden_mask]
