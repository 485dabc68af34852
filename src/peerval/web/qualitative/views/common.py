"""What every qualitative page shares: finding the project with the right permission, the
project's own navigation, and turning a core refusal into a form error."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from peerval.errors import PeervalError
from peerval.web.accounts.permissions import evaluation_for
from peerval.web.accounts.roles import allows
from peerval.web.surveys.views.staff import page, when

from ..models import Project

__all__ = ["allowed", "project_for", "project_page", "refused", "when"]

#: the project's sections: URL name, text, permission needed
SECTIONS = (
    ("qualitative:documents", "Documents", "view"),
    ("qualitative:grid", "Answers by respondent", "view"),
    ("qualitative:codebook", "Codebook", "view"),
    ("qualitative:themes", "Themes", "view"),
    ("qualitative:suggest", "Suggestions", "code"),
    ("qualitative:agreement", "Agreement between coders", "codebook"),
)


def project_for(request: HttpRequest, pk: int, permission: str = "view") -> Project:
    """The project if the signed-in user may do ``permission`` on its evaluation: 404 for
    someone outside the evaluation (or no such project), 403 for a role without it."""
    project = Project.objects.select_related("evaluation", "wave").filter(pk=pk).first()
    if project is None:
        raise Http404("no such project")
    evaluation_for(request, project.evaluation_id, permission)
    return project


def allowed(request: HttpRequest, permission: str) -> bool:
    return allows(getattr(request, "evaluation_role", None), permission)


def _sections(request: HttpRequest, project: Project) -> list[dict[str, Any]]:
    items = []
    for name, text, permission in SECTIONS:
        if allowed(request, permission):
            href = reverse(name, args=[project.pk])
            items.append({"href": href, "text": text, "current": request.path == href})
    return items


def project_page(
    request: HttpRequest, template: str, *, project: Project, title: str, **context: Any
) -> HttpResponse:
    """A page inside a project (with form errors, 422)."""
    return page(
        request,
        template,
        title=title,
        evaluation=project.evaluation,
        project=project,
        sections=_sections(request, project),
        **context,
    )


def refused(form: forms.Form, error: PeervalError, field: str | None = None) -> None:
    """Show what the core refused, against a field or the whole form."""
    form.add_error(field if field in form.fields else None, error.message)
