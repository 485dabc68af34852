"""Components drawn through the cache are exactly what the NHS.UK macros draw."""

from __future__ import annotations

from django.template import engines

from peerval.web.nhsuk_forms.render import draw, summary_rows


def _macro(source: str, **context) -> str:
    return engines["jinja2"].env.from_string(source).render(**context)


def test_a_drawn_header_is_the_macros_header():
    params = {"service": {"text": "Survey for staff", "href": "/s/abc/"}, "account": None}
    direct = _macro(
        '{% from "nhsuk/components/header/macro.jinja" import header %}{{ header(params) }}',
        params=params,
    )
    assert str(draw("header", params)) == direct
    assert str(draw("header", params)) == direct  # and again, from the cache


def test_summary_rows_match_the_summary_list_rows():
    rows = [
        {
            "key": {"text": "How valued"},
            "value": {"text": "Strongly agree"},
            "actions": {"items": [{"href": "/s/x/q/1/?change=1", "text": "Change"}]},
        },
        {"key": {"text": "Care group"}, "value": {"text": "Older adults"}},
    ]
    drawn = str(summary_rows(rows))
    direct = _macro(
        '{% from "nhsuk/components/summary-list/macro.jinja" import summaryList %}'
        '{{ summaryList({"rows": rows}) }}',
        rows=rows,
    )

    def squash(html: str) -> str:
        return " ".join(html.split())

    assert squash(drawn) in squash(direct)
    assert "nhsuk-summary-list__row--no-actions" in drawn  # the row without a change link


def test_different_parameters_draw_different_html():
    first = draw("button", {"text": "Continue"})
    second = draw("button", {"text": "Send answers"})
    assert "Continue" in first and "Send answers" in second and first != second
