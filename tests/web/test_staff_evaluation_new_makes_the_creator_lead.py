"""Creating an evaluation: the creator becomes its lead and it starts with the care groups
of the built-in staff survey."""

from __future__ import annotations

from peerval.web.accounts.models import Membership
from peerval.web.audit.models import AuditEvent
from peerval.web.surveys.models import Evaluation
from peerval.web.surveys.services.questionnaire import load_instrument

from .survey_helpers import fresh_key

URL = "/evaluations/new/"


def _form(**changes):
    data = {
        "name": "Rehabilitation peer support 2026",
        "organisation": "Example NHS Trust",
        "disclosure_rule": "threshold",
        "disclosure_threshold": "5",
        "idempotency_key": fresh_key(),
    }
    return data | changes


def test_the_creator_becomes_lead_and_care_groups_come_from_the_staff_survey(client, outsider):
    client.force_login(outsider)
    response = client.post(URL, _form(disclosure_threshold="10"))
    created = Evaluation.objects.get(name="Rehabilitation peer support 2026")
    assert response.status_code == 302
    assert response["Location"] == f"/evaluations/{created.pk}/"
    assert created.organisation == "Example NHS Trust"
    assert created.disclosure_threshold == 10
    assert created.created_by == outsider
    assert Membership.objects.get(evaluation=created).role == "lead"
    survey = load_instrument("staff-psw-survey")
    options = survey.options_for(survey.item("care_group"))
    expected = [(o.code, o.label) for o in options if not o.missing]
    assert list(created.care_groups.values_list("code", "label")) == expected
    event = AuditEvent.objects.get(action="create", evaluation=created)
    assert event.user == outsider


def test_the_nhs_rule_keeps_the_default_threshold(client, outsider):
    client.force_login(outsider)
    client.post(URL, _form(disclosure_rule="nhs_1_7", disclosure_threshold="1"))
    created = Evaluation.objects.get()
    assert (created.disclosure_rule, created.disclosure_threshold) == ("nhs_1_7", 5)


def test_a_missing_name_is_shown_in_the_error_summary_with_422(client, outsider):
    client.force_login(outsider)
    response = client.post(URL, _form(name=""))
    assert response.status_code == 422
    assert "There is a problem" in response.text
    assert '<a href="#name"' in response.text
    assert "Enter a name for the evaluation" in response.text
    assert not Evaluation.objects.exists()


def test_a_threshold_outside_5_to_100_is_refused(client, outsider):
    client.force_login(outsider)
    for value in ("4", "101", "five"):
        response = client.post(URL, _form(disclosure_threshold=value))
        assert response.status_code == 422, value
        assert "Enter a smallest group size from 5 to 100" in response.text
        assert '<a href="#disclosure_threshold"' in response.text
    assert not Evaluation.objects.exists()


def test_a_double_click_creates_one_evaluation(client, outsider):
    client.force_login(outsider)
    data = _form()
    first = client.post(URL, data)
    second = client.post(URL, data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Evaluation.objects.count() == 1
