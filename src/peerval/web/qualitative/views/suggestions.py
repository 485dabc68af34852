"""Asking a model for suggestions, and the queue of suggestions waiting for review."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from peerval.errors import PeervalError
from peerval.web.surveys.services.idempotency import idempotent
from peerval.web.surveys.views.staff import done

from .. import presenters, selectors
from ..models import Document
from ..services import store
from ..services import suggestions as service
from .common import allowed, project_for, project_page

__all__ = ["suggest"]


@idempotent("qual-suggest")
def suggest(request: HttpRequest, project: int) -> HttpResponse:
    current = project_for(request, project, "code")
    can_run = allowed(request, "codebook")
    errors = []
    if request.method == "POST":
        if not can_run:
            raise PermissionDenied("a lead or analyst asks for suggestions")
        try:
            added = service.suggest_codes(current)
        except PeervalError as error:
            errors.append({"text": error.message, "href": "#suggest"})
        else:
            here = reverse("qualitative:suggest", args=[current.pk])
            return done(request, here, f"{added} suggestions added for review")
    snapshot = store.snapshot(current)
    sample = selectors.sample_of(current)
    pks = dict(Document.objects.filter(project=current).values_list("document_id", "pk"))
    queue = [
        {
            "href": reverse("qualitative:document", args=[current.pk, pks[s.document_id]]),
            "text": presenters.preview(s.text, 90),
            "code": presenters.code_label(snapshot.code(s.code_id), s.code_id),
            "confidence": presenters.confidence(s.confidence),
        }
        for s in snapshot.suggestions
        if s.document_id in pks and not selectors.is_blind(sample, s.document_id)
    ]
    ready = service.readiness(current)
    return project_page(
        request,
        "qualitative/suggest.jinja",
        project=current,
        title="Suggestions from a model",
        queue=queue,
        ready=ready,
        learnable=[presenters.code_label(snapshot.code(c), c) for c in ready.learnable],
        enabled=snapshot.suggestions_enabled,
        can_run=can_run,
        minimum=service.MIN_EXAMPLES,
        errors=errors,
    )
