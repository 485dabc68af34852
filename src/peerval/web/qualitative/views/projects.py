"""An evaluation's qualitative projects: the list, a new project from a wave, deletion."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from peerval.web.accounts.permissions import evaluation_for
from peerval.web.surveys.services.idempotency import idempotent
from peerval.web.surveys.views.staff import done, page

from .. import selectors
from ..forms import MODE_HINTS, ProjectForm
from ..models.project import MODES
from ..services import projects as service
from .common import allowed, project_for, project_page, when

__all__ = ["project_delete", "project_export", "project_new", "projects"]


def projects(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = evaluation_for(request, pk, "view")
    rows = [(p, when(p.created_at)) for p in selectors.projects_of(evaluation)]
    return page(
        request,
        "qualitative/projects.jinja",
        title="Qualitative coding",
        evaluation=evaluation,
        rows=rows,
        can_manage=allowed(request, "codebook"),
    )


@idempotent("qual-project-new")
def project_new(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = evaluation_for(request, pk, "codebook")
    waves = list(evaluation.waves.order_by("-label"))
    initial = {"mode": "content_analysis"}
    if waves:
        initial |= {"wave": str(waves[0].pk), "name": f"Free text, wave {waves[0].label}"}
    form = ProjectForm(request.POST or None, initial=initial, waves=waves)
    if request.method == "POST" and form.is_valid():
        wave = next(w for w in waves if str(w.pk) == form.cleaned_data["wave"])
        try:
            made = service.create_from_wave(
                evaluation,
                wave,
                request.user,
                name=form.cleaned_data["name"],
                mode=form.cleaned_data["mode"],
            )
        except service.NoFreeText as exc:
            form.add_error("wave", str(exc))
        else:
            return done(
                request,
                reverse("qualitative:documents", args=[made.pk]),
                f"Project created with {made.documents.count()} answers to code",
            )
    return page(
        request,
        "qualitative/project_new.jinja",
        title="Create a project from a wave's free text",
        evaluation=evaluation,
        form=form,
        waves=[{"value": str(w.pk), "text": w.label} for w in waves],
        modes=[{"value": v, "text": t, "hint": MODE_HINTS[v]} for v, t in MODES],
    )


@idempotent("qual-project-delete")
def project_delete(request: HttpRequest, project: int) -> HttpResponse:
    current = project_for(request, project, "codebook")
    if request.method == "POST":
        name = current.name
        evaluation = current.evaluation
        service.delete_project(current, request.user)
        return done(
            request,
            reverse("qualitative:projects", args=[evaluation.pk]),
            f"Project deleted: {name}",
        )
    return project_page(
        request,
        "qualitative/project_delete.jinja",
        project=current,
        title=f"Delete {current.name}?",
        n_documents=current.documents.count(),
        n_events=current.last_seq,
    )


def project_export(request: HttpRequest, project: int) -> HttpResponse:
    """The project as a REFI-QDA file for NVivo, ATLAS.ti, MAXQDA (needs ``export``)."""
    current = project_for(request, project, "export")
    data, name = service.export_project(current, request.user)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
