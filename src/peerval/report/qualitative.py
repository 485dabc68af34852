"""The report's qualitative sections: themes with their prevalence and quotes, and What
works. A part of the report builder (:mod:`peerval.report.build`)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from . import charts
from .model import Figure, Heading, Paragraph, Quote, Quotes, Section, Table
from .words import (
    fmt_count,
    fmt_pct,
    group_label,
    join_and,
)


class QualitativeSections:
    """Draws the themes and What works from ``self.data`` and the chosen quotes."""

    data: dict[str, Any]
    instruments: Any
    quotes: Any
    works_quotes: Any

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
                    + join_and(
                        [
                            f"{theme.lower()} ("
                            + join_and(
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
