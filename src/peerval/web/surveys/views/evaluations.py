"""Evaluations: the list, a new one, the dashboard, settings, care groups, audit log, deletion."""

from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from peerval.disclosure import (
    DEFAULT_THRESHOLD,
    HIGHEST_THRESHOLD,
    LOWEST_THRESHOLD,
    DisclosurePolicy,
)
from peerval.errors import PeervalError
from peerval.web.accounts.permissions import evaluation_for

from .. import selectors
from ..models import CareGroup
from ..services import evaluations as service
from ..services.idempotency import idempotent
from .staff import done, page, refuse, wave_links, when

__all__ = [
    "audit_log",
    "care_group_remove",
    "care_groups",
    "evaluation",
    "evaluation_delete",
    "evaluation_new",
    "evaluation_settings",
    "home",
]

RULES = [
    ("threshold", "Hide groups smaller than a threshold"),
    ("nhs_1_7", "NHS Digital's rule: hide counts of 1 to 7 and round the rest to the nearest 5"),
]
#: the one allowed range is the core's, shared with the command line; the internal mode is
#: how the command line and the lead's live counts show smaller groups, never in a report
THRESHOLD_ERROR = (
    f"Enter a smallest group size from {LOWEST_THRESHOLD} to {HIGHEST_THRESHOLD}. "
    "Smaller groups are shown only in the internal mode, which is never published or "
    "shared outside the evaluation team"
)
AUDIT_PAGE_SIZE = 50


class EvaluationForm(forms.Form):
    name = forms.CharField(
        max_length=200,
        error_messages={
            "required": "Enter a name for the evaluation",
            "max_length": "Name must be 200 characters or fewer",
        },
    )
    organisation = forms.CharField(
        max_length=200,
        required=False,
        error_messages={"max_length": "Organisation must be 200 characters or fewer"},
    )
    disclosure_rule = forms.ChoiceField(
        choices=RULES,
        error_messages={
            "required": "Select how small groups are hidden",
            "invalid_choice": "Select how small groups are hidden",
        },
    )
    disclosure_threshold = forms.IntegerField(
        required=False,
        min_value=LOWEST_THRESHOLD,
        max_value=HIGHEST_THRESHOLD,
        initial=DEFAULT_THRESHOLD,
        error_messages={
            "invalid": THRESHOLD_ERROR,
            "min_value": THRESHOLD_ERROR,
            "max_value": THRESHOLD_ERROR,
        },
    )
    redact_places = forms.CharField(required=False, widget=forms.Textarea)

    def clean_redact_places(self) -> str:
        """One place on each line, within the limits the service keeps."""
        try:
            return service.places_text(self.cleaned_data["redact_places"])
        except service.ChangeRefused as refused:
            raise forms.ValidationError(refused.message) from None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("disclosure_rule") == "nhs_1_7":
            # the NHS rule has its own limits; keep the threshold set before, if allowed
            self.errors.pop("disclosure_threshold", None)
            kept = self.initial.get("disclosure_threshold", DEFAULT_THRESHOLD)
            allowed = LOWEST_THRESHOLD <= kept <= HIGHEST_THRESHOLD
            cleaned["disclosure_threshold"] = kept if allowed else DEFAULT_THRESHOLD
        elif cleaned.get("disclosure_threshold") is None and "disclosure_threshold" not in (
            self.errors
        ):
            self.add_error("disclosure_threshold", THRESHOLD_ERROR)
        return cleaned


def _disclosure(evaluation) -> str:
    try:
        policy = DisclosurePolicy(
            rule=evaluation.disclosure_rule, threshold=evaluation.disclosure_threshold
        )
    except PeervalError as exc:
        return f"Not usable: {exc}. Change it in the settings"
    return policy.describe()


def home(request: HttpRequest) -> HttpResponse:
    return page(
        request,
        "staff/home.jinja",
        title="Your evaluations",
        rows=selectors.my_evaluations(request.user),
    )


@idempotent("evaluation-new")
def evaluation_new(request: HttpRequest) -> HttpResponse:
    initial = {"disclosure_rule": "threshold", "disclosure_threshold": DEFAULT_THRESHOLD}
    form = EvaluationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            created = service.create_evaluation(request.user, **form.cleaned_data)
        except service.ChangeRefused as refused:
            refuse(form, refused)
        else:
            return done(
                request,
                reverse("surveys:evaluation", args=[created.pk]),
                f"Evaluation created: {created.name}. Add a wave to start collecting responses.",
            )
    return page(request, "staff/evaluation_form.jinja", title="Create an evaluation", form=form)


def evaluation(request: HttpRequest, pk: int) -> HttpResponse:
    current = evaluation_for(request, pk, "view")
    role = request.evaluation_role
    policy = selectors.live_policy(current, role)
    waves = selectors.evaluation_overview(current, policy)
    links = {summary.wave.pk: wave_links(role, summary.wave.pk) for summary in waves}
    return page(
        request,
        "staff/evaluation.jinja",
        title=current.name,
        evaluation=current,
        waves=waves,
        wave_links=links,
        disclosure=_disclosure(current),
        care_group_count=current.care_groups.count(),
        places=current.places(),
        counts_policy=policy,
    )


@idempotent("evaluation-settings")
def evaluation_settings(request: HttpRequest, pk: int) -> HttpResponse:
    current = evaluation_for(request, pk, "manage")
    initial = {field: getattr(current, field) for field in service.SETTINGS_FIELDS}
    form = EvaluationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            changes = service.change_settings(current, request.user, **form.cleaned_data)
        except service.ChangeRefused as refused:
            refuse(form, refused)
        else:
            notice = "Settings saved" if changes else "Nothing was changed"
            return done(request, reverse("surveys:evaluation", args=[current.pk]), notice)
    return page(
        request,
        "staff/evaluation_form.jinja",
        title="Evaluation settings",
        evaluation=current,
        form=form,
    )


class CareGroupForm(forms.Form):
    code = forms.IntegerField(
        min_value=1,
        max_value=999,
        error_messages={
            "required": "Enter a code for the care group",
            "invalid": "Enter a code from 1 to 999",
            "min_value": "Enter a code from 1 to 999",
            "max_value": "Enter a code from 1 to 999",
        },
    )
    label = forms.CharField(
        max_length=120,
        error_messages={
            "required": "Enter the name of the care group",
            "max_length": "Name must be 120 characters or fewer",
        },
    )


@idempotent("care-group-add")
def care_groups(request: HttpRequest, pk: int) -> HttpResponse:
    current = evaluation_for(request, pk, "manage")
    form = CareGroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            added = service.add_care_group(current, request.user, **form.cleaned_data)
        except service.ChangeRefused as refused:
            refuse(form, refused)
        else:
            return done(
                request,
                reverse("surveys:care_groups", args=[current.pk]),
                f"Care group added: {added.label}",
            )
    return page(
        request,
        "staff/care_groups.jinja",
        title="Care groups",
        evaluation=current,
        form=form,
        rows=selectors.care_groups_with_counts(current),
    )


@idempotent("care-group-remove")
def care_group_remove(request: HttpRequest, pk: int, code: int) -> HttpResponse:
    current = evaluation_for(request, pk, "manage")
    care_group = get_object_or_404(CareGroup, evaluation=current, code=code)
    if request.method == "POST":
        service.remove_care_group(care_group, request.user)
        return done(
            request,
            reverse("surveys:care_groups", args=[current.pk]),
            f"Care group removed: {care_group.label}",
        )
    responses = dict((cg.pk, n) for cg, n in selectors.care_groups_with_counts(current))
    return page(
        request,
        "staff/care_group_remove.jinja",
        title=f"Remove {care_group.label}?",
        evaluation=current,
        care_group=care_group,
        responses=responses.get(care_group.pk, 0),
    )


def audit_log(request: HttpRequest, pk: int) -> HttpResponse:
    current = evaluation_for(request, pk, "manage")
    paginator = Paginator(selectors.audit_events(current).select_related("user"), AUDIT_PAGE_SIZE)
    events = paginator.get_page(request.GET.get("page"))
    base = reverse("surveys:audit_log", args=[current.pk])
    return page(
        request,
        "staff/audit_log.jinja",
        title="Audit log",
        evaluation=current,
        events=[(event, when(event.at)) for event in events],
        page_obj=events,
        previous_href=f"{base}?page={events.previous_page_number()}"
        if events.has_previous()
        else None,
        next_href=f"{base}?page={events.next_page_number()}" if events.has_next() else None,
    )


class DeleteForm(forms.Form):
    confirm = forms.CharField(
        error_messages={"required": "Enter the name of the evaluation to confirm"},
    )

    def __init__(self, *args, name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.expected = name

    def clean_confirm(self):
        typed = self.cleaned_data["confirm"].strip()
        if typed != self.expected.strip():
            raise forms.ValidationError(
                "The name you entered does not match. Enter the evaluation name exactly as shown"
            )
        return typed


@idempotent("evaluation-delete")
def evaluation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    current = evaluation_for(request, pk, "manage")
    form = DeleteForm(request.POST or None, name=current.name)
    if request.method == "POST" and form.is_valid():
        name = current.name
        service.delete_evaluation(current, request.user)
        return done(request, reverse("surveys:home"), f"Evaluation deleted: {name}")
    return page(
        request,
        "staff/evaluation_delete.jinja",
        title=f"Delete {current.name}?",
        evaluation=current,
        form=form,
        contents=selectors.evaluation_contents(current),
    )
