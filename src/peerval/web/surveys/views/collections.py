"""Waves and collections: set them up, open and close them, share the link, invitation codes."""

from __future__ import annotations

import io

import segno
from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from peerval.web.accounts.permissions import evaluation_for

from .. import selectors
from ..models import Collection, Wave
from ..models.evaluation import GROUPS
from ..services import evaluations as service
from ..services.idempotency import idempotent
from .staff import done, page, post_only, refuse, when

__all__ = [
    "collection",
    "collection_close",
    "collection_new",
    "collection_open",
    "collection_qr",
    "invitation_codes",
    "invitations",
    "public_link",
    "wave_new",
]

_CODES = "peerval.invitation_codes.{}"
YES_NO = [("yes", "Yes"), ("no", "No")]


def _collection(request: HttpRequest, pk: int, permission: str) -> Collection:
    found = get_object_or_404(Collection.objects.select_related("wave__evaluation"), pk=pk)
    evaluation_for(request, found.wave.evaluation_id, permission)
    return found


def public_link(request: HttpRequest, collection: Collection) -> str:
    """The address respondents use: on ``PUBLIC_URL`` when it is set, else on this host."""
    path = reverse("survey:start", args=[collection.token])
    if settings.PUBLIC_URL:
        return settings.PUBLIC_URL + path
    return request.build_absolute_uri(path)


class WaveForm(forms.Form):
    label = forms.CharField(
        max_length=40,
        error_messages={
            "required": "Enter a label for the wave, such as the year",
            "max_length": "Label must be 40 characters or fewer",
        },
    )


@idempotent("wave-new")
def wave_new(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = evaluation_for(request, pk, "manage")
    form = WaveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            wave = service.create_wave(evaluation, request.user, form.cleaned_data["label"])
        except service.ChangeRefused as refused:
            refuse(form, refused)
        else:
            return done(
                request,
                reverse("surveys:evaluation", args=[evaluation.pk]),
                f"Wave {wave.label} added. Add a collection to it for each group you will ask.",
            )
    return page(
        request, "staff/wave_new.jinja", title="Add a wave", evaluation=evaluation, form=form
    )


def _yes_no(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        error_messages={"required": label, "invalid_choice": label},
    )


class CollectionForm(forms.Form):
    """The group, then that group's questionnaires (one set of boxes per group)."""

    respondent_group = forms.ChoiceField(
        choices=GROUPS,
        error_messages={
            "required": "Select who will answer",
            "invalid_choice": "Select who will answer",
        },
    )
    anonymous = _yes_no("Select whether the survey is anonymous")
    invitation_only = _yes_no("Select whether people need an invitation code")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = {}
        for group, label in GROUPS:
            instruments = selectors.instrument_choices(group)
            self.choices[group] = instruments
            self.fields[f"instruments_{group}"] = forms.MultipleChoiceField(
                choices=[(i.id, i.title) for i in instruments],
                required=False,
                error_messages={
                    "invalid_choice": f"Select questionnaires from the list for {label.lower()}"
                },
            )
            self.initial.setdefault(
                f"instruments_{group}", list(selectors.SUGGESTED_INSTRUMENTS.get(group, ()))
            )

    def clean(self):
        cleaned = super().clean()
        group = cleaned.get("respondent_group")
        if group and not cleaned.get(f"instruments_{group}"):
            self.add_error(f"instruments_{group}", "Select at least one questionnaire")
        return cleaned

    def instrument_ids(self) -> list[str]:
        """The chosen questionnaires, in the order they are listed (and will be asked)."""
        group = self.cleaned_data["respondent_group"]
        chosen = set(self.cleaned_data[f"instruments_{group}"])
        return [i.id for i in self.choices[group] if i.id in chosen]


@idempotent("collection-new")
def collection_new(request: HttpRequest, pk: int) -> HttpResponse:
    wave = get_object_or_404(Wave.objects.select_related("evaluation"), pk=pk)
    evaluation = evaluation_for(request, wave.evaluation_id, "manage")
    form = CollectionForm(
        request.POST or None, initial={"anonymous": "yes", "invitation_only": "no"}
    )
    if request.method == "POST" and form.is_valid():
        try:
            created = service.create_collection(
                wave,
                request.user,
                respondent_group=form.cleaned_data["respondent_group"],
                instrument_ids=form.instrument_ids(),
                anonymous=form.cleaned_data["anonymous"],
                invitation_only=form.cleaned_data["invitation_only"],
            )
        except service.ChangeRefused as refused:
            refuse(form, refused)
        else:
            return done(
                request,
                reverse("surveys:collection", args=[created.pk]),
                "Collection created. Open it when you are ready for people to answer.",
            )
    return page(
        request,
        "staff/collection_new.jinja",
        title=f"Add a collection to wave {wave.label}",
        evaluation=evaluation,
        wave=wave,
        form=form,
        groups=GROUPS,
    )


class InvitationForm(forms.Form):
    count = forms.IntegerField(
        min_value=1,
        max_value=service.INVITATION_LIMIT,
        error_messages={
            "required": "Enter how many invitation codes to create",
            "invalid": f"Enter a number of codes from 1 to {service.INVITATION_LIMIT}",
            "min_value": f"Enter a number of codes from 1 to {service.INVITATION_LIMIT}",
            "max_value": f"Enter a number of codes from 1 to {service.INVITATION_LIMIT}",
        },
    )


def _collection_page(
    request: HttpRequest,
    found: Collection,
    *,
    invitation_form: InvitationForm | None = None,
    errors: list[dict[str, str]] | None = None,
) -> HttpResponse:
    evaluation = found.wave.evaluation
    policy = selectors.live_policy(evaluation, getattr(request, "evaluation_role", None))
    used, unused = selectors.invitation_counts(found, policy)
    return page(
        request,
        "staff/collection.jinja",
        title=f"{found.get_respondent_group_display()}, wave {found.wave.label}",
        evaluation=evaluation,
        collection=found,
        form=invitation_form,
        errors=errors,
        invitation_form=invitation_form or InvitationForm(),
        link=public_link(request, found),
        instruments=selectors.instrument_titles(found.instrument_refs()),
        counts=selectors.collection_live_counts(found, policy),
        counts_policy=policy,
        used=used,
        unused=unused,
        opened_at=when(found.opened_at),
        closed_at=when(found.closed_at),
    )


def collection(request: HttpRequest, pk: int) -> HttpResponse:
    return _collection_page(request, _collection(request, pk, "view"))


def collection_qr(request: HttpRequest, pk: int) -> HttpResponse:
    """The public link as a QR code (SVG), for posters and printed invitations."""
    found = _collection(request, pk, "view")
    link = public_link(request, found)
    buffer = io.BytesIO()
    segno.make(link, error="m").save(
        buffer, kind="svg", scale=8, border=4, title=f"QR code for {link}"
    )
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
    response["Content-Disposition"] = f'inline; filename="survey-{found.pk}-qr.svg"'
    return response


@idempotent("collection-open")
def collection_open(request: HttpRequest, pk: int) -> HttpResponse:
    found = _collection(request, pk, "manage")
    if (refused := post_only(request)) is not None:
        return refused
    try:
        service.open_collection(found, request.user)
    except service.ChangeRefused as refusal:
        errors = [{"text": refusal.message, "href": "#status"}]
        return _collection_page(request, found, errors=errors)
    return done(
        request,
        reverse("surveys:collection", args=[found.pk]),
        "The collection is open. People with the link can now answer.",
    )


@idempotent("collection-close")
def collection_close(request: HttpRequest, pk: int) -> HttpResponse:
    found = _collection(request, pk, "manage")
    if (refused := post_only(request)) is not None:
        return refused
    service.close_collection(found, request.user)
    return done(
        request,
        reverse("surveys:collection", args=[found.pk]),
        "The collection is closed. The link no longer takes answers.",
    )


@idempotent("invitations-new")
def invitations(request: HttpRequest, pk: int) -> HttpResponse:
    found = _collection(request, pk, "manage")
    if (refused := post_only(request)) is not None:
        return refused
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            codes = service.create_invitations(found, request.user, form.cleaned_data["count"])
        except service.ChangeRefused as refusal:
            refuse(form, refusal)
        else:
            request.session[_CODES.format(found.pk)] = codes
            return done(request, reverse("surveys:invitation_codes", args=[found.pk]))
    return _collection_page(request, found, invitation_form=form)


def invitation_codes(request: HttpRequest, pk: int) -> HttpResponse:
    """New invitation codes, shown once: only their hashes are kept."""
    found = _collection(request, pk, "manage")
    codes = request.session.pop(_CODES.format(found.pk), None) or []
    return page(
        request,
        "staff/invitation_codes.jinja",
        title="New invitation codes" if codes else "No new invitation codes to show",
        evaluation=found.wave.evaluation,
        collection=found,
        codes=codes,
    )
