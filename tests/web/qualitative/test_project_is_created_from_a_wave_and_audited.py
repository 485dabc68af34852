"""Creating a project from the form: one project per submission (the idempotency key), an
audit event, and a clear error for a wave with no free text."""

from __future__ import annotations

from django.urls import reverse

from peerval.web.audit.models import AuditEvent
from peerval.web.qualitative.models import Project
from peerval.web.surveys.models import Wave

from ..survey_helpers import key_from


def _form(client, evaluation):
    url = reverse("qualitative:project_new", args=[evaluation.pk])
    page = client.get(url)
    assert page.status_code == 200
    return url, key_from(page.text)


def test_a_project_is_created_once_and_audited(client, evaluation, wave, answered, lead):
    client.force_login(lead)
    url, key = _form(client, evaluation)
    data = {"wave": str(wave.pk), "name": "Staff voices", "mode": "content_analysis"}
    first = client.post(url, data | {"idempotency_key": key})
    again = client.post(url, data | {"idempotency_key": key})
    assert first.status_code == 302 and again["Location"] == first["Location"]
    made = Project.objects.get()
    assert first["Location"] == reverse("qualitative:documents", args=[made.pk])
    assert made.documents.count() == 11
    event = AuditEvent.objects.get(action="create", evaluation=evaluation)
    assert "Staff voices" in event.summary and event.detail["documents"] == 11


def test_a_wave_without_free_text_is_refused_with_an_error_summary(client, evaluation, lead):
    empty = Wave.objects.create(evaluation=evaluation, label="2027")
    client.force_login(lead)
    url, key = _form(client, evaluation)
    data = {"wave": str(empty.pk), "name": "Nothing", "mode": "content_analysis"}
    page = client.post(url, data | {"idempotency_key": key})
    assert page.status_code == 422
    assert "There is a problem" in page.text
    assert "Wave 2027 has no submitted free-text answers yet" in page.text
    assert 'href="#wave"' in page.text
    assert not Project.objects.exists()


def test_a_missing_name_is_an_error(client, evaluation, wave, answered, lead):
    client.force_login(lead)
    url, key = _form(client, evaluation)
    page = client.post(
        url, {"wave": str(wave.pk), "name": "", "mode": "content_analysis", "idempotency_key": key}
    )
    assert page.status_code == 422
    assert "Enter a name for the project" in page.text
