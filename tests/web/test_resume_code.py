"""Save and come back later: a resume code brings a respondent back to their answers."""

from __future__ import annotations

import re

from django.test import Client

from peerval.web.surveys.models import Response

from .survey_helpers import complete_survey, key_from

CODE = re.compile(r'id="resume-code"><strong>([A-Z0-9-]+)</strong>')


def _save_first_page(client, collection) -> str:
    base = f"/s/{collection.token}/"
    page = client.get(base)
    client.post(base, {"consent": "on", "idempotency_key": key_from(page.text)})
    page = client.get(f"{base}q/0/")
    saved = client.post(
        f"{base}q/0/",
        {"profession": "3", "action": "save", "idempotency_key": key_from(page.text)},
    )
    assert saved.status_code == 200
    found = CODE.search(saved.text)
    assert found, saved.text[:3000]
    return found.group(1)


def test_saving_keeps_partial_answers_without_asking_for_required_ones(client, staff_collection):
    _save_first_page(client, staff_collection)
    draft = Response.objects.get()
    assert draft.status == Response.DRAFT
    assert draft.answers == {"staff-psw-survey": {"profession": 3}}


def test_resume_code_returns_to_the_first_unfinished_page_with_answers_kept(staff_collection):
    code = _save_first_page(Client(), staff_collection)
    later = Client()  # another day, another browser
    base = f"/s/{staff_collection.token}/"
    resumed = later.post(f"{base}resume/", {"code": code.lower().replace("-", " ")})
    assert resumed.status_code == 302
    assert resumed["Location"] == f"{base}q/0/"  # the required care group is still missing
    page = later.get(f"{base}q/0/").text
    assert re.search(r'value="3"\s+checked', page)


def test_a_wrong_resume_code_is_refused_with_an_error(client, staff_collection):
    base = f"/s/{staff_collection.token}/"
    refused = client.post(f"{base}resume/", {"code": "AAAA-BBBB-CCCC"})
    assert refused.status_code == 422
    assert "This resume code is not valid" in refused.text
    assert 'href="#code"' in refused.text


def test_a_resume_code_stops_working_once_the_answers_are_sent(staff_collection):
    first = Client()
    code = _save_first_page(first, staff_collection)
    complete_survey(first, staff_collection)  # carries on in the same browser and sends
    assert Response.objects.get(status=Response.SUBMITTED).resume_hash is None
    refused = Client().post(f"/s/{staff_collection.token}/resume/", {"code": code})
    assert refused.status_code == 422


def test_only_the_hash_of_a_resume_code_is_stored(client, staff_collection):
    code = _save_first_page(client, staff_collection)
    draft = Response.objects.get()
    assert code.replace("-", "") not in draft.resume_hash
    assert len(draft.resume_hash) == 64
