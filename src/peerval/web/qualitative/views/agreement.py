"""Agreement between coders: draw a sample for blind double coding, compare the coders'
codings of it code by code (the core's statistics), and end blind coding."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from peerval.errors import PeervalError
from peerval.web.surveys.services.idempotency import idempotent
from peerval.web.surveys.views.staff import done

from .. import presenters, selectors
from ..forms import SampleForm
from ..services import samples, store
from .common import project_for, project_page, refused, when

__all__ = ["agreement", "sample_new", "sample_reveal"]


def agreement(request: HttpRequest, project: int) -> HttpResponse:
    current = project_for(request, project, "codebook")
    snapshot = store.snapshot(current)
    sample = selectors.sample_of(current)
    view = selectors.agreement_for(snapshot, sample)
    positions = dict(current.documents.values_list("document_id", "position"))
    hrefs = {
        d: reverse("qualitative:document", args=[current.pk, pk])
        for d, pk in current.documents.values_list("document_id", "pk")
    }
    tables = presenters.agreement_tables(view.result, snapshot, hrefs, positions)
    sampled = []
    if sample is not None:
        sampled = [
            {"href": hrefs[d], "position": positions[d]} for d in sample.document_ids if d in hrefs
        ]
    return project_page(
        request,
        "qualitative/agreement.jinja",
        project=current,
        title="Agreement between coders",
        sample=sample,
        drawn=when(sample.drawn_at) if sample else "",
        sampled=sampled,
        view=view,
        **tables,
        confidence=round(100 * view.result.confidence) if view.result is not None else 95,
        n_boot=view.result.n_boot if view.result is not None else 0,
        applies=snapshot.agreement_applies,
    )


@idempotent("qual-sample-new")
def sample_new(request: HttpRequest, project: int) -> HttpResponse:
    current = project_for(request, project, "codebook")
    total = current.documents.count()
    attributes = [
        (key, presenters.attribute_name(key)) for key in selectors.attribute_values(current)
    ]
    initial = {"size": max(1, min(total, round(total * 0.2)))}
    form = SampleForm(request.POST or None, initial=initial, total=total, attributes=attributes)
    if request.method == "POST" and form.is_valid():
        try:
            drawn = samples.draw(current, request.user, **form.cleaned_data)
        except PeervalError as error:
            refused(form, error, "size")
        else:
            return done(
                request,
                reverse("qualitative:agreement", args=[current.pk]),
                f"{drawn.size} documents drawn for blind double coding",
            )
    return project_page(
        request,
        "qualitative/sample_new.jinja",
        project=current,
        title="Draw documents for blind double coding",
        form=form,
        total=total,
        attributes=[{"value": "", "text": "Do not spread"}]
        + [{"value": key, "text": name} for key, name in attributes],
        replacing=selectors.sample_of(current) is not None,
    )


@idempotent("qual-sample-reveal")
def sample_reveal(request: HttpRequest, project: int) -> HttpResponse:
    current = project_for(request, project, "codebook")
    sample = selectors.sample_of(current)
    if request.method == "POST" and sample is not None and sample.blind:
        samples.reveal(sample, request.user)
        return done(
            request,
            reverse("qualitative:agreement", args=[current.pk]),
            "Blind coding ended: everyone now sees every coding of the sample",
        )
    return project_page(
        request,
        "qualitative/sample_reveal.jinja",
        project=current,
        title="End blind coding?",
        sample=sample,
    )
