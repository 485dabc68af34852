"""Setting up a collection: one per respondent group per wave, with the group's questionnaires
pinned to their current versions."""

from __future__ import annotations

from peerval.web.surveys.models import Collection
from peerval.web.surveys.services.questionnaire import load_instrument

from .survey_helpers import fresh_key


def _url(wave):
    return f"/waves/{wave.pk}/collections/new/"


def _form(**changes):
    data = {
        "respondent_group": "service_user",
        "instruments_service_user": ["service-user-psw-survey", "fft"],
        "instruments_staff": ["staff-psw-survey"],
        "anonymous": "yes",
        "invitation_only": "no",
        "idempotency_key": fresh_key(),
    }
    return data | changes


def test_the_suggested_questionnaires_are_ticked(client, lead, wave):
    client.force_login(lead)
    html = client.get(_url(wave)).text
    assert 'name="instruments_staff" type="checkbox" value="staff-psw-survey" checked' in html
    assert 'value="service-user-psw-survey" checked' in html
    assert 'value="inspire" checked' not in html


def test_a_collection_is_created_in_draft_with_pinned_versions(client, lead, wave):
    client.force_login(lead)
    response = client.post(_url(wave), _form(invitation_only="yes", anonymous="no"))
    created = Collection.objects.get(wave=wave)
    assert response.status_code == 302
    assert response["Location"] == f"/collections/{created.pk}/"
    assert created.respondent_group == "service_user"
    assert created.status == Collection.DRAFT
    assert (created.anonymous, created.invitation_only) == (False, True)
    expected = [
        {"id": i, "version": load_instrument(i).version} for i in ("service-user-psw-survey", "fft")
    ]
    assert created.instruments == expected


def test_a_second_collection_for_the_same_group_is_refused(client, lead, staff_collection):
    client.force_login(lead)
    response = client.post(_url(staff_collection.wave), _form(respondent_group="staff"))
    assert response.status_code == 422
    assert "Wave 2026 already has a collection for staff" in response.text
    assert '<a href="#respondent_group"' in response.text
    assert Collection.objects.count() == 1


def test_a_group_without_questionnaires_is_refused(client, lead, wave):
    client.force_login(lead)
    response = client.post(_url(wave), _form(instruments_service_user=[]))
    assert response.status_code == 422
    assert "Select at least one questionnaire" in response.text
    assert '<a href="#instruments_service_user"' in response.text
    assert not Collection.objects.exists()


def test_a_questionnaire_for_another_group_is_refused(client, lead, wave):
    client.force_login(lead)
    response = client.post(
        _url(wave), _form(respondent_group="staff", instruments_staff=["inspire"])
    )
    assert response.status_code == 422
    assert "Select questionnaires from the list for staff" in response.text
    assert not Collection.objects.exists()
