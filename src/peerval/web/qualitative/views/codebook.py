"""The codebook: codes in a tree; add, change (rename, move, edit) and remove a code."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from peerval.errors import PeervalError
from peerval.web.surveys.services.idempotency import idempotent
from peerval.web.surveys.views.staff import done

from .. import presenters
from ..forms import TOP, CodeForm
from ..services import codebook as service
from ..services import store
from .common import allowed, project_for, project_page, refused

__all__ = ["code_edit", "code_new", "code_remove", "codebook"]


def _in_use(snapshot) -> dict[str, int]:
    counts: dict[str, int] = {}
    for coding in snapshot.codings:
        counts[coding.code_id] = counts.get(coding.code_id, 0) + 1
    return counts


def codebook(request: HttpRequest, project: int) -> HttpResponse:
    current = project_for(request, project, "view")
    snapshot = store.snapshot(current)
    return project_page(
        request,
        "qualitative/codebook.jinja",
        project=current,
        title="Codebook",
        snapshot=snapshot,
        in_use=_in_use(snapshot),
        can_manage=allowed(request, "codebook"),
    )


def _parents(snapshot, leaving_out: str | None = None) -> list[tuple[str, str]]:
    """Where a code can go: any code but itself and those under it."""
    excluded = snapshot.descendants(leaving_out) if leaving_out else set()
    return [(c.id, presenters.code_label(c)) for c in snapshot.codes if c.id not in excluded]


def _code_url(current, name: str) -> str:
    return reverse(name, args=[current.pk])


@idempotent("qual-code-new")
def code_new(request: HttpRequest, project: int) -> HttpResponse:
    current = project_for(request, project, "codebook")
    snapshot = store.snapshot(current)
    initial = {"parent": request.GET.get("parent") or TOP, "codable": "yes"}
    form = CodeForm(request.POST or None, initial=initial, parents=_parents(snapshot))
    if request.method == "POST" and form.is_valid():
        try:
            service.add_code(current, request.user, **form.code_fields())
        except PeervalError as error:
            refused(form, error)
        else:
            name = form.cleaned_data["name"]
            return done(request, _code_url(current, "qualitative:codebook"), f"Code added: {name}")
    return project_page(
        request,
        "qualitative/code_form.jinja",
        project=current,
        title="Add a code",
        form=form,
        submit_text="Add code",
    )


def _code(snapshot, code_id: str):
    code = snapshot.code(code_id)
    if code is None:
        raise Http404("no such code")
    return code


@idempotent("qual-code-edit")
def code_edit(request: HttpRequest, project: int, code: str) -> HttpResponse:
    current = project_for(request, project, "codebook")
    snapshot = store.snapshot(current)
    found = _code(snapshot, code)
    initial = {
        "name": found.name,
        "description": found.description,
        "inclusion": found.inclusion,
        "exclusion": found.exclusion,
        "parent": found.parent_id or TOP,
        "codable": "yes" if found.codable else "no",
    }
    form = CodeForm(request.POST or None, initial=initial, parents=_parents(snapshot, found.id))
    if request.method == "POST" and form.is_valid():
        try:
            changed = service.change_code(current, found.id, request.user, **form.code_fields())
        except PeervalError as error:
            refused(form, error)
        else:
            notice = f"Code changed: {form.cleaned_data['name']}" if changed else "Nothing changed"
            return done(request, _code_url(current, "qualitative:codebook"), notice)
    return project_page(
        request,
        "qualitative/code_form.jinja",
        project=current,
        title=f"Change the code {found.name}",
        form=form,
        code=found,
        submit_text="Save changes",
    )


@idempotent("qual-code-remove")
def code_remove(request: HttpRequest, project: int, code: str) -> HttpResponse:
    current = project_for(request, project, "codebook")
    snapshot = store.snapshot(current)
    found = _code(snapshot, code)
    errors = []
    if request.method == "POST":
        try:
            service.remove_code(current, found.id, found.name, request.user)
        except PeervalError as error:
            errors.append(
                {"text": f"The code cannot be removed: {error.message}", "href": "#remove"}
            )
        else:
            return done(
                request, _code_url(current, "qualitative:codebook"), f"Code removed: {found.name}"
            )
    return project_page(
        request,
        "qualitative/code_remove.jinja",
        project=current,
        title=f"Remove the code {found.name}?",
        code=found,
        in_use=_in_use(snapshot).get(found.id, 0),
        children=snapshot.children(found.id),
        errors=errors,
    )
