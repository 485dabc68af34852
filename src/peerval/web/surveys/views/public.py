"""The public survey pages: no sign-in, rate limited, found by the collection's token."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from peerval.errors import PeervalError

from ..models import Collection
from ..services import responses as service
from ..services.idempotency import idempotent
from ..services.questionnaire import open_problems, problems_of, questionnaire_for
from ..services.ratelimit import rate_limited
from . import survey
from .journeys import PublicJourney

__all__ = ["check", "done", "page", "resume", "start"]


def _journey(request: HttpRequest, token: str) -> PublicJourney:
    return PublicJourney.find(request, token)


def _unavailable(request: HttpRequest, journey: PublicJourney) -> HttpResponse | None:
    """A page saying why the survey cannot be filled in, or None when it can."""
    if journey.collection.status != Collection.OPEN:
        return survey.closed_page(request, journey)
    try:
        reasons = problems_of(survey.questionnaire(journey.collection))
    except PeervalError:  # open_problems says which instrument failed to load
        reasons = open_problems(journey.collection.instrument_refs())
    if not reasons:
        return None
    return render(
        request,
        "error.jinja",
        survey._context(
            journey,
            title="This survey is not available at the moment",
            message="Please try again later. The survey's organisers have been told: "
            + " ".join(reasons),
        ),
        status=503,
    )


def _respondent(request: HttpRequest, token: str, **kwargs) -> str | None:
    """Who is asking, for the rate limit: this link and the draft this browser is filling
    in (its id travels in the signed respondent cookie), or None before one is started."""
    public_id = request.session.get(PublicJourney._key(token))
    return f"{token}:{public_id}" if public_id else None


def _public(view):
    limited = rate_limited(_respondent)(view)
    return login_not_required(require_http_methods(["GET", "POST"])(limited))


def _answering(scope: str, step):
    """A public page that takes answers: open surveys only, each POST handled once.

    A POST runs in one transaction from finding the draft (read ``FOR UPDATE``) to
    recording its idempotency key; a repeated key is found when recording it.
    """

    @_public
    @idempotent(scope, look_first=False)  # every effect of these views is in the database
    def view(request: HttpRequest, token: str, **kwargs) -> HttpResponse:
        journey = PublicJourney.find(request, token, lock=request.method == "POST")
        if (refused := _unavailable(request, journey)) is not None:
            return refused
        return step(request, journey, **kwargs)

    view.__name__ = view.__qualname__ = step.__name__.removesuffix("_step")
    return view


start = _answering("survey-start", survey.start_step)
page = _answering("survey-page", survey.page_step)
check = _answering("survey-submit", survey.check_step)


@_public
def done(request: HttpRequest, token: str) -> HttpResponse:
    return survey.done_step(request, _journey(request, token))


class ResumeForm(forms.Form):
    code = forms.CharField(
        max_length=20, error_messages={"required": "Enter the resume code you were given"}
    )


@_public
def resume(request: HttpRequest, token: str) -> HttpResponse:
    journey = _journey(request, token)
    if (refused := _unavailable(request, journey)) is not None:
        return refused
    form = ResumeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        draft = service.resume(journey.collection, form.cleaned_data["code"])
        if draft is not None:
            journey.attach(draft)
            q = questionnaire_for(journey.collection.instrument_refs())
            missing = service.first_incomplete_page(q, draft.answers)
            return HttpResponseRedirect(
                journey.url("page", missing) if missing is not None else journey.url("check")
            )
        form.add_error("code", "This resume code is not valid. Check it and try again")
    errors = [{"text": str(e), "href": "#code"} for e in form.errors.get("code", [])]
    return render(
        request,
        "survey/resume.jinja",
        survey._context(journey, title="Continue where you left off", form=form, errors=errors),
        status=422 if errors else 200,
    )
