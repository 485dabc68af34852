"""Deleting an evaluation, after typing its name, removes everything in it."""

from __future__ import annotations

from peerval.web.accounts.models import Membership
from peerval.web.surveys.models import Collection, Evaluation, Invitation, Response, Wave

from .survey_helpers import complete_survey, fresh_key


def _url(evaluation):
    return f"/evaluations/{evaluation.pk}/delete/"


def test_the_confirmation_page_says_what_will_go(client, lead, staff_collection):
    complete_survey(client, staff_collection)
    client.force_login(lead)
    page = client.get(_url(staff_collection.wave.evaluation))
    assert page.status_code == 200
    assert "This cannot be undone" in page.text
    assert "1 wave, 1 collection, 1 response" in page.text


def test_a_wrong_name_is_refused_with_422(client, lead, evaluation):
    client.force_login(lead)
    response = client.post(
        _url(evaluation), {"confirm": "Peer support", "idempotency_key": fresh_key()}
    )
    assert response.status_code == 422
    assert "The name you entered does not match" in response.text
    assert '<a href="#confirm"' in response.text
    assert Evaluation.objects.filter(pk=evaluation.pk).exists()


def test_the_evaluation_and_everything_in_it_are_deleted(client, lead, staff_collection):
    complete_survey(client, staff_collection)
    Response.objects.create(collection=staff_collection, consented=True)  # a draft
    Invitation.objects.create(collection=staff_collection, code_hash="0" * 64)
    evaluation = staff_collection.wave.evaluation
    client.force_login(lead)
    response = client.post(
        _url(evaluation),
        {"confirm": "Peer support evaluation 2026", "idempotency_key": fresh_key()},
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    for model in (Evaluation, Wave, Collection, Response, Invitation, Membership):
        assert not model.objects.exists(), model.__name__
    assert "Evaluation deleted: Peer support evaluation 2026" in client.get("/").text
