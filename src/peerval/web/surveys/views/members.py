"""Who is on an evaluation, with which role: add, change, remove (never the last lead)."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from peerval.web.accounts.models import Membership
from peerval.web.accounts.permissions import evaluation_for
from peerval.web.accounts.roles import ROLE_LABELS, ROLES, allows

from .. import selectors
from ..services import members as membership_service
from ..services.evaluations import ChangeRefused
from ..services.idempotency import idempotent
from .staff import done, page, refuse

__all__ = ["member_change", "member_remove", "members"]

#: what each role may do, in the words shown beside the choice
ROLE_HINTS = {
    "lead": "Everything, including settings, collections, members and deleting the evaluation",
    "analyst": (
        "See the evaluation and its report, download data, type in paper questionnaires, "
        "and run qualitative projects (codebook, themes, agreement)"
    ),
    "coder": "See the evaluation and its report, and code free text and transcripts",
    "viewer": "See the evaluation, its live counts and its report",
}
ROLE_ERROR = "Select a role"


def _role_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        choices=[(role, ROLE_LABELS[role]) for role in ROLES],
        error_messages={"required": ROLE_ERROR, "invalid_choice": ROLE_ERROR},
    )


class AddMemberForm(forms.Form):
    username = forms.CharField(
        max_length=150,
        error_messages={
            "required": "Enter the username of the person to add",
            "max_length": "Username must be 150 characters or fewer",
        },
    )
    role = _role_field()


class RoleForm(forms.Form):
    role = _role_field()


def _roles() -> list[dict[str, str]]:
    return [{"value": role, "text": ROLE_LABELS[role], "hint": ROLE_HINTS[role]} for role in ROLES]


@idempotent("member-add")
def members(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = evaluation_for(request, pk, "members")
    form = AddMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            added = membership_service.add_member(evaluation, request.user, **form.cleaned_data)
        except ChangeRefused as refused:
            refuse(form, refused)
        else:
            return done(
                request,
                reverse("surveys:members", args=[evaluation.pk]),
                f"{added.user.get_username()} added as {added.get_role_display().lower()}",
            )
    return page(
        request,
        "staff/members.jinja",
        title="Members",
        evaluation=evaluation,
        form=form,
        members=selectors.members_of(evaluation),
        roles=_roles(),
    )


def _membership(request: HttpRequest, pk: int, member: int):
    evaluation = evaluation_for(request, pk, "members")
    membership = get_object_or_404(
        Membership.objects.select_related("user", "evaluation"), pk=member, evaluation=evaluation
    )
    return evaluation, membership


def _after_change(request: HttpRequest, evaluation, notice: str) -> HttpResponse:
    """Back to the members page, or further out if the change took the user's access away."""
    membership = Membership.objects.filter(user=request.user, evaluation=evaluation).first()
    role = "lead" if request.user.is_superuser else (membership.role if membership else None)
    if allows(role, "members"):
        location = reverse("surveys:members", args=[evaluation.pk])
    elif role is not None:
        location = reverse("surveys:evaluation", args=[evaluation.pk])
    else:
        location = reverse("surveys:home")
    return done(request, location, notice)


@idempotent("member-role")
def member_change(request: HttpRequest, pk: int, member: int) -> HttpResponse:
    evaluation, membership = _membership(request, pk, member)
    form = RoleForm(request.POST or None, initial={"role": membership.role})
    username = membership.user.get_username()
    if request.method == "POST" and form.is_valid():
        try:
            changed = membership_service.change_role(
                membership, request.user, form.cleaned_data["role"]
            )
        except ChangeRefused as refused:
            refuse(form, refused)
        else:
            label = ROLE_LABELS[membership.role].lower()
            notice = f"{username} is now {label}" if changed else f"{username} was already {label}"
            return _after_change(request, evaluation, notice)
    return page(
        request,
        "staff/member_change.jinja",
        title=f"Change the role of {username}",
        evaluation=evaluation,
        membership=membership,
        form=form,
        roles=_roles(),
    )


@idempotent("member-remove")
def member_remove(request: HttpRequest, pk: int, member: int) -> HttpResponse:
    evaluation, membership = _membership(request, pk, member)
    username = membership.user.get_username()
    errors = []
    if request.method == "POST":
        try:
            membership_service.remove_member(membership, request.user)
        except ChangeRefused as refused:
            errors = [{"text": refused.message, "href": "#remove"}]
        else:
            return _after_change(request, evaluation, f"{username} removed from the evaluation")
    return page(
        request,
        "staff/member_remove.jinja",
        title=f"Remove {username} from this evaluation?",
        evaluation=evaluation,
        membership=membership,
        errors=errors,
    )
