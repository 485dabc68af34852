"""Deleting a project removes its documents and log, and leaves a line in the audit log."""

from __future__ import annotations

from django.urls import reverse

from peerval.web.audit.models import AuditEvent
from peerval.web.qualitative.models import Document, Project, ProjectEvent

from ..survey_helpers import key_from


def test_deleting_removes_everything_of_the_project(client, project, codes, lead):
    client.force_login(lead)
    url = reverse("qualitative:project_delete", args=[project.pk])
    page = client.get(url)
    assert "This cannot be undone" in page.text
    response = client.post(url, {"idempotency_key": key_from(page.text)})
    assert response["Location"] == reverse("qualitative:projects", args=[project.evaluation_id])
    assert not Project.objects.exists()
    assert not Document.objects.exists() and not ProjectEvent.objects.exists()
    event = AuditEvent.objects.get(action="delete")
    assert project.name in event.summary


def test_a_coder_cannot_delete_a_project(client, project, coder):
    client.force_login(coder)
    url = reverse("qualitative:project_delete", args=[project.pk])
    assert client.post(url, {"idempotency_key": "x"}).status_code == 403
    assert Project.objects.exists()
