"""The results' work: report files built into the cache, CSV exports, and their audit events.

Every number comes from the core: :func:`peerval.evaluate` and the report builder for the
report, :mod:`peerval.disclosure.rows` for the exports, each under the evaluation's
disclosure policy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pandas as pd
from django.conf import settings
from django.utils.text import slugify

from peerval.disclosure import DisclosurePolicy
from peerval.disclosure import rows as exports
from peerval.qual.quotes import ReportQuotes
from peerval.qual.redact import Redactor
from peerval.report import report_for, report_quotes, write_reports
from peerval.responses import ResponseSet
from peerval.results import EvaluationResults, evaluate
from peerval.version import __version__
from peerval.web.audit.services import record
from peerval.web.qualitative.services.report import ReportCoding, for_report
from peerval.web.surveys.models import Evaluation, Wave
from peerval.web.surveys.services.dataset import NOT_STATED, evaluation_dataset

from . import selectors
from .content_policy import inline_hashes
from .report_cache import fingerprint, folder_for

__all__ = [
    "EXPORT_KINDS",
    "Export",
    "ReportFiles",
    "disclosure_policy",
    "export",
    "ReportInputs",
    "record_quote_check",
    "record_report_download",
    "redaction_places",
    "report_files",
    "report_inputs",
    "write_report_files",
]

ExportKind = Literal["answers", "wide", "codebook"]
#: what each export is called in its file name and audit event
EXPORT_KINDS: dict[str, str] = {
    "answers": "answers, one row per answer",
    "wide": "responses, one row per response",
    "codebook": "codebook, one row per item and option",
}
_INLINE_SOURCES = "inline-sources.json"


def disclosure_policy(evaluation: Evaluation) -> DisclosurePolicy:
    """The evaluation's policy for everything the app publishes (never internal mode)."""
    return DisclosurePolicy(
        rule=evaluation.disclosure_rule,  # type: ignore[arg-type]
        threshold=evaluation.disclosure_threshold,
    )


def redaction_places(evaluation: Evaluation) -> list[str]:
    """The names the report's quotes never show: the evaluation's care groups and the
    wards, teams and sites its lead listed (sorted, each once)."""
    labels = evaluation.care_groups.values_list("label", flat=True)
    return sorted({*labels, *evaluation.places()})


def _file_stem(wave: Wave) -> str:
    name = slugify(wave.evaluation.name) or "evaluation"
    return f"{name}-{slugify(wave.label) or wave.pk}"


# ----------------------------------------------------------------------------------- report
@dataclass(frozen=True)
class ReportFiles:
    """A wave's rendered report: one folder with the HTML, PDF and Word files."""

    folder: Path
    stem: str

    @property
    def html(self) -> Path:
        return self.folder / "report.html"

    @property
    def pdf(self) -> Path:
        return self.folder / "report.pdf"

    @property
    def docx(self) -> Path:
        return self.folder / "report.docx"

    def inline_sources(self) -> dict[str, list[str]]:
        """The hashes of the HTML report's inline scripts and styles (for its CSP)."""
        return json.loads((self.folder / _INLINE_SOURCES).read_text(encoding="utf-8"))


def report_files(wave: Wave) -> ReportFiles | None:
    """The wave's report files, built when missing or out of date; None with no responses.

    The report covers every wave up to and including this one, so that it shows change
    between waves; its themes come from the wave's qualitative project (see
    :func:`peerval.web.qualitative.services.report.for_report`). Its files are rebuilt when a
    response is submitted in any of the waves, the project's coding or themes change, or the
    disclosure settings or peerval change.
    """
    if not selectors.respondents_by_group(wave):
        return None
    evaluation = wave.evaluation
    labels = selectors.report_waves(wave)
    done = selectors.submissions(wave, labels)
    coded = for_report(wave)
    key = fingerprint(
        {
            "wave": wave.pk,
            "waves": labels,
            "responses": done.count,
            "latest": done.latest.isoformat() if done.latest else None,
            "name": evaluation.name,
            "threshold": evaluation.disclosure_threshold,
            "rule": evaluation.disclosure_rule,
            "qualitative": coded.key if coded else None,
            "places": redaction_places(evaluation),
            "peerval": __version__,
        }
    )
    root = Path(settings.REPORT_CACHE) / f"wave-{wave.pk}"
    folder = folder_for(root, key, lambda out: write_report_files(evaluation, labels, out, coded))
    return ReportFiles(folder, _file_stem(wave))


@dataclass(frozen=True)
class ReportInputs:
    """What a wave's report is made from: the evaluated waves, their answers, the codings
    of the qualitative project (if any) and the place names redacted in quotes."""

    results: EvaluationResults
    responses: ResponseSet
    codings: pd.DataFrame | None
    places: list[str]

    def quotes(self) -> ReportQuotes:
        """The quotes the report prints, each with what redaction took out and why."""
        return report_quotes(
            self.results,
            answers=self.responses.answers,
            codings=self.codings,
            places=self.places,
        )


def report_inputs(
    evaluation: Evaluation, labels: list[str], coded: ReportCoding | None = None
) -> ReportInputs:
    """Evaluate the waves ``labels`` with the project's codings, as the report does."""
    responses, instruments = evaluation_dataset(evaluation, waves=labels)
    codings = coded.codings if coded else None
    results = evaluate(
        responses,
        instruments,
        name=evaluation.name,
        codings=codings,
        codebook=coded.codebook if coded else None,
    )
    return ReportInputs(results, responses, codings, redaction_places(evaluation))


def write_report_files(
    evaluation: Evaluation, labels: list[str], out: Path, coded: ReportCoding | None = None
) -> None:
    """Evaluate the waves, build the protected report and write its three renderings."""
    inputs = report_inputs(evaluation, labels, coded)
    report = report_for(
        inputs.results,
        answers=inputs.responses.answers,
        codings=inputs.codings,
        policy=disclosure_policy(evaluation),
        organisation=evaluation.organisation,
        places=inputs.places,
    )
    write_reports(report, out)
    html = (out / "report.html").read_text(encoding="utf-8")
    (out / _INLINE_SOURCES).write_text(json.dumps(inline_hashes(html)), encoding="utf-8")


def record_report_download(wave: Wave, rendering: str, user) -> None:
    """Audit that someone opened or downloaded the report."""
    record(
        "report",
        f"Report for wave {wave.label} ({rendering})",
        user=user,
        evaluation=wave.evaluation,
        wave=wave.label,
        wave_id=wave.pk,
        rendering=rendering,
    )


def record_quote_check(wave: Wave, user, *, quotes: int, redactions: int) -> None:
    """Audit that the lead opened the page showing what redaction took out of the quotes."""
    record(
        "view",
        f"Checked the quotes in the report for wave {wave.label}",
        user=user,
        evaluation=wave.evaluation,
        wave=wave.label,
        wave_id=wave.pk,
        page="quote_check",
        quotes=quotes,
        redactions=redactions,
    )


# ----------------------------------------------------------------------------------- exports
@dataclass(frozen=True)
class Export:
    filename: str
    content: bytes
    rows: int


def export(wave: Wave, kind: ExportKind, user) -> Export:
    """One of the wave's CSV exports under disclosure control, with its audit event."""
    if kind not in EXPORT_KINDS:
        raise ValueError(f"unknown export {kind!r}")
    policy = disclosure_policy(wave.evaluation)
    instruments = selectors.wave_instruments(wave)
    if kind == "codebook":
        table = exports.codebook_table(instruments, policy.minimum)
    else:
        responses, answered = evaluation_dataset(wave.evaluation, waves=[wave.label])
        asked = {i.id for i in instruments}
        context = exports.ExportContext(
            instruments=instruments + [i for i in answered.values() if i.id not in asked],
            policy=policy,
            submitted_on=selectors.submitted_days(wave),
            unstated=NOT_STATED,
            redactor=Redactor(redaction_places(wave.evaluation)),
        )
        maker = exports.long_table if kind == "answers" else exports.wide_table
        table = maker(responses, context)
    rows = len(table)
    record(
        "export",
        f"Exported the {EXPORT_KINDS[kind]}, of wave {wave.label}: {rows} rows",
        user=user,
        evaluation=wave.evaluation,
        wave=wave.label,
        wave_id=wave.pk,
        export=kind,
        rows=rows,
        disclosure={"rule": policy.rule, "minimum": policy.minimum},
    )
    return Export(f"{_file_stem(wave)}-{kind}.csv", exports.csv_bytes(table), rows)
