"""What every signed-in staff page shares: navigation, permissions, one-off notices, errors.

The views themselves live in :mod:`.evaluations`, :mod:`.collections` and :mod:`.members`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from peerval.web.accounts.roles import PERMISSIONS, ROLE_LABELS, allows
from peerval.web.nhsuk_forms.render import error_list

from ..models import Evaluation
from ..services.evaluations import ChangeRefused
from ..services.idempotency import new_key

__all__ = [
    "RESULTS_LINKS",
    "done",
    "page",
    "post_only",
    "refuse",
    "results_link",
    "wave_links",
    "when",
]

_NOTICE = "peerval.notice"

#: the wave pages other parts of the app provide, with the permission each needs
RESULTS_LINKS = (
    ("results:report", "report", "View the report"),
    ("results:export_answers", "export", "Download the answers (CSV)"),
)


def when(moment: dt.datetime | None) -> str:
    """A time as people read it in the UK: ``3 March 2026 at 14:05``."""
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    return f"{local.day} {local:%B %Y} at {local:%H:%M}"


def results_link(name: str, wave_pk: int) -> str | None:
    """The address of a results page for a wave, or None while that page does not exist."""
    try:
        return reverse(name, args=[wave_pk])
    except NoReverseMatch:
        return None


def wave_links(role: str | None, wave_pk: int) -> list[dict[str, str]]:
    """Links to a wave's results pages that exist and that the role may use."""
    links = []
    for name, permission, text in RESULTS_LINKS:
        href = results_link(name, wave_pk) if allows(role, permission) else None
        if href is not None:
            links.append({"href": href, "text": text})
    return links


def _navigation(request: HttpRequest, evaluation: Evaluation | None, here: str) -> list[dict]:
    items = [{"href": reverse("surveys:home"), "text": "Your evaluations"}]
    if evaluation is not None:
        role = getattr(request, "evaluation_role", None)
        sections = [
            ("surveys:evaluation", "Overview", "view"),
            ("qualitative:projects", "Qualitative coding", "view"),
        ]
        sections += [
            ("surveys:members", "Members", "members"),
            ("surveys:care_groups", "Care groups", "manage"),
            ("surveys:evaluation_settings", "Settings", "manage"),
            ("surveys:audit_log", "Audit log", "manage"),
        ]
        items += [
            {"href": reverse(name, args=[evaluation.pk]), "text": text}
            for name, text, permission in sections
            if allows(role, permission)
        ]
    for item in items:
        if item["href"] == here:
            item["current"] = True
    return items


def page(
    request: HttpRequest,
    template: str,
    *,
    title: str,
    evaluation: Evaluation | None = None,
    form: forms.Form | None = None,
    errors: list[dict[str, str]] | None = None,
    status: int | None = None,
    **context: Any,
) -> HttpResponse:
    """Render a staff page; with form errors (or ``errors``) the status is 422."""
    errors = list(errors or [])
    if form is not None and form.is_bound:
        errors += error_list(form)
    role = getattr(request, "evaluation_role", None) if evaluation is not None else None
    context.update(
        title=title,
        errors=errors,
        form=form,
        evaluation=evaluation,
        role=role,
        role_label=ROLE_LABELS.get(role or "", ""),
        role_labels=ROLE_LABELS,
        can={permission: allows(role, permission) for permission in PERMISSIONS["lead"]},
        nav_items=_navigation(request, evaluation, request.path),
        notice=request.session.pop(_NOTICE, None),
        new_key=new_key,
    )
    return render(request, template, context, status=status or (422 if errors else 200))


def done(request: HttpRequest, location: str, notice: str | None = None) -> HttpResponseRedirect:
    """Redirect after a change, with a notice shown once on the next page."""
    if notice:
        request.session[_NOTICE] = notice
    return HttpResponseRedirect(location)


def refuse(form: forms.Form, refused: ChangeRefused) -> None:
    """Show a refused change against its form field (or the whole form)."""
    field = refused.field if refused.field in form.fields else None
    form.add_error(field, refused.message)


def post_only(request: HttpRequest) -> HttpResponse | None:
    """A 405 for anything but POST (call it after the permission check)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return None
