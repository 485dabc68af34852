"""Writes to an evaluation's membership: add, change a role, remove (never the last lead).

Each change records one audit event in its transaction. Changes that touch leads lock the
evaluation's row first, so two leads cannot demote or remove each other at the same moment.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

from peerval.web.accounts.models import Membership
from peerval.web.accounts.roles import ROLE_LABELS
from peerval.web.audit.services import record

from ..models import Evaluation
from .evaluations import ChangeRefused

__all__ = ["add_member", "change_role", "remove_member"]


def _check_role(role: str) -> None:
    if role not in ROLE_LABELS:
        raise ChangeRefused("Select a role", field="role")


def _keep_a_lead(evaluation: Evaluation, membership: Membership, verb: str) -> None:
    """Refuse a change that would leave the evaluation without a lead.

    Called with the evaluation row locked, so two leads cannot demote each other at once.
    """
    if membership.role != "lead":
        return
    leads = Membership.objects.filter(evaluation=evaluation, role="lead").count()
    if leads <= 1:
        who = membership.user.get_username()
        raise ChangeRefused(
            f"You cannot {verb} {who}: they are the only evaluation lead. "
            "Make someone else an evaluation lead first",
            field="role",
        )


def _lock(evaluation: Evaluation) -> Evaluation:
    return Evaluation.objects.select_for_update().get(pk=evaluation.pk)


def add_member(evaluation: Evaluation, user, *, username: str, role: str) -> Membership:
    """Give an existing account a role on the evaluation."""
    _check_role(role)
    model = get_user_model()
    person = model.objects.filter(**{model.USERNAME_FIELD: username}).first()
    if person is None:
        raise ChangeRefused(
            f"There is no account with the username {username}. "
            "Check the spelling, or ask your administrator to create the account",
            field="username",
        )
    existing = Membership.objects.filter(evaluation=evaluation, user=person).first()
    if existing is not None:
        raise ChangeRefused(
            f"{username} is already a member, as {ROLE_LABELS[existing.role].lower()}. "
            "Change their role in the list of members instead",
            field="username",
        )
    try:
        with transaction.atomic():
            membership = Membership.objects.create(user=person, evaluation=evaluation, role=role)
            record(
                "members",
                f"Added {username} as {ROLE_LABELS[role].lower()}",
                user=user,
                evaluation=evaluation,
                member=username,
                change="added",
                role=role,
            )
    except IntegrityError:  # added by someone else at the same moment
        raise ChangeRefused(f"{username} is already a member", field="username") from None
    return membership


def change_role(membership: Membership, user, role: str) -> bool:
    """Change a member's role; False when it was already that role."""
    _check_role(role)
    with transaction.atomic():
        evaluation = _lock(membership.evaluation)
        current = Membership.objects.select_related("user").get(pk=membership.pk)
        if current.role == role:
            return False
        if role != "lead":
            _keep_a_lead(evaluation, current, "change the role of")
        old = current.role
        current.role = role
        current.save(update_fields=["role"])
        username = current.user.get_username()
        record(
            "members",
            f"Changed {username} from {ROLE_LABELS[old].lower()} to {ROLE_LABELS[role].lower()}",
            user=user,
            evaluation=evaluation,
            member=username,
            change="role",
            old=old,
            new=role,
        )
    membership.role = role
    return True


def remove_member(membership: Membership, user) -> None:
    """Take a member off the evaluation (never its last lead)."""
    with transaction.atomic():
        evaluation = _lock(membership.evaluation)
        current = Membership.objects.select_related("user").get(pk=membership.pk)
        _keep_a_lead(evaluation, current, "remove")
        username = current.user.get_username()
        record(
            "members",
            f"Removed {username} ({ROLE_LABELS[current.role].lower()})",
            user=user,
            evaluation=evaluation,
            member=username,
            change="removed",
            role=current.role,
        )
        current.delete()
