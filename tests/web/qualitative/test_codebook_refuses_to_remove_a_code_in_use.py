"""Removing a code: a code with codings (or codes under it) is refused with the reason;
an unused code goes, and the audit log says so."""

from __future__ import annotations

from django.urls import reverse

from peerval.web.audit.models import AuditEvent
from peerval.web.qualitative.models import Project
from peerval.web.qualitative.services import coding, store

from ..survey_helpers import key_from


def _remove(client, project, code_id):
    url = reverse("qualitative:code_remove", args=[project.pk, code_id])
    page = client.get(url)
    return page, client.post(url, {"idempotency_key": key_from(page.text)})


def test_a_code_with_codings_is_not_removed(client, project, codes, lead, coder):
    document = project.documents.order_by("position").first()
    coding.apply_code(project, document, 0, 3, codes["time"], coder)
    client.force_login(lead)
    page, response = _remove(client, project, codes["time"])
    assert "1 coding uses it: remove it first" in page.text
    assert response.status_code == 422
    assert "is used by 1 coding(s); remove them first" in response.text
    assert store.snapshot(Project.objects.get(pk=project.pk)).code(codes["time"]) is not None


def test_a_code_with_codes_under_it_is_not_removed(client, project, codes, lead):
    client.force_login(lead)
    _, response = _remove(client, project, codes["support"])
    assert response.status_code == 422
    assert "has codes under it" in response.text


def test_an_unused_code_is_removed_and_audited(client, project, codes, lead):
    client.force_login(lead)
    _, response = _remove(client, project, codes["time"])
    assert response.status_code == 302
    assert store.snapshot(Project.objects.get(pk=project.pk)).code(codes["time"]) is None
    assert AuditEvent.objects.filter(summary__contains="code removed: More time wanted").exists()
