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
from peerval.analysis.summaries import (
    free_text_counts,
    item_distributions,
    respondent_counts,
    scale_summaries,
)
from peerval.analysis.waves import order_waves, wave_changes
from peerval.disclosure import DisclosurePolicy
from peerval.disclosure.sections import (
    protect_free_text,
    protect_items,
    protect_respondents,
    protect_scales,
    protect_themes,
)
from peerval.disclosure.tables import (
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
from peerval.scoring import SCORE_COLUMNS, score_responses
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
            "respondents": protect_respondents(self.respondents, policy, self.invited),
            "scales": protect_scales(self.scales, self.instruments, policy),
            "items": protect_items(self.items, self.instruments, policy),
            "themes": protect_themes(self.themes, self.codebook, policy),
            "likert": protect_likert(self.likert, policy),
            "domains": protect_domains(self.domains, policy),
            "fft": protect_fft(self.fft, policy),
            "comparisons": protect_comparisons(self.comparisons(policy), policy),
            "changes": protect_changes(self.changes, policy),
            "parallel_items": protect_parallel(self.parallel, policy),
            "free_text": protect_free_text(self.free_text, policy),
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
