"""A memo on a document is shown on it with its author; an empty memo is an error."""

from __future__ import annotations

from django.urls import reverse

from ..survey_helpers import key_from


def test_a_memo_appears_on_the_document(client, project, coder):
    document = project.documents.order_by("position").first()
    client.force_login(coder)
    viewer = reverse("qualitative:document", args=[project.pk, document.pk])
    page = client.get(viewer)
    response = client.post(
        reverse("qualitative:memo_new", args=[project.pk, document.pk]),
        {
            "title": "Listening",
            "text": "Compare with the ward answers.",
            "idempotency_key": key_from(page.text),
        },
    )
    assert response["Location"] == viewer
    shown = client.get(viewer).text
    assert "Compare with the ward answers." in shown and "Listening" in shown and "bob," in shown


def test_an_empty_memo_is_an_error(client, project, coder):
    document = project.documents.order_by("position").first()
    client.force_login(coder)
    url = reverse("qualitative:memo_new", args=[project.pk, document.pk])
    response = client.post(url, {"text": "   ", "idempotency_key": key_from(client.get(url).text)})
    assert response.status_code == 422
    assert "Enter your memo" in response.text and 'href="#text"' in response.text
