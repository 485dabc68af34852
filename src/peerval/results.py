"""Evaluation results: everything a report or dashboard shows, as one protected structure.

:func:`evaluate` scores and summarises responses; :meth:`EvaluationResults.to_dict` applies
the disclosure policy and gives the ``results.json`` contract:

``evaluation``   name, waves, instruments (id, version, content hash)
``disclosure``   the policy applied
``respondents``  people per respondent group and per attribute value, hidden cells marked
``scales``       per instrument scale and group: n, n not scorable, mean, SD, 95% CI, verified
``items``        per coded item and group: n and the count for every option
``themes``       per theme, free-text question and group: people and % of those answering
``domains``      per instrument domain (INSPIRE's CHIME domains) and group: people and the
                 mean 0-100 rating with its 95% CI

Numbers are unrounded; a hidden value is ``null`` with ``"suppressed": true`` beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from peerval.analysis.compare import compare_parallel_items, compare_scales
from peerval.analysis.domains import domain_summaries
from peerval.analysis.likert import fft_summary, likert_summaries
from peerval.analysis.stats import wilson_interval
from peerval.analysis.summaries import (
    free_text_counts,
    item_distributions,
    respondent_counts,
    scale_summaries,
)
from peerval.analysis.waves import order_waves, wave_changes
from peerval.disclosure import DisclosurePolicy
from peerval.disclosure.tables import (
    merge_breakdown,
    protect_changes,
    protect_comparisons,
    protect_domains,
    protect_fft,
    protect_likert,
    protect_parallel,
)
from peerval.instruments.schema import Instrument
from peerval.published import PublishedResults, freeze
from peerval.qual.codebook import Codebook
from peerval.qual.themes import survey_prevalence
from peerval.responses import ResponseSet
from peerval.scoring import REASON_CODES, SCORE_COLUMNS, score_responses
from peerval.version import __version__

__all__ = ["EvaluationResults", "evaluate"]

DEFAULT_ATTRIBUTES = ("profession", "care_group")


@dataclass
class EvaluationResults:
    """Unprotected results; :meth:`to_dict` protects them for publication."""

    name: str
    instruments: dict[str, Instrument]
    respondents: pd.DataFrame
    scores: pd.DataFrame
    scales: pd.DataFrame
    items: pd.DataFrame
    themes: pd.DataFrame
    codebook: Codebook | None
    waves: list[str]
    people: pd.DataFrame  # the respondents table: one row per response, with attributes
    changes: pd.DataFrame  # scale scores across waves (empty with one wave)
    parallel: pd.DataFrame  # staff and service users compared on parallel items
    free_text: pd.DataFrame  # answers to each free-text question
    likert: pd.DataFrame
    fft: pd.DataFrame
    attributes: list[str] = field(default_factory=lambda: list(DEFAULT_ATTRIBUTES))
    #: how many people were invited, per respondent group, where known
    invited: dict[str, int] = field(default_factory=dict)
    #: ratings by instrument domain (empty where no instrument groups its items)
    domains: pd.DataFrame = field(default_factory=pd.DataFrame)

    def comparisons(self, policy: DisclosurePolicy) -> pd.DataFrame:
        """Scale scores compared across attribute values, hidden groups merged into Other."""
        if self.scores.empty:
            return pd.DataFrame()
        return compare_scales(self.scores, self.people, self.attributes, policy)

    def to_dict(self, policy: DisclosurePolicy | None = None) -> dict[str, Any]:
        """The results.json structure under a disclosure policy (publish mode by default)."""
        policy = policy or DisclosurePolicy()
        return {
            "peerval_version": __version__,
            "evaluation": {
                "name": self.name,
                "waves": self.waves,
                "current_wave": self.waves[-1] if self.waves else None,
                "instruments": [
                    {
                        "id": i.id,
                        "version": i.version,
                        "title": i.title,
                        "content_hash": i.content_hash,
                    }
                    for i in self.instruments.values()
                ],
            },
            "disclosure": policy.to_dict(),
            "respondents": self._respondents(policy),
            "scales": self._scales(policy),
            "items": self._items(policy),
            "themes": self._themes(policy),
            "likert": protect_likert(self.likert, policy),
            "domains": protect_domains(self.domains, policy),
            "fft": protect_fft(self.fft, policy),
            "comparisons": protect_comparisons(self.comparisons(policy), policy),
            "changes": protect_changes(self.changes, policy),
            "parallel_items": protect_parallel(self.parallel, policy),
            "free_text": self._free_text(policy),
        }

    def publish(self, policy: DisclosurePolicy | None = None) -> PublishedResults:
        """The results as they may be published under a policy (publish mode by default):
        the only form the report builder accepts."""
        policy = policy or DisclosurePolicy()
        return PublishedResults(
            name=self.name,
            waves=tuple(self.waves),
            instruments=self.instruments,
            policy=policy,
            sections=freeze(self.to_dict(policy)),
        )

    def write_json(self, path: str | Path, policy: DisclosurePolicy | None = None) -> Path:
        """Write results.json (UTF-8, indented, NaN written as null)."""
        return self.publish(policy).write_json(path)

    # ---------------------------------------------------------------- sections
    def _respondents(self, policy: DisclosurePolicy) -> dict[str, Any]:
        totals = self.respondents[self.respondents["attribute"].isna()]
        shown = policy.protect_counts(totals["n"].tolist())
        by_group = [
            _cell({"respondent_group": g}, n) | self._response_rate(g, n)
            for g, n in zip(totals["respondent_group"], shown, strict=True)
        ]
        by_attribute: list[dict[str, Any]] = []
        detail = self.respondents[self.respondents["attribute"].notna()]
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

    def _free_text(self, policy: DisclosurePolicy) -> list[dict[str, Any]]:
        # how many answered a question is a base, like an item's n (docs/adr/0004)
        return [
            {
                "instrument": row["instrument"],
                "item": row["item_id"],
                "respondent_group": row["respondent_group"],
                "n_answered": policy.shown_count(row["n_answered"]),
                "n_substantive": policy.shown_count(row["n_substantive"]),
            }
            for row in self.free_text.to_dict("records")
        ]

    def _response_rate(self, group: str, n: int | None) -> dict[str, Any]:
        invited = self.invited.get(group)
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

    def _scales(self, policy: DisclosurePolicy) -> list[dict[str, Any]]:
        out = []
        for row in self.scales.to_dict("records"):
            instrument = self.instruments[row["instrument"]]
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

    def _items(self, policy: DisclosurePolicy) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        has_hidden: dict[tuple[str, str, str], bool] = {}
        for (instrument_id, item_id, group), sub in self.items.groupby(
            ["instrument", "item_id", "respondent_group"], sort=False
        ):
            n = int(sub["n_responses"].iloc[0])
            hidden = policy.hides(n)
            # a filtered item's number of answers is the count of its filter's answer: if the
            # filter question has hidden cells, the filtered item is hidden whole
            item = self.instruments[instrument_id].item(item_id)
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

    def _themes(self, policy: DisclosurePolicy) -> list[dict[str, Any]]:
        if self.codebook is None or self.themes.empty:
            return []
        out = []
        for theme in self.codebook.themes:
            sub = self.themes[self.themes["theme_id"] == theme.id]
            prevalence = []
            for row in sub.to_dict("records"):
                hidden = policy.hides(row["n"]) or policy.hides(row["n_answered"])
                n_shown = None if hidden else policy.shown_count(row["n"])
                base_shown = (
                    None
                    if policy.hides(row["n_answered"])
                    else policy.shown_count(row["n_answered"])
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


def evaluate(
    responses: ResponseSet,
    instruments: dict[str, Instrument],
    *,
    name: str = "Evaluation",
    codings: pd.DataFrame | None = None,
    codebook: Codebook | None = None,
    attributes: list[str] | None = None,
    invited: dict[str, int] | None = None,
) -> EvaluationResults:
    """Score every instrument and summarise respondents, items, scales and themes.

    With several waves, everything describes the latest wave, and ``changes`` compares
    each scale across all of them.
    """
    attributes = list(attributes or DEFAULT_ATTRIBUTES)
    waves = order_waves(list(responses.respondents["wave"]))
    # every wave is scored once; the latest wave's scores are a subset of these
    score_parts = [score_responses(responses, i) for i in instruments.values() if i.scales]
    scores = (
        pd.concat(score_parts, ignore_index=True)
        if score_parts
        else pd.DataFrame(columns=list(SCORE_COLUMNS))
    )
    changes = pd.DataFrame()
    if len(waves) > 1:
        if len(scores):
            changes = wave_changes(scores, responses.respondents)
        responses = responses.in_wave(waves[-1])
        current = responses.respondents[["instrument", "response_id"]]
        scores = scores.merge(current, on=["instrument", "response_id"])
    item_parts, likert_parts, fft_parts, text_parts, domain_parts = [], [], [], [], []
    for instrument in instruments.values():
        part = responses.answers[responses.answers["instrument"] == instrument.id]
        items = item_distributions(part, instrument)
        item_parts.append(items.assign(instrument=instrument.id))
        likert_parts.append(likert_summaries(part, instrument))
        domain_parts.append(domain_summaries(part, instrument))
        text_parts.append(free_text_counts(part, instrument))
        if any(item.id == "fft_rating" for item in instrument.items):
            fft_parts.append(fft_summary(part, instrument))
    themes = (
        survey_prevalence(responses.answers, codings, codebook, responses.respondents)
        if codings is not None and codebook is not None
        else pd.DataFrame()
    )
    return EvaluationResults(
        name=name,
        instruments=instruments,
        respondents=respondent_counts(responses, attributes),
        scores=scores,
        scales=scale_summaries(scores, responses.respondents) if len(scores) else pd.DataFrame(),
        items=pd.concat(item_parts, ignore_index=True) if item_parts else pd.DataFrame(),
        themes=themes,
        codebook=codebook,
        waves=waves,
        changes=changes,
        parallel=compare_parallel_items(responses.answers, instruments),
        free_text=pd.concat(text_parts, ignore_index=True) if text_parts else pd.DataFrame(),
        people=responses.respondents,
        likert=pd.concat(likert_parts, ignore_index=True) if likert_parts else pd.DataFrame(),
        fft=pd.concat(fft_parts, ignore_index=True) if fft_parts else pd.DataFrame(),
        attributes=attributes,
        invited=dict(invited or {}),
        domains=pd.concat([d for d in domain_parts if len(d)], ignore_index=True)
        if any(len(d) for d in domain_parts)
        else pd.DataFrame(),
    )
