"""A repeated form submission (double click, retry, back button) never stores twice."""

from __future__ import annotations

from peerval.web.surveys.models import IdempotencyRecord, Response

from .survey_helpers import complete_survey, key_from


def test_sending_the_same_start_form_twice_makes_one_draft(client, staff_collection):
    base = f"/s/{staff_collection.token}/"
    key = key_from(client.get(base).text)
    first = client.post(base, {"consent": "on", "idempotency_key": key})
    second = client.post(base, {"consent": "on", "idempotency_key": key})
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Response.objects.count() == 1


def test_sending_answers_twice_with_one_key_submits_once(client, staff_collection):
    base = f"/s/{staff_collection.token}/"
    complete_survey(client, staff_collection)
    record = IdempotencyRecord.objects.filter(scope="survey-submit").get()
    again = client.post(f"{base}check/", {"idempotency_key": str(record.key)})
    assert again.status_code == 302
    assert again["Location"] == f"{base}done/"
    assert Response.objects.filter(status=Response.SUBMITTED).count() == 1


def test_a_second_person_on_the_same_link_is_a_second_response(client, staff_collection):
    from django.test import Client

    complete_survey(client, staff_collection)
    complete_survey(Client(), staff_collection)
    assert Response.objects.filter(status=Response.SUBMITTED).count() == 2


def test_after_sending_the_link_starts_a_new_response_on_the_same_device(client, staff_collection):
    complete_survey(client, staff_collection)
    complete_survey(client, staff_collection)
    assert Response.objects.filter(status=Response.SUBMITTED).count() == 2
