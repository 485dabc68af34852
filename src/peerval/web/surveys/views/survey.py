"""The questionnaire pages, shared by the public link and paper entry.

start (information and consent) -> one page per topic -> check your answers -> thank you.
Every POST carries an idempotency key; the thank-you page is shown only after the
submission has committed.
"""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render

from peerval.web.nhsuk_forms import build_form
from peerval.web.nhsuk_forms.forms import visible
from peerval.web.nhsuk_forms.render import error_list

from ..models import Collection, Response
from ..services import responses as service
from ..services.idempotency import claim, new_key
from ..services.questionnaire import Page, Questionnaire, questionnaire_for
from .journeys import Journey

__all__ = ["check_step", "done_step", "page_step", "start_step"]


class StartForm(forms.Form):
    """Consent, and an invitation code where the collection needs one."""

    consent = forms.BooleanField(
        required=True,
        error_messages={
            "required": "Confirm that you have read the information and agree to take part"
        },
    )
    code = forms.CharField(required=False, max_length=20)

    def __init__(self, *args, needs_code: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.needs_code = needs_code
        if needs_code:
            self.fields["code"].required = True
            self.fields["code"].error_messages["required"] = "Enter your invitation code"


def _context(journey: Journey, **extra) -> dict:
    return {
        "site_title": journey.title,
        "home_href": journey.url("start"),
        "journey": journey,
        "collection": journey.collection,
        "idempotency_key": new_key(),
        **extra,
    }


def questionnaire(collection: Collection) -> Questionnaire:
    """The collection's questionnaire, kept on the collection object for the rest of the
    request (finding it checks the wording folder on disk)."""
    found = collection.__dict__.get("_questionnaire")
    if found is None:
        found = collection._questionnaire = questionnaire_for(collection.instrument_refs())
    return found


def closed_page(request: HttpRequest, journey: Journey) -> HttpResponse:
    return render(
        request,
        "survey/closed.jinja",
        _context(journey, title="This survey is closed"),
        status=200,
    )


def start_step(request: HttpRequest, journey: Journey) -> HttpResponse:
    collection = journey.collection
    q = questionnaire(collection)
    needs_code = collection.invitation_only and not journey.paper
    form = StartForm(request.POST or None, needs_code=needs_code)
    if request.method == "POST" and form.is_valid():
        response = journey.response()
        if response is None or response.status != Response.DRAFT:
            if needs_code and not service.use_invitation(collection, form.cleaned_data["code"]):
                form.add_error("code", "This invitation code is not valid or has been used")
            else:
                user = request.user if journey.paper else None
                response = service.start_response(
                    collection,
                    channel=Response.PAPER if journey.paper else Response.ONLINE,
                    user=user,
                )
        if not form.errors:
            journey.attach(response)
            return HttpResponseRedirect(journey.url("page", 0))
    status = 422 if form.errors else 200
    errors = [
        {"text": str(e), "href": "#consent" if name == "consent" else "#code"}
        for name, errs in form.errors.items()
        for e in errs
    ]
    return render(
        request,
        "survey/start.jinja",
        _context(
            journey,
            title=journey.title,
            form=form,
            errors=errors,
            pages=len(q.pages),
            instruments=q.instruments,
        ),
        status=status,
    )


def _draft_or_redirect(journey: Journey, request: HttpRequest) -> Response | HttpResponse:
    """The draft, read ``FOR UPDATE`` when answers are being posted (every answering POST
    runs in one transaction: see ``idempotent``), or where to go instead."""
    response = journey.response(lock=request.method == "POST")
    if response is None:
        return HttpResponseRedirect(journey.url("start"))
    if response.status == Response.SUBMITTED:
        return HttpResponseRedirect(journey.url("done"))
    return response


def _asked(page: Page, stored: dict) -> list:
    """Items to show: visible given earlier answers, or gated by an answer on this page."""
    here = {item.id for item in page.items}
    return [
        item
        for item in page.items
        if visible(item, stored) or (item.show_if is not None and item.show_if.item in here)
    ]


def page_step(request: HttpRequest, journey: Journey, number: int) -> HttpResponse:
    found = _draft_or_redirect(journey, request)
    if isinstance(found, HttpResponse):
        return found
    response = found
    q = questionnaire(journey.collection)
    try:
        page = q.page(number)
    except IndexError:
        return HttpResponseRedirect(journey.url("check"))
    stored = response.answers.get(page.instrument.id, {})
    shown = _asked(page, stored)
    changing = request.GET.get("change") == "1"
    if not shown:  # every item on this page is hidden by earlier answers
        last = changing or number + 1 >= len(q.pages)
        return HttpResponseRedirect(
            journey.url("check") if last else journey.url("page", number + 1)
        )
    saving = request.POST.get("action") == "save" and not journey.paper
    form = build_form(page.instrument, shown, data=request.POST or None, stored=stored)
    if request.method == "POST":
        if saving:
            for field in form.fields.values():
                field.required = False
        if form.is_valid():
            care_item = next((i.id for i in page.items if i.attribute == "care_group"), None)
            if saving:
                service.save_page(
                    response, page.instrument.id, form.answers(), care_item, locked=True
                )
                code = service.issue_resume_code(response)
                return render(
                    request,
                    "survey/saved.jinja",
                    _context(journey, title="Your answers have been saved", code=code),
                )
            last = changing or number + 1 >= len(q.pages)
            location = journey.url("check") if last else journey.url("page", number + 1)
            # the submission's key is recorded by the same write as the answers
            key = claim(request)
            service.save_page(
                response,
                page.instrument.id,
                form.answers(),
                care_item,
                locked=True,
                along=key.along(location) if key is not None else None,
            )
            return HttpResponseRedirect(location)
    previous = (
        journey.url("check")
        if changing
        else (journey.url("page", number - 1) if number > 0 else journey.url("start"))
    )
    return render(
        request,
        "survey/page.jinja",
        _context(
            journey,
            title=page.title,
            page=page,
            pages=len(q.pages),
            form=form,
            errors=error_list(form) if form.is_bound else [],
            back_href=previous,
            changing=changing,
        ),
        status=422 if form.is_bound and form.errors else 200,
    )


def _summary_rows(journey: Journey, q: Questionnaire, response: Response) -> list[dict]:
    sections = []
    for page in q.pages:
        given = response.answers.get(page.instrument.id, {})
        rows = []
        for item in page.items:
            if not visible(item, given):
                continue
            value = given.get(item.id)
            rows.append(
                {
                    "key": {"text": item.text or item.id},
                    "value": {"text": _display(page, item, value)},
                    "actions": {
                        "items": [
                            {
                                "href": journey.url("page", page.number) + "?change=1",
                                "text": "Change",
                                "visuallyHiddenText": item.text or item.id,
                            }
                        ]
                    },
                }
            )
        if rows:
            sections.append({"title": page.title, "rows": rows})
    return sections


def _display(page: Page, item, value) -> str:
    if value is None:
        return "Not answered"
    if item.type in ("likert", "single_choice", "yes_no", "multi_choice"):
        labels = {o.code: o.label for o in page.instrument.options_for(item)}
        if isinstance(value, list):
            return ", ".join(labels.get(v, str(v)) for v in value)
        return labels.get(value, str(value))
    return str(value)


def check_step(request: HttpRequest, journey: Journey) -> HttpResponse:
    found = _draft_or_redirect(journey, request)
    if isinstance(found, HttpResponse):
        return found
    response = found
    q = questionnaire(journey.collection)
    if request.method == "POST":
        missing = service.first_incomplete_page(q, response.answers)
        if missing is not None:
            return HttpResponseRedirect(journey.url("page", missing))
        service.submit(response)  # committed before the redirect to "thank you"
        journey.finished(response)
        return HttpResponseRedirect(journey.url("done"))
    return render(
        request,
        "survey/check.jinja",
        _context(
            journey,
            title="Check your answers before sending them",
            sections=_summary_rows(journey, q, response),
            back_href=journey.url("page", len(q.pages) - 1),
        ),
    )


def done_step(request: HttpRequest, journey: Journey) -> HttpResponse:
    response = journey.response()
    submitted = response is not None and response.status == Response.SUBMITTED
    if not submitted and not journey.just_finished():
        return HttpResponseRedirect(journey.url("start"))
    return render(
        request,
        "survey/done.jinja",
        _context(journey, title="Thank you, your answers have been sent"),
    )
