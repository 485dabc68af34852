"""The theme board: themes grouping codes, with how many documents carry each and a few
of the coded passages behind it; add, change and remove themes."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from peerval.errors import PeervalError
from peerval.web.surveys.services.idempotency import idempotent
from peerval.web.surveys.views.staff import done

from .. import presenters, selectors
from ..forms import TOP, ThemeForm
from ..models import Theme
from ..services import store
from ..services import themes as service
from .common import allowed, project_for, project_page, refused

__all__ = ["theme_edit", "theme_new", "theme_remove", "themes"]


def themes(request: HttpRequest, project: int) -> HttpResponse:
    current = project_for(request, project, "view")
    snapshot = store.snapshot(current)
    board = selectors.theme_board(
        current, snapshot, selectors.sample_of(current), request.user.get_username()
    )
    hrefs = {
        d: reverse("qualitative:document", args=[current.pk, pk])
        for d, pk in current.documents.values_list("document_id", "pk")
    }
    return project_page(
        request,
        "qualitative/themes.jinja",
        project=current,
        title="Themes",
        board=board,
        hrefs=hrefs,
        snapshot=snapshot,
        presenters=presenters,
        total=current.documents.count(),
        can_manage=allowed(request, "codebook"),
    )


def _form(request, current, snapshot, theme: Theme | None) -> ThemeForm:
    rows = list(current.themes.all())
    excluded = selectors.theme_descendants(rows, theme.pk) if theme else set()
    initial = {"parent": TOP, "codes": []}
    if theme is not None:
        initial = {
            "name": theme.name,
            "description": theme.description,
            "parent": str(theme.parent_id) if theme.parent_id else TOP,
            "codes": list(theme.code_ids),
        }
    return ThemeForm(
        request.POST or None,
        initial=initial,
        parents=[(str(t.pk), t.name) for t in rows if t.pk not in excluded],
        codes=[(c.id, presenters.code_label(c)) for c in snapshot.codes],
    )


def _save(request, current, theme: Theme | None) -> HttpResponse:
    snapshot = store.snapshot(current)
    form = _form(request, current, snapshot, theme)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        parent = None if data["parent"] == TOP else current.themes.get(pk=int(data["parent"]))
        try:
            saved = service.save_theme(
                current,
                request.user,
                theme=theme,
                name=data["name"],
                description=data["description"].strip(),
                parent=parent,
                code_ids=list(data["codes"]),
            )
        except PeervalError as error:
            refused(form, error)
        else:
            return done(
                request,
                reverse("qualitative:themes", args=[current.pk]),
                f"Theme saved: {saved.name}",
            )
    return project_page(
        request,
        "qualitative/theme_form.jinja",
        project=current,
        title=f"Change the theme {theme.name}" if theme else "Add a theme",
        form=form,
        submit_text="Save changes" if theme else "Add theme",
    )


@idempotent("qual-theme-new")
def theme_new(request: HttpRequest, project: int) -> HttpResponse:
    return _save(request, project_for(request, project, "codebook"), None)


@idempotent("qual-theme-edit")
def theme_edit(request: HttpRequest, project: int, theme: int) -> HttpResponse:
    current = project_for(request, project, "codebook")
    return _save(request, current, get_object_or_404(Theme, project=current, pk=theme))


@idempotent("qual-theme-remove")
def theme_remove(request: HttpRequest, project: int, theme: int) -> HttpResponse:
    current = project_for(request, project, "codebook")
    found = get_object_or_404(Theme, project=current, pk=theme)
    errors = []
    if request.method == "POST":
        try:
            service.remove_theme(found, request.user)
        except PeervalError as error:
            errors.append({"text": error.message, "href": "#remove"})
        else:
            return done(
                request,
                reverse("qualitative:themes", args=[current.pk]),
                f"Theme removed: {found.name}",
            )
    return project_page(
        request,
        "qualitative/theme_remove.jinja",
        project=current,
        title=f"Remove the theme {found.name}?",
        theme=found,
        errors=errors,
    )
