"""Charts as Vega-Lite specs (built with Altair) and their static images (vl-convert).

Colours are the NHS identity's blue and orange with a grey neutral, distinguishable with
the common forms of colour blindness; every chart also has a data table and alt text.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

__all__ = [
    "trend_chart",
    "likert_chart",
    "scale_chart",
    "svg_to_png",
    "theme_chart",
    "to_png",
    "to_svg",
]

AGREE, NEUTRAL, DISAGREE, MERGED = "#005eb8", "#aeb7bd", "#ed8b00", "#f4c58a"
FONT = "Arial, Helvetica, DejaVu Sans, Liberation Sans, sans-serif"
WIDTH = 520


#: an axis label written over several lines: the label holds its line breaks
_LINES = "split(datum.label, '\\n')"
#: characters per line of a wrapped label, and lines at most
LABEL_WIDTH, LABEL_LINES = 38, 3


def wrap_label(text: str, width: int = LABEL_WIDTH, lines: int = LABEL_LINES) -> str:
    """A chart label broken between words into lines (joined by newlines), so that a chart
    never cuts a word; text past the last line ends in an ellipsis after a whole word.

    >>> wrap_label("Peer Support Workers are valued members of our team.", width=20)
    'Peer Support Workers\\nare valued members\\nof our team.'
    """
    out: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if len(candidate) <= width or not line:
            line = candidate
            continue
        out.append(line)
        line = word
        if len(out) == lines:
            out[-1] = out[-1].rstrip(",;:") + "…"
            return "\n".join(out)
    out.append(line)
    return "\n".join(out)


def _row_height(labels: list[str], base: int) -> int:
    most = max((label.count("\n") + 1 for label in labels), default=1)
    return max(base, 15 * most + 12)


def _config(chart: alt.TopLevelMixin) -> dict[str, Any]:
    chart = (
        chart.configure(font=FONT)
        .configure_view(strokeWidth=0)
        .configure_axis(labelFontSize=11, titleFontSize=11, labelLimit=260)
        .configure_legend(labelFontSize=11, titleFontSize=11, orient="bottom")
    )
    return chart.to_dict()


def likert_chart(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Diverging stacked bars: disagree to the left of zero, neutral split across it, agree right.

    ``rows``: label, n_agree and either n_disagree and n_neutral, or n_not_agree where those
    two were merged to protect small numbers (drawn as one "Neither or disagree" bar).
    """
    parts = []
    for order, row in enumerate(rows):
        if row.get("merged"):
            n = row["n_not_agree"] + row["n_agree"]
            other, a = 100.0 * row["n_not_agree"] / n, 100.0 * row["n_agree"] / n
            parts += [
                {
                    "label": row["label"],
                    "order": order,
                    "answer": "Neither or disagree",
                    "start": -other,
                    "end": 0.0,
                    "percent": other,
                },
                {
                    "label": row["label"],
                    "order": order,
                    "answer": "Agree",
                    "start": 0.0,
                    "end": a,
                    "percent": a,
                },
            ]
            continue
        n = row["n_disagree"] + row["n_neutral"] + row["n_agree"]
        d, u, a = (100.0 * row[k] / n for k in ("n_disagree", "n_neutral", "n_agree"))
        parts += [
            {
                "label": row["label"],
                "order": order,
                "answer": "Disagree",
                "start": -d - u / 2,
                "end": -u / 2,
                "percent": d,
            },
            {
                "label": row["label"],
                "order": order,
                "answer": "Neither",
                "start": -u / 2,
                "end": u / 2,
                "percent": u,
            },
            {
                "label": row["label"],
                "order": order,
                "answer": "Agree",
                "start": u / 2,
                "end": u / 2 + a,
                "percent": a,
            },
        ]
    data = pd.DataFrame(parts)
    domain = ["Disagree", "Neither or disagree", "Neither", "Agree"]
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X(
                "start:Q",
                title="% of answers (disagree left, agree right)",
                scale=alt.Scale(domain=[-100, 100]),
            ),
            x2="end:Q",
            y=alt.Y(
                "label:N",
                title=None,
                sort=alt.EncodingSortField("order"),
                axis=alt.Axis(labelExpr=_LINES),
            ),
            color=alt.Color(
                "answer:N",
                title="Answer",
                scale=alt.Scale(domain=domain, range=[DISAGREE, MERGED, NEUTRAL, AGREE]),
            ),
            tooltip=["label:N", "answer:N", alt.Tooltip("percent:Q", format=".0f")],
        )
        .properties(
            width=WIDTH,
            height=max(60, _row_height([r["label"] for r in rows], 26) * len(rows)),
        )
    )
    return _config(chart)


def scale_chart(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Scale scores on 0-100: the middle half of scores (quartiles) as a pale bar, the median
    as a tick, and the mean with its 95% confidence interval as a dot and line.

    ``rows``: label, q1, median, q3, estimate, ci_low, ci_high.
    """
    data = pd.DataFrame(rows)
    base = alt.Chart(data).encode(
        y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelExpr=_LINES))
    )
    spread = base.mark_bar(color=NEUTRAL, opacity=0.6, size=18).encode(
        x=alt.X(
            "q1:Q",
            title="Score (0-100): middle half of scores, median, mean with 95% CI",
            scale=alt.Scale(domain=[0, 100]),
        ),
        x2="q3:Q",
    )
    median = base.mark_tick(color="#212b32", thickness=2, size=18).encode(x="median:Q")
    rule = base.mark_rule(color=AGREE, strokeWidth=2).encode(x="ci_low:Q", x2="ci_high:Q")
    point = base.mark_point(filled=True, size=70, color=AGREE).encode(
        x="estimate:Q",
        tooltip=[
            "label:N",
            alt.Tooltip("estimate:Q", format=".1f"),
            alt.Tooltip("median:Q", format=".1f"),
            alt.Tooltip("q1:Q", format=".1f"),
            alt.Tooltip("q3:Q", format=".1f"),
        ],
    )
    height = max(60, _row_height([r["label"] for r in rows], 34) * len(rows))
    chart = (spread + median + rule + point).properties(width=WIDTH, height=height)
    return _config(chart)


def theme_chart(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """% of people answering a question whose answer carries each theme, by respondent group.

    ``rows``: theme, group, percent (shown values only).
    """
    data = pd.DataFrame(rows)
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X(
                "percent:Q", title="% of people who answered", scale=alt.Scale(domain=[0, 100])
            ),
            y=alt.Y("theme:N", title=None, sort=None),
            yOffset="group:N",
            color=alt.Color(
                "group:N", title="Respondents", scale=alt.Scale(range=[AGREE, DISAGREE])
            ),
            tooltip=["theme:N", "group:N", alt.Tooltip("percent:Q", format=".0f")],
        )
        .properties(width=WIDTH, height=max(80, 44 * data["theme"].nunique()))
    )
    return _config(chart)


def trend_chart(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Mean score per wave with its 95% CI, one line per scale.

    ``rows``: label, wave, estimate, ci_low, ci_high (shown values only).
    """
    data = pd.DataFrame(rows)
    base = alt.Chart(data).encode(
        x=alt.X("wave:O", title="Wave"),
        color=alt.Color("label:N", title=None, legend=alt.Legend(orient="bottom", columns=1)),
    )
    band = base.mark_rule(strokeWidth=2, opacity=0.5).encode(
        y=alt.Y(
            "ci_low:Q", title="Mean score (0-100) with 95% CI", scale=alt.Scale(domain=[0, 100])
        ),
        y2="ci_high:Q",
    )
    line = base.mark_line(point=True).encode(
        y="estimate:Q",
        tooltip=["label:N", "wave:O", alt.Tooltip("estimate:Q", format=".1f")],
    )
    return _config((band + line).properties(width=WIDTH, height=260))


def to_svg(spec: dict[str, Any]) -> str:
    """A static SVG of a chart (fonts as text, so it stays sharp and searchable)."""
    import vl_convert as vlc

    return vlc.vegalite_to_svg(spec)


def to_png(spec: dict[str, Any], scale: float = 2.0) -> bytes:
    """A static PNG of a chart, for Word."""
    import vl_convert as vlc

    return vlc.vegalite_to_png(spec, scale=scale)


def svg_to_png(data_url: str, scale: float = 2.0) -> bytes:
    """A PNG from an SVG data URL made by :func:`to_svg` (no second chart layout)."""
    import base64

    import vl_convert as vlc

    svg = base64.b64decode(data_url.split(",", 1)[1]).decode("utf-8")
    return vlc.svg_to_png(svg, scale=scale)
