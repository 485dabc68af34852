"""A model's suggestions are shown beside the text; accepting one makes a coding that keeps
the model, its confidence and who accepted it; rejecting one keeps it out of the codings."""

from __future__ import annotations

from django.urls import reverse

from peerval.web.qualitative.models import Project
from peerval.web.qualitative.services import store

from ..survey_helpers import key_from
from .helpers import suggest


def _review(client, project, document, suggestion_id, verdict):
    url = reverse("qualitative:suggestion_review", args=[project.pk, document.pk, suggestion_id])
    key = key_from(client.get(url).text)
    return client.post(url, {"verdict": verdict, "idempotency_key": key})


def test_the_viewer_shows_a_suggestion_with_accept_and_reject(client, project, codes, coder):
    document = project.documents.order_by("position").first()
    suggest(project, document, codes["time"], confidence=0.83, model="peerval-autocode")
    client.force_login(coder)
    page = client.get(reverse("qualitative:document", args=[project.pk, document.pk])).text
    suggestions = page.split('<h2 class="nhsuk-heading-m">Suggestions</h2>', 1)[1]
    assert "More time wanted" in suggestions
    assert "suggested by peerval-autocode, 83% sure" in suggestions
    assert 'value="accept"' in suggestions and 'value="reject"' in suggestions


def test_accepting_makes_a_coding_that_keeps_its_provenance(client, project, codes, coder):
    document = project.documents.order_by("position").first()
    suggestion_id = suggest(project, document, codes["time"], confidence=0.7, model="m1")
    client.force_login(coder)
    assert _review(client, project, document, suggestion_id, "accept").status_code == 302

    snapshot = store.snapshot(Project.objects.get(pk=project.pk))
    assert snapshot.suggestions == ()
    (accepted,) = [c for c in snapshot.codings if c.id == suggestion_id]
    assert (accepted.origin, accepted.model, accepted.confidence) == ("machine", "m1", 0.7)
    assert accepted.reviewed_by == "bob"
    page = client.get(reverse("qualitative:document", args=[project.pk, document.pk])).text
    assert "suggested by m1, 70% sure, accepted by bob" in page


def test_rejecting_keeps_the_suggestion_out_of_the_codings(client, project, codes, coder):
    document = project.documents.order_by("position").first()
    suggestion_id = suggest(project, document, codes["time"])
    client.force_login(coder)
    assert _review(client, project, document, suggestion_id, "reject").status_code == 302

    snapshot = store.snapshot(Project.objects.get(pk=project.pk))
    assert snapshot.suggestions == ()
    assert all(c.id != suggestion_id for c in snapshot.codings)


def test_a_viewer_sees_suggestions_but_cannot_review_them(client, project, codes, make_user):
    from peerval.web.accounts.models import Membership

    viewer = make_user("vic")
    Membership.objects.create(user=viewer, evaluation=project.evaluation, role="viewer")
    document = project.documents.order_by("position").first()
    suggestion_id = suggest(project, document, codes["time"])
    client.force_login(viewer)
    page = client.get(reverse("qualitative:document", args=[project.pk, document.pk])).text
    assert "More time wanted" in page and 'value="accept"' not in page
    url = reverse("qualitative:suggestion_review", args=[project.pk, document.pk, suggestion_id])
    assert client.get(url).status_code == 403
