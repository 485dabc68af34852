"""Staff type in paper questionnaires through the same pages; they are marked as paper."""

from __future__ import annotations

import pytest

from peerval.web.surveys.models import Response

from .survey_helpers import key_from, typical_answers


def _enter_paper(client, collection) -> str:
    from peerval.web.surveys.services.questionnaire import questionnaire_for

    start = f"/collections/{collection.pk}/paper/"
    page = client.get(start)
    assert page.status_code == 200
    assert "Type in a paper questionnaire" in page.text
    response = client.post(start, {"consent": "on", "idempotency_key": key_from(page.text)})
    assert response.status_code == 302
    url = response["Location"]
    for questions in questionnaire_for(collection.instrument_refs()).pages:
        page = client.get(url)
        response = client.post(
            url, typical_answers(questions) | {"idempotency_key": key_from(page.text)}
        )
        assert response.status_code == 302, response.text[:2000]
        url = response["Location"]
    check = client.get(url)
    assert "Save questionnaire" in check.text
    done = client.post(url, {"idempotency_key": key_from(check.text)}, follow=True)
    return done.text


def test_a_lead_types_in_a_paper_questionnaire(client, lead, staff_collection):
    client.force_login(lead)
    html = _enter_paper(client, staff_collection)
    assert "Paper questionnaire saved" in html
    stored = Response.objects.get()
    assert stored.status == Response.SUBMITTED
    assert stored.channel == Response.PAPER
    assert stored.entered_by == lead
    assert stored.answers["staff-psw-survey"]["valued_member"] == 5


@pytest.mark.parametrize(("who", "status"), [("coder", 403), ("outsider", 404)])
def test_paper_entry_needs_the_paper_permission(client, who, status, request, staff_collection):
    client.force_login(request.getfixturevalue(who))
    assert client.get(f"/collections/{staff_collection.pk}/paper/").status_code == status


def test_paper_entry_needs_sign_in(client, staff_collection):
    response = client.get(f"/collections/{staff_collection.pk}/paper/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
