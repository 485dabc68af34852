"""Paper entry: staff with the ``paper`` permission type in paper questionnaires."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from peerval.web.accounts.permissions import evaluation_for

from ..models import Collection
from ..services.idempotency import idempotent
from . import survey
from .journeys import PaperJourney

__all__ = ["check", "done", "page", "start"]


def _journey(request: HttpRequest, pk: int, public_id=None) -> PaperJourney:
    collection = get_object_or_404(Collection.objects.select_related("wave__evaluation"), pk=pk)
    evaluation_for(request, collection.wave.evaluation_id, "paper")
    if collection.status == Collection.DRAFT:
        raise Http404("open the collection before typing in paper questionnaires")
    return PaperJourney(request, collection, str(public_id) if public_id else None)


def start(request: HttpRequest, pk: int) -> HttpResponse:
    journey = _journey(request, pk)
    return idempotent("paper-start")(lambda r: survey.start_step(r, journey))(request)


def page(request: HttpRequest, pk: int, public_id, number: int) -> HttpResponse:
    journey = _journey(request, pk, public_id)
    return idempotent("paper-page")(lambda r: survey.page_step(r, journey, number))(request)


def check(request: HttpRequest, pk: int, public_id) -> HttpResponse:
    journey = _journey(request, pk, public_id)
    return idempotent("paper-submit")(lambda r: survey.check_step(r, journey))(request)


def done(request: HttpRequest, pk: int, public_id) -> HttpResponse:
    return survey.done_step(request, _journey(request, pk, public_id))
