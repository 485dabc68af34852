"""The thank-you page is shown only for a response that is stored as submitted."""

from __future__ import annotations

import pytest
from django.db import DatabaseError

from peerval.web.surveys.models import Response
from peerval.web.surveys.services import responses as service

from .survey_helpers import key_from, typical_answers


def _answer_everything(client, collection) -> str:
    from peerval.web.surveys.services.questionnaire import questionnaire_for

    base = f"/s/{collection.token}/"
    client.post(base, {"consent": "on", "idempotency_key": key_from(client.get(base).text)})
    for n, page in enumerate(questionnaire_for(collection.instrument_refs()).pages):
        url = f"{base}q/{n}/"
        client.post(
            url, typical_answers(page) | {"idempotency_key": key_from(client.get(url).text)}
        )
    return base


def test_done_page_without_sending_goes_back_to_the_start(client, staff_collection):
    response = client.get(f"/s/{staff_collection.token}/done/")
    assert response.status_code == 302
    assert response["Location"] == f"/s/{staff_collection.token}/"


def test_a_failed_commit_shows_an_error_not_thanks(client, staff_collection, monkeypatch):
    base = _answer_everything(client, staff_collection)

    def fail(response):
        raise DatabaseError("disk full")

    monkeypatch.setattr(service, "submit", fail)
    client.raise_request_exception = False
    check = client.get(f"{base}check/")
    response = client.post(f"{base}check/", {"idempotency_key": key_from(check.text)})
    assert response.status_code == 500
    assert "Thank you" not in response.text
    assert Response.objects.get().status == Response.DRAFT


@pytest.mark.django_db
def test_sending_with_a_required_answer_missing_returns_to_that_page(client, staff_collection):
    base = f"/s/{staff_collection.token}/"
    client.post(base, {"consent": "on", "idempotency_key": key_from(client.get(base).text)})
    check = client.get(f"{base}check/")
    response = client.post(f"{base}check/", {"idempotency_key": key_from(check.text)})
    assert response.status_code == 302
    assert response["Location"] == f"{base}q/0/"
    assert Response.objects.get().status == Response.DRAFT
