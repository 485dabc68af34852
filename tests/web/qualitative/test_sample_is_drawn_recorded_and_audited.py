"""Drawing the double-coding sample from the form: the core's seeded draw is recorded with
its seed, the agreement page lists its documents, and the audit log has a line."""

from __future__ import annotations

import pandas as pd
from django.urls import reverse

from peerval.qual.agreement import double_coding_sample
from peerval.web.audit.models import AuditEvent
from peerval.web.qualitative.models import Sample

from ..survey_helpers import key_from


def test_the_sample_is_the_cores_draw_with_the_recorded_seed(client, project, lead):
    client.force_login(lead)
    url = reverse("qualitative:sample_new", args=[project.pk])
    page = client.get(url)
    response = client.post(
        url, {"size": "3", "stratify_by": "care_group", "idempotency_key": key_from(page.text)}
    )
    assert response["Location"] == reverse("qualitative:agreement", args=[project.pk])
    sample = Sample.objects.get(project=project)
    units = pd.DataFrame(
        [
            {"unit": d.document_id, "care_group": d.case.attributes["care_group"]}
            for d in project.documents.select_related("case")
        ]
    )
    again = double_coding_sample(units, seed=sample.seed, n=3, stratify_by="care_group")
    assert sample.document_ids == list(again["unit"]) and sample.blind
    assert AuditEvent.objects.filter(summary__contains="sample of 3 documents").exists()
    shown = client.get(response["Location"]).text
    assert shown.count(">Document ") >= 3 and f"seed {sample.seed}" in shown


def test_more_documents_than_there_are_is_an_error(client, project, lead):
    client.force_login(lead)
    url = reverse("qualitative:sample_new", args=[project.pk])
    page = client.get(url)
    response = client.post(url, {"size": "99", "idempotency_key": key_from(page.text)})
    assert response.status_code == 422
    assert "Enter a number from 1 to 11, the number of documents" in response.text


def test_blind_coding_is_ended_from_its_page(client, project, lead):
    client.force_login(lead)
    url = reverse("qualitative:sample_new", args=[project.pk])
    client.post(url, {"size": "2", "idempotency_key": key_from(client.get(url).text)})
    reveal = reverse("qualitative:sample_reveal", args=[project.pk])
    client.post(reveal, {"idempotency_key": key_from(client.get(reveal).text)})
    assert not Sample.objects.get(project=project).blind
