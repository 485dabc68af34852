"""The undo button reverses the person's own last action, once per press: a repeated
submission (double click) does not undo a second action."""

from __future__ import annotations

from django.urls import reverse

from peerval.web.qualitative.models import Project
from peerval.web.qualitative.services import coding, store

from ..survey_helpers import fresh_key, key_from


def test_one_press_undoes_one_action(client, project, codes, coder):
    document = project.documents.order_by("position").first()
    coding.apply_code(project, document, 0, 3, codes["heard"], coder)
    coding.apply_code(project, document, 4, 11, codes["time"], coder)
    client.force_login(coder)
    viewer = client.get(reverse("qualitative:document", args=[project.pk, document.pk]))
    assert "Your last action in this project was your coding of \u201clistens\u201d" in viewer.text
    url = reverse("qualitative:undo", args=[project.pk, document.pk])
    key = key_from(client.get(url).text)
    client.post(url, {"idempotency_key": key})
    client.post(url, {"idempotency_key": key})
    codings = store.snapshot(Project.objects.get(pk=project.pk)).codings
    assert [c.text for c in codings] == ["She"]


def test_nothing_to_undo_is_said_plainly(client, project, codes, coder):
    document = project.documents.order_by("position").first()
    client.force_login(coder)
    page = client.get(reverse("qualitative:undo", args=[project.pk, document.pk]))
    assert "You have nothing to undo in this project." in page.text
    response = client.post(
        reverse("qualitative:undo", args=[project.pk, document.pk]),
        {"idempotency_key": fresh_key()},
    )
    assert response.status_code == 422
    assert "bob has nothing to undo" in response.text
