"""A lead asks a model trained on the project's own coding for suggestions: uncoded answers
about the same thing get the code, waiting for review; a project without enough coding is
told what is needed; reflexive thematic analysis takes no suggestions."""

from __future__ import annotations

from django.urls import reverse

from peerval.web.qualitative.models import Project
from peerval.web.qualitative.services import coding, store
from peerval.web.qualitative.services.codebook import add_code

from ..survey_helpers import fresh_key, key_from
from .helpers import make_project, submit_staff_answers

LISTENING = [
    "She listens to me without judging and I feel heard.",
    "He really listens and never rushes me.",
    "Someone who listens when things are hard.",
    "The peer worker listens and understands.",
    "Being listened to made all the difference.",
    "She listens, properly listens, every time.",
]
WAITING = [
    "The wait for a peer worker was far too long.",
    "We waited weeks for the referral to go through.",
    "Long waiting lists for peer support.",
    "The waiting time put people off.",
    "Too long a wait before anyone came.",
    "Weeks of waiting before the first visit.",
]
UNCODED_LISTENING = "My peer worker listens to me and I feel heard."
UNCODED_WAITING = "The waiting list was far too long for us."


def _answers():
    texts = LISTENING + WAITING + [UNCODED_LISTENING, UNCODED_WAITING]
    return [(1, 1, text, "") for text in texts]


def _ask(client, project):
    url = reverse("qualitative:suggest", args=[project.pk])
    return client.post(url, {"idempotency_key": key_from(client.get(url).text)})


def _coded_project(evaluation, wave, collection, lead):
    submit_staff_answers(collection, _answers())
    project = make_project(evaluation, wave, lead)
    heard = add_code(project, lead, name="Feeling heard")
    waiting = add_code(project, lead, name="Waiting times")
    for document in project.documents.all():
        code = (
            heard if document.text in LISTENING else waiting if document.text in WAITING else None
        )
        if code:
            coding.apply_code(project, document, 0, len(document.text), code, lead)
    return Project.objects.get(pk=project.pk), heard, waiting


def test_uncoded_answers_get_the_code_their_words_suggest(
    client, evaluation, wave, staff_collection, lead
):
    project, heard, waiting = _coded_project(evaluation, wave, staff_collection, lead)
    client.force_login(lead)

    assert _ask(client, project).status_code == 302

    snapshot = store.snapshot(Project.objects.get(pk=project.pk))
    suggested = {(s.text, s.code_id) for s in snapshot.suggestions}
    assert (UNCODED_LISTENING, heard) in suggested
    assert (UNCODED_WAITING, waiting) in suggested
    assert (UNCODED_LISTENING, waiting) not in suggested
    assert all(0.0 <= s.confidence <= 1.0 for s in snapshot.suggestions)
    assert all(s.model.startswith("peerval autocode") for s in snapshot.suggestions)
    page = client.get(reverse("qualitative:suggest", args=[project.pk])).text
    assert "Waiting for review" in page and UNCODED_LISTENING in page


def test_too_little_coding_is_refused_with_what_is_needed(client, project, codes, lead):
    client.force_login(lead)
    answer = _ask(client, project)
    assert answer.status_code == 422
    assert "code at least 3 answers with a code" in answer.text


def test_a_coder_sees_the_queue_but_cannot_run_the_model(client, project, coder):
    client.force_login(coder)
    url = reverse("qualitative:suggest", args=[project.pk])
    page = client.get(url)
    assert page.status_code == 200 and 'id="suggest"' not in page.text
    assert client.post(url, {"idempotency_key": fresh_key()}).status_code == 403


def test_reflexive_thematic_analysis_takes_no_suggestions(client, evaluation, wave, answered, lead):
    project = make_project(evaluation, wave, lead, mode="reflexive_thematic_analysis")
    client.force_login(lead)
    page = client.get(reverse("qualitative:suggest", args=[project.pk])).text
    assert "Suggestions are off in this project" in page and 'id="suggest"' not in page
