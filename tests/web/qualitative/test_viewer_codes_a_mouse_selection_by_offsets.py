"""Coding a mouse selection: the script sends character offsets; the core checks them and
an excerpt outside the document is shown as a form error (422), not stored."""

from __future__ import annotations

from django.urls import reverse

from peerval.web.qualitative.models import Project
from peerval.web.qualitative.services import store

from ..survey_helpers import key_from


def _viewer(client, project):
    document = project.documents.order_by("position").first()
    url = reverse("qualitative:document", args=[project.pk, document.pk])
    return document, url, client.get(url)


def test_offsets_code_exactly_the_selected_words(client, project, codes, coder):
    client.force_login(coder)
    document, url, page = _viewer(client, project)
    data = {
        "start": "4",
        "end": "11",
        "code": codes["heard"],
        "idempotency_key": key_from(page.text),
    }
    assert client.post(url, data).status_code == 302
    (coded,) = store.snapshot(Project.objects.get(pk=project.pk)).codings
    assert coded.text == document.text[4:11] == "listens"


def test_offsets_win_over_ticked_passages(client, project, codes, coder):
    client.force_login(coder)
    document, url, page = _viewer(client, project)
    data = {"start": "0", "end": "3", "passage": "2", "code": codes["heard"]}
    client.post(url, data | {"idempotency_key": key_from(page.text)})
    (coded,) = store.snapshot(Project.objects.get(pk=project.pk)).codings
    assert coded.text == "She"


def test_an_excerpt_beyond_the_text_is_refused_with_the_cores_reason(client, project, codes, coder):
    client.force_login(coder)
    document, url, page = _viewer(client, project)
    data = {"start": "0", "end": str(len(document.text) + 10), "code": codes["heard"]}
    response = client.post(url, data | {"idempotency_key": key_from(page.text)})
    assert response.status_code == 422
    assert "There is a problem" in response.text
    assert "lies outside document" in response.text and "event " not in response.text
    assert store.snapshot(Project.objects.get(pk=project.pk)).codings == ()


def test_a_heading_cannot_be_applied(client, project, codes, coder):
    client.force_login(coder)
    document, url, page = _viewer(client, project)
    data = {"start": "0", "end": "3", "code": codes["support"]}
    response = client.post(url, data | {"idempotency_key": key_from(page.text)})
    assert response.status_code == 422
    assert "Select a code to apply" in response.text  # headings are not offered


def test_a_viewer_may_read_but_not_code(client, project, codes, viewer):
    client.force_login(viewer)
    document, url, page = _viewer(client, project)
    assert page.status_code == 200 and "Apply code" not in page.text
    response = client.post(
        url, {"start": "0", "end": "3", "code": codes["heard"], "idempotency_key": "x"}
    )
    assert response.status_code == 403
