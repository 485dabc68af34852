"""A lead or analyst downloads a project as REFI-QDA; it is valid, re-imports with every
coding, and the download is audited. A coder cannot download the answers' text."""

from __future__ import annotations

import io

from django.urls import reverse

from peerval.qual.refiqda import read_qdpx
from peerval.web.audit.models import AuditEvent
from peerval.web.qualitative.services import coding


def test_the_download_is_a_valid_project_with_the_codings(tmp_path, client, project, codes, lead):
    first = project.documents.order_by("position").first()
    coding.apply_code(project, first, 0, 3, codes["heard"], lead)
    client.force_login(lead)

    answer = client.get(reverse("qualitative:project_export", args=[project.pk]))

    assert answer.status_code == 200
    assert answer["Content-Disposition"].endswith('.qdpx"')
    path = tmp_path / "p.qdpx"
    path.write_bytes(b"".join(answer.streaming_content) if answer.streaming else answer.content)
    imported = read_qdpx(path).project  # checked against the schema as it is read
    assert len(imported.documents) == project.documents.count()
    assert [(c.document_id, c.start, c.end, c.code_id) for c in imported.codings()] == [
        (first.document_id, 0, 3, codes["heard"])
    ]
    assert AuditEvent.objects.filter(action="export", summary__contains="REFI-QDA").exists()
    assert io.BytesIO(path.read_bytes()).read(2) == b"PK"


def test_a_coder_cannot_download_the_project(client, project, coder):
    client.force_login(coder)
    assert client.get(reverse("qualitative:project_export", args=[project.pk])).status_code == 403
