"""A report's quotes never name the evaluation's own care groups, wards or sites."""

from __future__ import annotations

from datetime import date

import pandas as pd

from peerval.demo import generate_demo
from peerval.instruments import get_instrument
from peerval.qual.redact.listed import evaluation_places
from peerval.report import report_for, report_quotes
from peerval.report.html import render_html
from peerval.results import evaluate


def test_the_care_group_labels_of_the_instruments_are_listed_but_not_other():
    survey = get_instrument("service-user-psw-survey")
    places = evaluation_places([survey])
    assert "Older adults" in places
    assert "Forensic and secure" in places
    assert "Other" not in places


def test_place_attributes_in_the_respondents_and_the_leads_own_names_are_listed():
    people = pd.DataFrame({"ward": ["Larch", "Larch", None, "7"], "profession": ["Nurse"] * 4})
    assert evaluation_places([], people, extra=["Kestrel Team "]) == ["Kestrel Team", "Larch"]


def test_quotes_in_the_report_name_no_care_group_and_no_ward_the_lead_listed():
    demo = generate_demo()
    answers = demo.responses.answers.copy()
    is_text = answers["text"].notna() & (answers["text"].str.len() > 0)
    # every free-text answer now names a care group and a ward with no pattern to find it
    answers.loc[is_text, "text"] = (
        answers.loc[is_text, "text"] + " Older adults on Larkspur were lucky to have this."
    )
    results = evaluate(
        demo.responses, demo.instruments, codings=demo.codings, codebook=demo.codebook
    )
    plain = report_for(results, answers=answers, codings=demo.codings, today=date(2026, 3, 1))
    listed = report_for(
        results, answers=answers, codings=demo.codings, today=date(2026, 3, 1), places=["Larkspur"]
    )
    assert "Larkspur" in render_html(plain)  # without the lead's list the ward shows
    html = render_html(listed)
    assert "Larkspur" not in html
    assert "Older adults on" not in html and "[place] on [place]" in html


def test_each_quote_keeps_what_was_redacted_and_why_for_a_lead_to_check():
    demo = generate_demo()
    answers = demo.responses.answers.copy()
    is_text = answers["text"].notna() & (answers["text"].str.len() > 0)
    answers.loc[is_text, "text"] = "My PSW Baz was there for me. " + answers.loc[is_text, "text"]
    results = evaluate(
        demo.responses, demo.instruments, codings=demo.codings, codebook=demo.codebook
    )
    quotes = report_quotes(results, answers=answers, codings=demo.codings)
    chosen = [q for theme in quotes.by_theme.values() for q in theme]
    assert chosen
    for quote in chosen:
        assert "Baz" not in quote.text
        assert ("Baz", "a capitalised word after a role") in {
            (r.text, r.reason) for r in quote.redactions
        }
