"""Build the report model from protected results: every number comes from results.json.

Sections follow the order of NHS evaluation reports: summary, background, method,
quantitative results, themes, what works, recommendations (drafts), appendix.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from peerval.disclosure import DisclosurePolicy
from peerval.published import PublishedResults
from peerval.qual.quotes import ReportQuotes, choose_report_quotes
from peerval.results import EvaluationResults
from peerval.scoring import REASON_CODES

from . import charts
from .model import Callout, Figure, Heading, Items, Paragraph, Quote, Quotes, Report, Section, Table
from .recommend import draft_recommendations
from .words import GROUP_LABEL, HIDDEN, fmt_ci, fmt_count, fmt_pct, group_label

__all__ = ["build_report", "report_for"]


def build_report(
    published: PublishedResults,
    quotes: ReportQuotes | None = None,
    *,
    today: date | None = None,
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
) -> Report:
    """Publish the results under a policy, choose the quotes, and build the report."""
    published = results.publish(policy)
    quotes = choose_report_quotes(answers, codings, results.codebook, results.people)
    return build_report(published, quotes, today=today)


class _Builder:
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
        groups = _and(
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
            points.append("Free-text answers centred on " + _and(titles) + ".")
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
        who = _and([GROUP_LABEL.get(g, g).lower() for g in self.groups]) or "people"
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

    def quantitative(self) -> Section:
        section = Section("results", "Quantitative results")
        for instrument in self.instruments.values():
            likert = [r for r in self.data["likert"] if r["instrument"] == instrument.id]
            scales = [s for s in self.data["scales"] if s["instrument"] == instrument.id]
            fft = [f for f in self.data["fft"] if f["instrument"] == instrument.id]
            if not (likert or scales or fft):
                continue
            section.add(Heading(instrument.title))
            domains = [d for d in self.data.get("domains", []) if d["instrument"] == instrument.id]
            worded = all(instrument.item(r["item"]).text for r in likert)
            if domains and not worded:
                # a licensed instrument's items cannot be named by their wording: a board
                # reads its domains, not rows of item numbers
                section.add(self._domain_figure(instrument.title, domains))
                section.add(
                    Paragraph(
                        f"The wording of {instrument.title}'s items is licensed and is not "
                        "reproduced here, so its ratings are shown by domain and by its "
                        "scales; every item's answers are in results.json."
                    )
                )
                likert = []
            for group in sorted({r["respondent_group"] for r in likert}):
                rows = [r for r in likert if r["respondent_group"] == group]
                section.add(self._likert_figure(instrument.title, group, rows))
            if scales:
                shown = [sc for sc in scales if sc["estimate"] is not None]
                if shown:
                    section.add(self._scale_figure(instrument.title, shown))
                section.add(self._scales_table(scales))
            if fft:
                section.add(self._fft_table(fft))
        if self.data["changes"]:
            section.add(*self._changes())
        if self.data["parallel_items"]:
            section.add(Heading("Staff and service users on the same statements"))
            rows = []
            for p in self.data["parallel_items"]:
                x, y = p["x"], p["y"]
                rows.append(
                    [
                        self.item_text(y["instrument"], p["item"]),
                        f"{group_label(x['respondent_group']).capitalize()}: median "
                        f"{x['median']:g} (n {fmt_count(x['n'])})",
                        f"{group_label(y['respondent_group']).capitalize()}: median "
                        f"{y['median']:g} (n {fmt_count(y['n'])})",
                        f"{p['p_holm']:.3f}",
                        f"{p['effect_size']:+.2f}",
                    ]
                )
            section.add(
                Table(
                    "Parallel statements: staff and service users compared",
                    [
                        "Statement (service-user wording)",
                        "First group",
                        "Second group",
                        "p (Holm)",
                        "Rank-biserial r",
                    ],
                    rows,
                    note="Answers coded 1 (strongly disagree) to 5 (strongly agree); "
                    "\u201cdon't know\u201d left out. Mann-Whitney tests; r is positive when "
                    "the first group agrees more.",
                )
            )
        if self.data["comparisons"]:
            section.add(Heading("Differences between groups"), self._comparisons_table())
        return section

    def _comparisons_table(self) -> Table:
        titles = {(i.id, sc.id): sc.title for i in self.instruments.values() for sc in i.scales}
        rows = []
        for c in self.data["comparisons"]:
            scale = titles.get((c["instrument"], c["scale"]), c["scale"])
            first = [
                f"{scale} ({group_label(c['respondent_group'])})",
                ATTRIBUTE_LABEL.get(c["attribute"], c["attribute"].replace("_", " ")),
            ]
            test = f"{c['test']}: p = {c['p_holm']:.3f}, {_EFFECT.get(c['test'], 'effect')} "
            test += f"{c['effect_size']:.2f}"
            for k, g in enumerate(sorted(c["groups"], key=lambda g: g["value"] == "Other")):
                rows.append(
                    [
                        *(first if k == 0 else ["", ""]),
                        str(g["value"]),
                        fmt_count(g["n"]),
                        f"{g['median']:.0f}",
                        test if k == 0 else "",
                    ]
                )
        return Table(
            "Scale scores compared between groups",
            ["Scale", "Compared by", "Group", "n", "Median", "Test (Holm-adjusted p)"],
            rows,
            note=(
                "Groups under the disclosure minimum were merged into \u201cOther\u201d "
                "or left out. Effect sizes: rank-biserial correlation (r) for two groups, "
                "epsilon squared for more; p-values are adjusted for the number of "
                "comparisons (Holm)."
            ),
        )

    def _changes(self) -> list[Any]:
        changes = self.data["changes"]
        titles = {(i.id, sc.id): sc.title for i in self.instruments.values() for sc in i.scales}
        points, rows = [], []
        for c in changes:
            label = (
                f"{titles[(c['instrument'], c['scale'])]} ({group_label(c['respondent_group'])})"
            )
            for w in c["waves"]:
                if w["estimate"] is not None:
                    points.append(
                        {
                            "label": label,
                            "wave": w["wave"],
                            "estimate": w["estimate"],
                            "ci_low": w["ci_low"],
                            "ci_high": w["ci_high"],
                        }
                    )
            by_wave = "; ".join(
                f"{w['wave']}: {w['estimate']:.1f} (n {fmt_count(w['n'])})"
                if w["estimate"] is not None
                else f"{w['wave']}: {HIDDEN}"
                for w in c["waves"]
            )
            diff = (
                f"{c['difference']:+.1f} ({fmt_ci(c['ci_low'], c['ci_high'])}), "
                f"p = {c['p_value']:.3f}"
                if c["difference"] is not None
                else HIDDEN
            )
            trend = "—"
            if c["trend"] is not None and c["trend"] == c["trend"]:
                trend = (
                    f"{c['trend']:+.1f} a {c['trend_per']} "
                    f"({fmt_ci(c['trend_ci_low'], c['trend_ci_high'])})"
                )
            rows.append([label, by_wave, diff, trend])
        blocks: list[Any] = [Heading("Change between waves")]
        if points:
            blocks.append(
                Figure(
                    title="Scale scores by wave",
                    alt=(
                        "Line chart of mean scale scores in each wave with 95% confidence "
                        "intervals: " + "; ".join(r[0] + ": " + r[1] for r in rows)
                    ),
                    spec=charts.trend_chart(points),
                    table=Table(
                        "Scale scores by wave",
                        ["Scale", "Mean by wave", "Latest vs previous (95% CI)", "Trend (95% CI)"],
                        rows,
                        note="Differences are Welch comparisons of the latest wave with the "
                        "one before; the trend is a least-squares slope over all "
                        "waves (three or more). " + self.hidden_note(),
                    ),
                )
            )
        return blocks

    def _likert_figure(self, title: str, group: str, rows: list[dict[str, Any]]) -> Figure:
        shown = [r for r in rows if not r["suppressed"]]
        table_rows = []
        for r in rows:
            text = self.item_text(r["instrument"], r["item"])
            if r["merged"]:
                table_rows.append(
                    [
                        text,
                        fmt_count(r["n"]),
                        f"{fmt_count(r['n_not_agree'])} (with neither)",
                        "",
                        fmt_count(r["n_agree"]),
                        f"{fmt_pct(r['pct_agree'])} ({fmt_ci(r['ci_low'], r['ci_high'])})",
                        f"{r['median']:g} ({r['q1']:g}–{r['q3']:g})",
                    ]
                )
                continue
            agree = (
                f"{fmt_pct(r['pct_agree'])} ({fmt_ci(r['ci_low'], r['ci_high'])})"
                if r["pct_agree"] is not None
                else HIDDEN
            )
            spread = (
                f"{r['median']:g} ({r['q1']:g}–{r['q3']:g})" if r["median"] is not None else HIDDEN
            )
            table_rows.append(
                [
                    text,
                    fmt_count(r["n"]),
                    fmt_count(r["n_disagree"]),
                    fmt_count(r["n_neutral"]),
                    fmt_count(r["n_agree"]),
                    agree,
                    spread,
                ]
            )
        spec = (
            charts.likert_chart(
                [
                    {"label": charts.wrap_label(self.item_text(r["instrument"], r["item"])), **r}
                    for r in shown
                ]
            )
            if shown
            else {}
        )
        best = max(shown, key=lambda r: r["pct_agree"] or 0, default=None)
        alt_text = (
            f"Bar chart of agreement with {len(shown)} statements by "
            f"{group_label(group)}. "
            + (
                f"Most agreed: \u201c{self.item_text(best['instrument'], best['item'])}\u201d"
                f" ({fmt_pct(best['pct_agree'])})."
                if best and best["pct_agree"]
                else ""
            )
        )
        return Figure(
            title=f"{title}: agreement ({group_label(group)})",
            alt=alt_text,
            spec=spec,
            table=Table(
                f"{title}: answers from {group_label(group)}",
                [
                    "Statement",
                    "n",
                    "Disagree",
                    "Neither",
                    "Agree",
                    "% agree (95% CI)",
                    "Median (IQR)",
                ],
                table_rows,
                note=self.hidden_note(table_rows),
            ),
        )

    def _domain_figure(self, title: str, domains: list[dict[str, Any]]) -> Figure:
        shown = [d for d in domains if d["estimate"] is not None]
        rows = []
        for d in domains:
            label = f"{d['domain']} ({group_label(d['respondent_group'])})"
            mean = (
                f"{d['estimate']:.1f} ({fmt_ci(d['ci_low'], d['ci_high'])})"
                if d["estimate"] is not None
                else HIDDEN
            )
            rows.append([label, str(d["n_items"]), fmt_count(d["n"]), mean])
        chart_rows = [
            d
            | {"label": charts.wrap_label(f"{d['domain']} ({group_label(d['respondent_group'])})")}
            for d in shown
        ]
        return Figure(
            title=f"{title}: ratings by domain",
            alt=f"Chart of {title} ratings from 0 to 100 by domain: "
            + "; ".join(f"{d['domain']} mean {d['estimate']:.0f}" for d in shown),
            spec=charts.scale_chart(chart_rows) if chart_rows else {},
            table=Table(
                f"{title}: ratings by domain (0-100)",
                ["Domain", "Items", "People", "Mean (95% CI)"],
                rows,
                note="Each person's ratings of a domain's items, rescaled so that the lowest "
                "answer is 0 and the highest 100, averaged; then the mean over people. "
                + self.hidden_note(rows),
            ),
        )

    def _scale_figure(self, title: str, scales: list[dict[str, Any]]) -> Figure:
        rows = [
            {"label": f"{s['title']} ({group_label(s['respondent_group'])})", **s} for s in scales
        ]
        return Figure(
            title=f"{title}: scale scores",
            alt="Chart of scale scores from 0 to 100: "
            + "; ".join(
                f"{r['label']} mean {r['estimate']:.0f}, middle half of scores "
                f"{r['q1']:.0f} to {r['q3']:.0f}"
                for r in rows
            ),
            spec=charts.scale_chart([r | {"label": charts.wrap_label(r["label"])} for r in rows]),
            table=Table(
                f"{title}: scale score distribution",
                ["Scale", "n", "Mean (95% CI)", "Median", "Middle half (IQR)"],
                [
                    [
                        r["label"],
                        fmt_count(r["n"]),
                        f"{r['estimate']:.1f} ({fmt_ci(r['ci_low'], r['ci_high'])})",
                        f"{r['median']:.1f}",
                        f"{r['q1']:.1f} to {r['q3']:.1f}",
                    ]
                    for r in rows
                ],
            ),
        )

    def _scales_table(self, scales: list[dict[str, Any]]) -> Table:
        rows = []
        for s in scales:
            mean = (
                f"{s['estimate']:.1f} ({fmt_ci(s['ci_low'], s['ci_high'])})"
                if s["estimate"] is not None
                else HIDDEN
            )
            note = "" if s["verified"] else " †"
            rows.append(
                [
                    s["title"] + note,
                    group_label(s["respondent_group"]).capitalize(),
                    fmt_count(s["n"]),
                    mean,
                    fmt_count(s["n_not_scorable"]),
                ]
            )
        note = self.hidden_note(rows)
        if any(not s["verified"] for s in scales):
            note += (
                " † Scoring rule not yet checked against the instrument's official scoring "
                "instructions; see the appendix."
            )
        return Table(
            "Scale scores (0-100)",
            ["Scale", "Respondents", "n", "Mean (95% CI)", "Not scorable"],
            rows,
            note=note.strip(),
        )

    def _fft_table(self, fft: list[dict[str, Any]]) -> Table:
        rows = []
        for f in fft:
            cells = []
            for measure in ("positive", "negative"):
                m = f[measure]
                cells.append(
                    f"{fmt_pct(m['estimate'])} ({fmt_ci(m['ci_low'], m['ci_high'])})"
                    if m["estimate"] is not None
                    else HIDDEN
                )
            rows.append(
                [group_label(f["respondent_group"]).capitalize(), fmt_count(f["n"]), *cells]
            )
        return Table(
            "Friends and Family Test",
            ["Respondents", "n", "% positive (95% CI)", "% negative (95% CI)"],
            rows,
            note="Positive: very good or good; negative: poor or very poor; "
            "\u201cdon't know\u201d excluded. " + self.hidden_note(rows),
        )

    def themes(self) -> Section:
        section = Section("themes", "Themes")
        if not self.data["themes"]:
            return section.add(
                Paragraph(
                    "The free-text answers have not been coded with a codebook, so this report "
                    "gives no themes."
                )
            )
        section.add(
            Paragraph(
                "Free-text answers were coded and the codes grouped into themes. For each theme "
                "the table shows how many people who answered a question mentioned it. Quotes "
                "are from people who agreed to be quoted, with names and other details removed."
            )
        )
        counts = [
            [
                self.item_text(f["instrument"], f["item"]),
                group_label(f["respondent_group"]).capitalize(),
                fmt_count(f["n_answered"]),
                fmt_count(f["n_substantive"]),
            ]
            for f in self.data["free_text"]
        ]
        if counts:
            section.add(
                Table(
                    "Free-text answers received",
                    ["Question", "Respondents", "Answers", "Saying something"],
                    counts,
                    note="\u201cSaying something\u201d leaves out answers "
                    "such as \u201cn/a\u201d or \u201cnothing\u201d.",
                )
            )
        chart_rows = []
        for theme in self.data["themes"]:
            for p in theme["prevalence"]:
                if p["percent"] is not None:
                    chart_rows.append(
                        {
                            "theme": theme["title"],
                            "group": group_label(p["respondent_group"]).capitalize(),
                            "percent": p["percent"],
                            "question": p["item"],
                        }
                    )
        if chart_rows:
            frame = pd.DataFrame(chart_rows).groupby(["theme", "group"], sort=False)["percent"]
            summary = frame.max().reset_index()
            section.add(
                Figure(
                    title="How often each theme was mentioned",
                    alt=(
                        "Bar chart of the share of people mentioning each theme in any free-text "
                        "question, by respondent group."
                    ),
                    spec=charts.theme_chart(summary.to_dict("records")),
                    table=Table(
                        "Theme mentions (highest across questions)",
                        ["Theme", "Respondents", "% of those answering"],
                        [
                            [r["theme"], r["group"], fmt_pct(r["percent"])]
                            for r in summary.to_dict("records")
                        ],
                    ),
                )
            )
        for theme in self.data["themes"]:
            section.add(Heading(theme["title"]), Paragraph(theme["description"]))
            rows = [
                [
                    self.item_text(p["instrument"], p["item"]),
                    group_label(p["respondent_group"]).capitalize(),
                    fmt_count(p["n"]),
                    fmt_count(p["n_answered"]),
                    fmt_pct(p["percent"]),
                ]
                for p in theme["prevalence"]
            ]
            section.add(
                Table(
                    f"{theme['title']}: people mentioning it",
                    ["Question", "Respondents", "Mentioned", "Answered", "%"],
                    rows,
                    note=self.hidden_note(rows),
                )
            )
            quotes = self.quotes.get(theme["theme"], [])
            if quotes:
                section.add(
                    Quotes(
                        [Quote(q.text, group_label(q.respondent_group, one=True)) for q in quotes]
                    )
                )
        return section

    def what_works(self) -> Section:
        section = Section("what-works", "What works")
        works_items = {
            i.id
            for inst in self.instruments.values()
            for i in inst.items
            if i.type == "free_text" and i.id in ("what_works", "what_helps")
        }
        rows = [r for r in self._themes_for(works_items) if r["percent"] is not None]
        by_theme: dict[str, list[dict[str, Any]]] = {}
        for r in sorted(rows, key=lambda r: -r["percent"]):
            by_theme.setdefault(r["theme"], []).append(r)
        if by_theme:
            ranked = sorted(by_theme.items(), key=lambda kv: -max(r["percent"] for r in kv[1]))
            section.add(
                Paragraph(
                    "Asked what works well, people most often described "
                    + _and(
                        [
                            f"{theme.lower()} ("
                            + _and(
                                [
                                    f"{fmt_pct(r['percent'])} of "
                                    f"{group_label(r['respondent_group'])}"
                                    for r in found
                                ]
                            )
                            + " who answered)"
                            for theme, found in ranked[:4]
                        ]
                    )
                    + "."
                )
            )
        if self.works_quotes:
            section.add(
                Quotes(
                    [
                        Quote(q.text, group_label(q.respondent_group, one=True))
                        for q in self.works_quotes
                    ]
                )
            )
        if len(section.blocks) == 0:
            section.add(Paragraph("No free-text answers about what works were coded."))
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
                + _or([NOT_SCORABLE_WORDS.get(c, r) for c, r in REASON_CODES.items()])
                + ". Each scale's table gives how many scores could not be computed."
            )
        )
        section.add(Heading("Disclosure control"))
        section.add(Paragraph(self.policy.describe()))
        return section


#: each reason a score was not computed, as the end of "not computed when ..."
NOT_SCORABLE_WORDS = {
    "no_item_important": "they marked no item as important (where the scale counts only "
    "items that matter to the person)",
    "no_items_answered": "they answered none of its items",
    "too_few_answered": "they answered fewer of its items than the scale needs",
}


def _or(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " or " + parts[-1]


#: how an attribute reads as a column of a table
ATTRIBUTE_LABEL = {
    "profession": "Profession",
    "care_group": "Care group",
    "time_alongside_psws": "Time alongside PSWs",
    "months_with_psw": "Time with a PSW",
}
_EFFECT = {"Mann-Whitney": "r", "Kruskal-Wallis": "epsilon squared"}


def _and(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
