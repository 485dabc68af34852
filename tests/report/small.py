"""A small report built by hand from the plain-data model, for tests of one rendering."""

from __future__ import annotations

from peerval.report.model import Heading, Items, Paragraph, Report, Section, Table


def small_report(rows: int = 3) -> Report:
    """Three sections; the second holds a table of ``rows`` rows, the third a sub-heading."""
    table = Table(
        "Answers by team",
        ["Team", "Agree", "Disagree"],
        [[f"Team {n}", str(n), str(rows - n)] for n in range(rows)],
        note="Counts from 1 to 4 are hidden.",
    )
    return Report(
        title="Peer support evaluation (Example Trust)",
        subtitle="Evaluation report, wave 2026",
        date="1 March 2026",
        disclosure="Counts from 1 to 4 are hidden.",
        internal=False,
        sections=[
            Section("summary", "Summary", [Paragraph("People valued their peer workers.")]),
            Section("results", "Results", [Table(**vars(table))]),
            Section("next", "What next", [Heading("Ideas"), Items(["Keep going."])]),
        ],
    )
