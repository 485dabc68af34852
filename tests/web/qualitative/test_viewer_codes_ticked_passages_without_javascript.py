"""Coding without a mouse or JavaScript: the ticked passages (sentences next to each
other) become the excerpt, worked out on the server."""

from __future__ import annotations

from django.urls import reverse

from peerval.web.qualitative.models import Project
from peerval.web.qualitative.services import store

from ..survey_helpers import key_from
from .helpers import STAFF_ANSWERS

TEXT = STAFF_ANSWERS[0][2]  # two sentences


def _viewer(client, project):
    document = project.documents.get(text=TEXT)
    url = reverse("qualitative:document", args=[project.pk, document.pk])
    return url, client.get(url)


def test_two_ticked_sentences_are_coded_as_one_excerpt(client, project, codes, coder):
    client.force_login(coder)
    url, page = _viewer(client, project)
    assert page.text.count("Select this passage") == 2
    data = {"passage": ["1", "2"], "code": codes["time"], "idempotency_key": key_from(page.text)}
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == url
    (coded,) = store.snapshot(Project.objects.get(pk=project.pk)).codings
    assert (coded.start, coded.end, coded.text) == (0, len(TEXT), TEXT)
    assert coded.coder == "bob" and coded.code_id == codes["time"]
    shown = client.get(url)
    assert "Coded \u201c" in shown.text and "as More time wanted" in shown.text


def test_one_ticked_sentence_codes_just_that_sentence(client, project, codes, coder):
    client.force_login(coder)
    url, page = _viewer(client, project)
    client.post(
        url, {"passage": "2", "code": codes["heard"], "idempotency_key": key_from(page.text)}
    )
    (coded,) = store.snapshot(Project.objects.get(pk=project.pk)).codings
    assert coded.text == "Patients open up to her in ways they do not with us."


def test_nothing_ticked_is_an_error_linked_to_the_passages(client, project, codes, coder):
    client.force_login(coder)
    url, page = _viewer(client, project)
    response = client.post(url, {"code": codes["heard"], "idempotency_key": key_from(page.text)})
    assert response.status_code == 422
    assert "Select a passage to code" in response.text
    assert 'href="#passage"' in response.text


def test_no_code_chosen_is_an_error_and_the_ticks_are_kept(client, project, codes, coder):
    client.force_login(coder)
    url, page = _viewer(client, project)
    response = client.post(url, {"passage": "1", "idempotency_key": key_from(page.text)})
    assert response.status_code == 422
    assert "Select a code to apply" in response.text and 'href="#code"' in response.text
    assert 'value="1" checked' in response.text
    assert store.snapshot(Project.objects.get(pk=project.pk)).codings == ()
