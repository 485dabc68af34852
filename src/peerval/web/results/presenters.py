"""What the report page shows, in words and protected numbers."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse

from peerval.disclosure import DisclosurePolicy
from peerval.report.words import GROUP_LABEL, HIDDEN, fmt_count
from peerval.web.surveys.models import Wave

from . import selectors

__all__ = ["Link", "ReportPage", "report_page"]


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    description: str


@dataclass(frozen=True)
class GroupCount:
    label: str
    count: str  # as published: a number, or the hidden mark


@dataclass
class ReportPage:
    evaluation: str
    organisation: str
    wave: str
    earlier_waves: list[str]
    has_responses: bool
    groups: list[GroupCount]
    total: str
    policy: str
    hidden_note: str
    report_links: list[Link] = field(default_factory=list)
    quote_check: Link | None = None
    export_links: list[Link] = field(default_factory=list)
    export_notes: list[str] = field(default_factory=list)


def _groups(counts: dict[str, int], policy: DisclosurePolicy) -> tuple[list[GroupCount], str]:
    """Respondents per group as published: small groups hidden, with secondary suppression."""
    groups = list(counts)
    shown = policy.protect_counts([counts[g] for g in groups])
    rows = [
        GroupCount(GROUP_LABEL.get(g, g), fmt_count(n)) for g, n in zip(groups, shown, strict=True)
    ]
    total = sum(counts.values())
    return rows, HIDDEN if policy.hides(total) else fmt_count(policy.shown_count(total))


def report_page(
    wave: Wave, policy: DisclosurePolicy, *, can_export: bool, can_check_quotes: bool = False
) -> ReportPage:
    counts = selectors.respondents_by_group(wave)
    groups, total = _groups(counts, policy)
    page = ReportPage(
        evaluation=wave.evaluation.name,
        organisation=wave.evaluation.organisation,
        wave=wave.label,
        earlier_waves=selectors.report_waves(wave)[:-1],
        has_responses=bool(counts),
        groups=groups,
        total=total,
        policy=policy.describe(),
        hidden_note=f"{HIDDEN} means the number is hidden to protect the people in small groups.",
    )
    if not page.has_responses:
        return page
    page.report_links = [
        Link(
            "Open the full report",
            reverse("results:report_html", args=[wave.pk]),
            "The report as a web page, with charts you can explore.",
        ),
        Link(
            "Download the report as a PDF",
            reverse("results:report_pdf", args=[wave.pk]),
            "For printing and sharing as it is.",
        ),
        Link(
            "Download the report as a Word document",
            reverse("results:report_docx", args=[wave.pk]),
            "For editing the draft recommendations and adding your own text.",
        ),
    ]
    if can_check_quotes:
        page.quote_check = Link(
            "Check the quotes in the report",
            reverse("results:quotes", args=[wave.pk]),
            "Each quote as the report shows it, with the names, places and other details "
            "taken out of it and why. Only evaluation leads can see this page.",
        )
    if can_export:
        minimum = policy.minimum
        page.export_links = [
            Link(
                "Answers (CSV)",
                reverse("results:export_answers", args=[wave.pk]),
                "One row per answer, the same layout for every questionnaire: response id, "
                "questionnaire, question id, the code or number given, and any written answer.",
            ),
            Link(
                "Responses (CSV)",
                reverse("results:export_wide", args=[wave.pk]),
                "One row per response and one column per question, with option codes, for "
                "SPSS, Stata, R or Excel; respondent details such as profession and care "
                "group are in their own columns.",
            ),
            Link(
                "Codebook (CSV)",
                reverse("results:export_codebook", args=[wave.pk]),
                "Every question and answer option with its code, and which scales use it.",
            ),
        ]
        page.export_notes = [
            f"Profession, care group and other details held by fewer than {minimum} people "
            f"read \u201cOther (fewer than {minimum})\u201d, or are left blank.",
            "Names, phone numbers, email addresses and other personal details in written "
            "answers are replaced by placeholders such as [name].",
            "Each download is recorded in the audit log.",
        ]
    return page
