"""Drawn fields are reused only when everything that shapes them is the same."""

from __future__ import annotations

from peerval.web.nhsuk_forms import build_form
from peerval.web.nhsuk_forms.render import render_field
from peerval.web.surveys.services.questionnaire import load_instrument


def _field(data=None, stored=None):
    survey = load_instrument("staff-psw-survey")
    items = [survey.item("valued_member")]
    form = build_form(survey, items, data=data, stored=stored)
    if data is not None:
        form.is_valid()
    return form["valued_member"]


def test_same_question_same_state_draws_the_same_html():
    assert str(render_field(_field())) == str(render_field(_field()))


def test_a_chosen_answer_or_an_error_changes_the_html():
    blank = str(render_field(_field()))
    chosen = str(render_field(_field(stored={"valued_member": 4})))
    error = str(render_field(_field(data={"valued_member": ""})))
    assert 'value="4" checked' in chosen and "checked" not in blank
    assert "nhsuk-error-message" in error and "nhsuk-error-message" not in blank
    assert len({blank, chosen, error}) == 3
