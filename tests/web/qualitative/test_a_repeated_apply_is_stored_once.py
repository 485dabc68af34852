"""A double click on "Apply code" (the same idempotency key twice) codes the text once."""

from __future__ import annotations

from django.urls import reverse

from peerval.web.qualitative.models import Project
from peerval.web.qualitative.services import store

from ..survey_helpers import key_from


def test_the_same_key_twice_makes_one_coding(client, project, codes, coder):
    document = project.documents.order_by("position").first()
    url = reverse("qualitative:document", args=[project.pk, document.pk])
    client.force_login(coder)
    key = key_from(client.get(url).text)
    data = {"passage": "1", "code": codes["heard"], "idempotency_key": key}
    first, second = client.post(url, data), client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert len(store.snapshot(Project.objects.get(pk=project.pk)).codings) == 1
