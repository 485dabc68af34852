"""Write the demo evaluation to a folder: data files, results.json, the qualitative project
(as peerval's project file and as REFI-QDA) and the reports."""

from __future__ import annotations

from pathlib import Path

from peerval.disclosure import DisclosurePolicy
from peerval.outfiles import writable_folder, write_csv, write_text
from peerval.results import EvaluationResults, evaluate

from .generator import DemoEvaluation
from .qualitative import demo_project

__all__ = ["write_candidate_themes", "write_demo", "write_demo_project"]


def write_demo(
    demo: DemoEvaluation,
    out: str | Path,
    policy: DisclosurePolicy | None = None,
    *,
    reports: bool = True,
) -> tuple[EvaluationResults, list[Path]]:
    """Write ``data/*.csv``, ``results.json``, ``demo-project.json`` and ``demo.qdpx`` (the
    qualitative project: coded free text and two interview transcripts) and, unless
    ``reports`` is false, the HTML, PDF and Word reports under ``out``; return the results
    and the paths written. Every file is written whole (:mod:`peerval.outfiles`), and every
    CSV is safe to open in a spreadsheet."""
    out = Path(out)
    data = writable_folder(out / "data")
    written = []
    tables = {
        "answers.csv": demo.responses.answers,
        "respondents.csv": demo.responses.respondents,
        "psws.csv": demo.psws,
        "codebook.csv": demo.codebook.to_frame(),
        "codings.csv": demo.codings,
    }
    for name, frame in tables.items():
        written.append(write_csv(frame, data / name))
    results = evaluate(
        demo.responses,
        demo.instruments,
        name=demo.name,
        codings=demo.codings,
        codebook=demo.codebook,
    )
    written += write_demo_project(demo, out)
    written.append(write_candidate_themes(demo, data / "candidate-themes.csv"))
    written.append(write_csv(results.scores, data / "scores.csv"))
    written.append(write_text(out / "results.json", results.publish(policy).to_json()))
    if reports:
        from peerval.report import report_for, write_reports  # charting loads slowly

        report = report_for(
            results, answers=demo.responses.answers, codings=demo.codings, policy=policy
        )
        written += write_reports(report, out)
    return results, written


def write_candidate_themes(demo: DemoEvaluation, path: Path) -> Path:
    """Candidate themes found in the demo's free-text answers as if nobody had coded them
    (offered to a coder, never applied): one row per theme, with keywords, size, stability
    and a redacted quote."""
    from peerval.qual.discover import discover_themes

    answers = demo.responses.answers
    text = answers["text"].dropna()
    text = text[text.str.strip() != ""]
    found = discover_themes(text, seed=0)
    return write_csv(found.to_frame(), path)


def write_demo_project(demo: DemoEvaluation, out: str | Path) -> list[Path]:
    """Write the demo's qualitative project as ``demo-project.json`` and ``demo.qdpx``."""
    from peerval.qual.projectfile import save_project
    from peerval.qual.refiqda import write_qdpx

    out = writable_folder(out)
    project = demo_project(demo)
    return [
        save_project(project, out / "demo-project.json"),
        write_qdpx(project, out / "demo.qdpx"),
    ]
