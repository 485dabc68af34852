"""Item fields are built once per instrument and item; each form gets its own copy."""

from __future__ import annotations

from peerval.web.nhsuk_forms import build_form
from peerval.web.nhsuk_forms.fields import _build, field_for
from peerval.web.surveys.services.questionnaire import load_instrument


def test_each_form_gets_its_own_field_equal_to_a_fresh_one():
    survey = load_instrument("staff-psw-survey")
    item = survey.item("valued_member")
    first, second, fresh = field_for(survey, item), field_for(survey, item), _build(survey, item)
    assert first is not second
    assert first.choices == fresh.choices and first.choices  # what a fresh build gives
    assert (first.required, first.label, first.item) == (fresh.required, fresh.label, item)


def test_making_one_forms_field_optional_leaves_the_next_form_required():
    survey = load_instrument("staff-psw-survey")
    items = [survey.item("valued_member")]
    assert items[0].required
    saving = build_form(survey, items, data={})
    saving.fields["valued_member"].required = False  # as "save and come back later" does
    assert saving.is_valid()
    later = build_form(survey, items, data={})
    assert not later.is_valid() and "valued_member" in later.errors


def test_another_instrument_object_gets_fields_built_from_it():
    survey = load_instrument("staff-psw-survey")
    item = survey.item("valued_member")
    relabelled = item.model_copy(update={"text": "A different wording"})
    assert field_for(survey, relabelled).label == "A different wording"
    assert field_for(survey, item).label == (item.text or item.id)
