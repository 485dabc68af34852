"""A collection asking INSPIRE cannot open until the licensed wording pack is installed;
the page names the instrument and why."""

from __future__ import annotations

from peerval.web.audit.models import AuditEvent
from peerval.web.surveys.models import Collection
from peerval.web.surveys.services.questionnaire import load_instrument

from .survey_helpers import fresh_key


def test_opening_a_collection_with_inspire_is_refused_naming_the_reason(client, lead, wave):
    refs = [load_instrument(i) for i in ("service-user-psw-survey", "inspire")]
    collection = Collection.objects.create(
        wave=wave,
        respondent_group="service_user",
        instruments=[{"id": i.id, "version": i.version} for i in refs],
    )
    client.force_login(lead)
    response = client.post(f"/collections/{collection.pk}/open/", {"idempotency_key": fresh_key()})
    assert response.status_code == 422
    assert "There is a problem" in response.text
    assert "INSPIRE is a licensed instrument and its wording is not installed" in response.text
    assert "install-wording" in response.text
    collection.refresh_from_db()
    assert collection.status == Collection.DRAFT
    assert not AuditEvent.objects.filter(action="collection").exists()
