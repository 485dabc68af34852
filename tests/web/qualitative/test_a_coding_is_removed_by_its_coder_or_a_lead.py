"""Removing a coding: its coder may, a lead or analyst may, another coder may not."""

from __future__ import annotations

from django.urls import reverse

from peerval.web.qualitative.models import Project
from peerval.web.qualitative.services import coding, store

from ..survey_helpers import key_from


def _remove_url(project, document, coding_id):
    return reverse("qualitative:coding_remove", args=[project.pk, document.pk, coding_id])


def test_the_coder_removes_their_own_coding(client, project, codes, coder):
    document = project.documents.order_by("position").first()
    made = coding.apply_code(project, document, 0, 3, codes["heard"], coder)
    client.force_login(coder)
    url = _remove_url(project, document, made)
    page = client.get(url)
    assert "Remove this coding?" in page.text and "&ldquo;She&rdquo;" in page.text
    response = client.post(url, {"idempotency_key": key_from(page.text)})
    assert response["Location"] == reverse("qualitative:document", args=[project.pk, document.pk])
    assert store.snapshot(Project.objects.get(pk=project.pk)).codings == ()


def test_a_coder_cannot_remove_another_persons_coding(client, project, codes, lead, coder):
    document = project.documents.order_by("position").first()
    made = coding.apply_code(project, document, 0, 3, codes["heard"], lead)
    client.force_login(coder)
    response = client.post(_remove_url(project, document, made), {"idempotency_key": "x"})
    assert response.status_code == 403


def test_a_lead_removes_a_coders_coding(client, project, codes, lead, coder):
    document = project.documents.order_by("position").first()
    made = coding.apply_code(project, document, 0, 3, codes["heard"], coder)
    client.force_login(lead)
    url = _remove_url(project, document, made)
    client.post(url, {"idempotency_key": key_from(client.get(url).text)})
    assert store.snapshot(Project.objects.get(pk=project.pk)).codings == ()


def test_an_unknown_coding_is_not_found(client, project, codes, coder):
    document = project.documents.order_by("position").first()
    client.force_login(coder)
    assert client.get(_remove_url(project, document, "nothing")).status_code == 404
