"""Build the report model from protected results: every number comes from results.json.

Sections follow the order of NHS evaluation reports: summary, background, method,
quantitative results, themes, what works, recommendations (drafts), appendix.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import pandas as pd

from peerval.disclosure import DisclosurePolicy
from peerval.published import PublishedResults
from peerval.qual.quotes import ReportQuotes, choose_report_quotes
from peerval.qual.redact import Redactor
from peerval.qual.redact.listed import evaluation_places
from peerval.results import EvaluationResults
from peerval.scoring import REASON_CODES

from .model import Callout, Heading, Items, Paragraph, Report, Section, Table
from .qualitative import QualitativeSections
from .quantitative import QuantitativeSections
from .recommend import draft_recommendations
from .words import (
    GROUP_LABEL,
    HIDDEN,
    NOT_SCORABLE_WORDS,
    fmt_ci,
    fmt_count,
    fmt_pct,
    group_label,
    join_and,
    join_or,
)

__all__ = ["build_report", "report_for", "report_quotes"]


def build_report(
    published: PublishedResults,
    quotes: ReportQuotes | None = None,
    *,
    today: date | None = None,
    organisation: str = "",
) -> Report:
    """The report of published results, with quotes chosen beforehand.

    Only :class:`~peerval.published.PublishedResults` are accepted (from
    :meth:`EvaluationResults.publish`), never the unprotected results or the answers, so the
    report can show nothing that results.json hides; the quotes come consented and redacted
    (:func:`~peerval.qual.quotes.choose_report_quotes`). :func:`report_for` does all three.
    """
    if not isinstance(published, PublishedResults):
        raise TypeError(
            f"build_report takes PublishedResults, not {type(published).__name__}: "
            "call results.publish(policy) first"
        )
    policy = published.policy
    builder = _Builder(published, quotes or ReportQuotes())
    report = Report(
        title=f"{published.name}",
        subtitle=f"Evaluation report, wave {', '.join(published.waves)}",
        date=(today or date.today()).strftime("%-d %B %Y"),
        disclosure=policy.describe(),
        internal=policy.mode == "internal",
        organisation=organisation,
    )
    report.sections = [
        builder.summary(),
        builder.background(),
        builder.method(),
        builder.quantitative(),
        builder.themes(),
        builder.what_works(),
        builder.recommendations(),
        builder.appendix(),
    ]
    return report


def report_for(
    results: EvaluationResults,
    *,
    answers: pd.DataFrame,
    codings: pd.DataFrame | None = None,
    policy: DisclosurePolicy | None = None,
    today: date | None = None,
    organisation: str = "",
    places: Iterable[str] = (),
) -> Report:
    """Publish the results under a policy, choose the quotes, and build the report.

    Quotes are redacted with the evaluation's own place names listed: the care groups,
    wards, teams and sites its instruments and respondents name, and ``places`` (names the
    evaluation lead adds).
    """
    published = results.publish(policy)
    quotes = report_quotes(results, answers=answers, codings=codings, places=places)
    return build_report(published, quotes, today=today, organisation=organisation)


def report_quotes(
    results: EvaluationResults,
    *,
    answers: pd.DataFrame,
    codings: pd.DataFrame | None = None,
    places: Iterable[str] = (),
) -> ReportQuotes:
    """The quotes the report prints: consented, and redacted with the evaluation's own place
    names listed (its care groups, wards, teams and sites, and ``places``). Each keeps what
    was redacted and why, so that a lead can check them before the report is published."""
    redactor = Redactor(evaluation_places(results.instruments, results.people, places))
    return choose_report_quotes(
        answers, codings, results.codebook, results.people, redactor=redactor
    )


class _Builder(QuantitativeSections, QualitativeSections):
    def __init__(self, published: PublishedResults, quotes: ReportQuotes) -> None:
        # a plain copy: chart specs are JSON, and the published sections stay untouched
        self.data = published.to_dict()
        self.policy = published.policy
        self.instruments = published.instruments
        self.quotes = quotes.by_theme
        self.works_quotes = quotes.what_works
        self.groups = {g["respondent_group"]: g["n"] for g in self.data["respondents"]["by_group"]}

    # ------------------------------------------------------------------ helpers
    def item_text(self, instrument_id: str, item_id: str) -> str:
        item = self.instruments[instrument_id].item(item_id)
        return item.text or f"{self.instruments[instrument_id].title} item {item_id}"

    def hidden_note(self, rows: list[list[str]] | None = None) -> str:
        """What the hidden mark means; nothing for a table in which nothing is hidden."""
        if rows is not None and not any(cell == HIDDEN for row in rows for cell in row):
            return ""
        return (
            f"{HIDDEN} hidden: fewer than {self.policy.minimum} people, or hidden so that "
            "a smaller number cannot be worked out from the totals."
        )

    def _themes_for(self, item_ids: set[str]) -> list[dict[str, Any]]:
        rows = []
        for theme in self.data["themes"]:
            for p in theme["prevalence"]:
                if p["item"] in item_ids:
                    rows.append({"theme": theme["title"], **p})
        return rows

    # ----------------------------------------------------------------- sections
    def summary(self) -> Section:
        section = Section("summary", "Summary")
        total = self.data["respondents"]["total"]
        groups = join_and(
            [f"{fmt_count(n)} {GROUP_LABEL.get(g, g).lower()}" for g, n in self.groups.items()]
        )
        section.add(
            Paragraph(
                f"{fmt_count(total)} people took part in this evaluation of peer support: {groups}."
            )
        )
        points = []
        for scale in self.data["scales"]:
            if scale["suppressed"] or scale["estimate"] is None:
                continue
            flag = " (scoring not yet verified)" if not scale["verified"] else ""
            points.append(
                f"{scale['title']}: {scale['estimate']:.0f} out of 100 "
                f"(95% CI {fmt_ci(scale['ci_low'], scale['ci_high'])}; "
                f"{group_label(scale['respondent_group'])}, n = {fmt_count(scale['n'])}){flag}."
            )
        for fft in self.data["fft"]:
            if fft["positive"]["estimate"] is not None:
                points.append(
                    f"Friends and Family Test: {fmt_pct(fft['positive']['estimate'])} of "
                    f"{group_label(fft['respondent_group'])} rated the service good or very "
                    "good."
                )
        for group in self.groups:
            best = self._extreme_item(group, highest=True)
            if best:
                points.append(
                    f"{group_label(group).capitalize()} agreed most that "
                    f"\u201c{best[0]}\u201d ({fmt_pct(best[1])} agreed)."
                )
        titles = [t["title"] for t in self.data["themes"]]
        if titles:
            points.append("Free-text answers centred on " + join_and(titles) + ".")
        section.add(Items(points))
        section.add(
            Paragraph(
                "The recommendations at the end of this report are drafts drawn from these results "
                "for the evaluation team to edit."
            )
        )
        return section

    def _extreme_item(self, group: str, highest: bool) -> tuple[str, float] | None:
        rows = [
            r
            for r in self.data["likert"]
            if r["respondent_group"] == group
            and r["pct_agree"] is not None
            and self.instruments[r["instrument"]].item(r["item"]).text  # licensed: no wording
        ]
        if not rows:
            return None
        row = (max if highest else min)(rows, key=lambda r: r["pct_agree"])
        return self.item_text(row["instrument"], row["item"]), row["pct_agree"]

    def background(self) -> Section:
        section = Section("background", "Background")
        section.add(
            Paragraph(
                "Peer Support Workers (PSWs) are members of staff who use their own lived "
                "experience of mental ill-health and recovery, in a formal role, to support "
                "people using mental health services. They work one to one and in groups, "
                "inside multi-disciplinary teams."
            ),
            Paragraph(
                "This evaluation asks how peer support is received by the people who use it "
                "and by the staff who work alongside it, what works, and what could be "
                "better, so that the Trust can decide how to develop the service."
            ),
        )
        if "psw_count" in self.data.get("evaluation", {}):
            section.add(Paragraph(f"{self.data['evaluation']['psw_count']} PSWs were in post."))
        return section

    def method(self) -> Section:
        section = Section("method", "Method")
        who = join_and([GROUP_LABEL.get(g, g).lower() for g in self.groups]) or "people"
        has_text = any(
            i.type == "free_text" for inst in self.instruments.values() for i in inst.items
        )
        kinds = "fixed-choice and free-text questions" if has_text else "fixed-choice questions"
        text = (
            f"{who[0].upper()}{who[1:]} were invited to complete questionnaires with {kinds}. "
            "Scale scores were computed from the answers by the scoring rules of each instrument"
        )
        if self.data["themes"]:
            text += "; free-text answers were coded with a codebook and grouped into themes"
        section.add(Paragraph(text + "."))
        rows = []
        for inst in self.data["evaluation"]["instruments"]:
            instrument = self.instruments[inst["id"]]
            verified = all(s.verified for s in instrument.scales) if instrument.scales else None
            rows.append(
                [
                    instrument.title,
                    inst["version"],
                    group_label(instrument.respondent_group).capitalize(),
                    "—" if verified is None else ("yes" if verified else "not yet"),
                ]
            )
        section.add(
            Table(
                "Instruments used",
                ["Instrument", "Version", "Completed by", "Scoring verified"],
                rows,
            )
        )
        section.add(Heading("Who responded"))
        by_group = self.data["respondents"]["by_group"]
        if any("invited" in g for g in by_group):
            rows = [
                [
                    group_label(g["respondent_group"]).capitalize(),
                    fmt_count(g["n"]),
                    fmt_count(g.get("invited")),
                    f"{fmt_pct(g.get('response_rate'))} "
                    f"({fmt_ci(*(g.get('response_rate_ci') or [None, None]))})"
                    if g.get("response_rate") is not None
                    else HIDDEN,
                ]
                for g in by_group
            ]
            section.add(
                Table(
                    "Respondents by group",
                    ["Group", "People", "Invited", "Response rate (95% CI)"],
                    rows,
                    note=self.hidden_note(rows),
                )
            )
        else:
            rows = [[group_label(g).capitalize(), fmt_count(n)] for g, n in self.groups.items()]
            section.add(
                Table(
                    "Respondents by group", ["Group", "People"], rows, note=self.hidden_note(rows)
                )
            )
        for attribute, title in (("profession", "Profession"), ("care_group", "Care group")):
            cells = [
                a for a in self.data["respondents"]["by_attribute"] if a["attribute"] == attribute
            ]
            if not cells:
                continue
            rows = [
                [
                    group_label(c["respondent_group"]).capitalize(),
                    str(c["value"]),
                    fmt_count(c["n"]),
                ]
                for c in cells
            ]
            note = self.hidden_note(rows)
            if any(c.get("merged") for c in cells):
                note = (
                    f"Other: {title.lower()}s too few to show on their own (fewer than "
                    f"{self.policy.minimum} people, or hidden with them so that a smaller group "
                    "cannot be worked out from the totals), with anyone who did not say. "
                ) + note
            section.add(
                Table(
                    f"Respondents by {title.lower()}", ["Group", title, "People"], rows, note=note
                )
            )
        section.add(Paragraph(f"Disclosure control: {self.policy.describe()}"))
        return section

    def recommendations(self) -> Section:
        section = Section("recommendations", "Recommendations (draft)")
        section.add(
            Callout(
                "DRAFT: these recommendations were drafted by peerval from the results above. The "
                "evaluation team should check, edit and agree them before the report is shared.",
                kind="draft",
            )
        )
        section.add(Items(draft_recommendations(self.data, self.instruments)))
        return section

    def appendix(self) -> Section:
        section = Section("appendix", "Appendix: instruments, scoring and disclosure")
        for instrument in self.instruments.values():
            section.add(Heading(instrument.title))
            text = (
                f"Version {instrument.version}, content hash "
                f"{instrument.content_hash[:12]}. Licence: {instrument.licence.name}."
            )
            if instrument.citation:
                text += f" Citation: {instrument.citation}"
            section.add(Paragraph(text))
            if instrument.needs_wording_pack:
                section.add(
                    Paragraph(
                        "The item wording of this instrument is copyright and is not reproduced; "
                        "items are referred to by number."
                    )
                )
            for scale in instrument.scales:
                status = (
                    "Verified against the instrument's scoring instructions."
                    if scale.verified
                    else "NOT YET VERIFIED against the official scoring instructions: treat "
                    "these scores as provisional."
                )
                section.add(Paragraph(f"{scale.title}: {scale.description or ''} {status}"))
                if not scale.verified:
                    section.add(Callout(f"{scale.title}: scoring not verified.", kind="warning"))
        section.add(Heading("Scores that could not be computed"))
        section.add(
            Paragraph(
                "A person's score on a scale is not computed when "
                + join_or([NOT_SCORABLE_WORDS.get(c, r) for c, r in REASON_CODES.items()])
                + ". Each scale's table gives how many scores could not be computed."
            )
        )
        section.add(Heading("Disclosure control"))
        section.add(Paragraph(self.policy.describe()))
        return section
