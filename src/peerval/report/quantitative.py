"""The report's quantitative section: Likert items, domains, scales, the Friends and Family
Test, change between waves, staff and service users on the same statements, and differences
between groups. A part of the report builder (:mod:`peerval.report.build`)."""

from __future__ import annotations

from typing import Any

from . import charts
from .model import Figure, Heading, Paragraph, Section, Table
from .words import (
    ATTRIBUTE_LABEL,
    EFFECT_NAME,
    HIDDEN,
    fmt_ci,
    fmt_count,
    fmt_pct,
    group_label,
)


class QuantitativeSections:
    """Draws the quantitative section from ``self.data`` (published results only)."""

    data: dict[str, Any]
    instruments: Any
    policy: Any

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
            test = f"{c['test']}: p = {c['p_holm']:.3f}, {EFFECT_NAME.get(c['test'], 'effect')} "
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
