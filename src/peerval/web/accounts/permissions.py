"""Who may see and do what on an evaluation (queries are scoped by membership)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from .models import Membership
from .roles import allows

__all__ = ["evaluation_for", "role_on", "visible_evaluations"]


def role_on(user, evaluation) -> str | None:
    """The user's role on an evaluation (``lead`` for superusers), or None."""
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return "lead"
    membership = Membership.objects.filter(user=user, evaluation=evaluation).only("role").first()
    return membership.role if membership else None


def visible_evaluations(user) -> QuerySet:
    from peerval.web.surveys.models import Evaluation

    if user.is_superuser:
        return Evaluation.objects.all()
    return Evaluation.objects.filter(memberships__user=user)


def evaluation_for(request: HttpRequest, evaluation_id: int, permission: str = "view"):
    """The evaluation if the signed-in user may do ``permission`` on it.

    Someone with no role gets 404 (the evaluation's existence is not revealed); a member
    whose role lacks the permission gets 403.
    """
    from peerval.web.surveys.models import Evaluation

    evaluation = Evaluation.objects.filter(pk=evaluation_id).first()
    role = role_on(request.user, evaluation) if evaluation else None
    if evaluation is None or role is None:
        raise Http404("no such evaluation")
    if not allows(role, permission):
        raise PermissionDenied(f"{role} cannot {permission}")
    request.evaluation_role = role
    return evaluation
