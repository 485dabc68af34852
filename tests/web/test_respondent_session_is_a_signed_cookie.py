"""A respondent's session travels in a signed cookie on the survey pages; staff keep theirs."""

from __future__ import annotations

from django.contrib.sessions.models import Session

from peerval.web.config.sessions import RESPONDENT_COOKIE, SURVEY_PATH
from peerval.web.surveys.models import Response

from .survey_helpers import complete_survey, key_from


def _consent(client, collection):
    base = f"/s/{collection.token}/"
    page = client.get(base)
    return client.post(base, {"consent": "on", "idempotency_key": key_from(page.text)})


def test_consenting_sets_a_survey_cookie_and_stores_no_session_row(client, staff_collection):
    answer = _consent(client, staff_collection)
    assert answer.status_code == 302
    cookie = answer.cookies[RESPONDENT_COOKIE]
    assert cookie["path"] == SURVEY_PATH
    assert cookie["httponly"]
    assert "sessionid" not in answer.cookies
    assert Session.objects.count() == 0
    assert client.get(f"/s/{staff_collection.token}/q/0/").status_code == 200


def test_a_tampered_survey_cookie_finds_no_draft(client, staff_collection):
    _consent(client, staff_collection)
    value = client.cookies[RESPONDENT_COOKIE].value
    client.cookies[RESPONDENT_COOKIE] = value[:-3] + ("AAA" if not value.endswith("AAA") else "BBB")
    page = client.get(f"/s/{staff_collection.token}/q/0/")
    assert page.status_code == 302
    assert page["Location"] == f"/s/{staff_collection.token}/"


def test_a_signed_in_lead_can_answer_a_survey_and_stay_signed_in(client, lead, staff_collection):
    client.force_login(lead)
    staff_session = client.cookies["sessionid"].value
    complete_survey(client, staff_collection)
    assert Response.objects.get().status == Response.SUBMITTED
    assert client.cookies["sessionid"].value == staff_session
    assert client.get("/").status_code == 200  # still signed in
