"""The documents of a project: the filterable list, and the viewer where text is coded.

The viewer codes a passage two ways. With a mouse: select text, choose a code, press
"Apply code"; ``coding.js`` puts the selection's character offsets in the form. With a
keyboard alone (or without JavaScript): tick "Select this passage" for each sentence (or
speaker turn) wanted, choose a code, press "Apply code"; the server turns the ticked
passages into offsets.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from peerval.errors import PeervalError
from peerval.web.accounts.permissions import evaluation_for
from peerval.web.surveys.services.idempotency import idempotent
from peerval.web.surveys.views.staff import done

from .. import presenters, selectors
from ..forms import ApplyCodeForm, MemoForm
from ..models import Document
from ..passages import passages
from ..services import coding, store
from .common import allowed, project_for, project_page, refused, when

__all__ = ["document", "documents", "grid"]


def _filters(request: HttpRequest, attributes: dict[str, list[str]], snapshot):
    """The list's filters from the query string, ignoring values that do not exist."""
    attribute = None
    chosen = request.GET.get("attribute", "")
    key, _, value = chosen.partition("=")
    if key in attributes and value in attributes[key]:
        attribute = (key, value)
    code_id = request.GET.get("code") or None
    if code_id is not None and snapshot.code(code_id) is None:
        code_id = None
    return attribute, code_id


def documents(request: HttpRequest, project: int) -> HttpResponse:
    current = project_for(request, project, "view")
    snapshot = store.snapshot(current)
    sample = selectors.sample_of(current)
    attributes = selectors.attribute_values(current)
    attribute, code_id = _filters(request, attributes, snapshot)
    username = request.user.get_username()
    rows = selectors.documents(
        current, snapshot, sample, username, attribute=attribute, code_id=code_id
    )
    total = current.documents.count()
    return project_page(
        request,
        "qualitative/documents.jinja",
        project=current,
        title=current.name,
        rows=rows,
        total=total,
        filtered=attribute is not None or code_id is not None,
        attribute_options=[
            {
                "value": f"{key}={value}",
                "text": f"{presenters.attribute_name(key)}: {value}",
                "selected": attribute == (key, value),
            }
            for key, values in attributes.items()
            for value in values
        ],
        code_options=[
            {"value": c.id, "text": presenters.code_label(c), "selected": c.id == code_id}
            for c in snapshot.codes
        ],
        snapshot=snapshot,
        presenters=presenters,
        can_code=allowed(request, "code"),
        can_manage=allowed(request, "codebook"),
        can_export=allowed(request, "export"),
        created=when(current.created_at),
    )


def grid(request: HttpRequest, project: int) -> HttpResponse:
    """The survey free text as a grid: a row per respondent, a column per question."""
    current = project_for(request, project, "view")
    snapshot = store.snapshot(current)
    attributes = selectors.attribute_values(current)
    attribute, code_id = _filters(request, attributes, snapshot)
    listings = selectors.documents(
        current,
        snapshot,
        selectors.sample_of(current),
        request.user.get_username(),
        attribute=attribute,
        code_id=code_id,
    )
    questions = selectors.questions(current)
    return project_page(
        request,
        "qualitative/grid.jinja",
        project=current,
        title="Answers by respondent",
        questions=questions,
        rows=selectors.grid(listings, questions),
        filtered=attribute is not None or code_id is not None,
        snapshot=snapshot,
        presenters=presenters,
    )


def _viewer(request, current, item, *, form=None) -> HttpResponse:
    snapshot = store.snapshot(current)
    sample = selectors.sample_of(current)
    username = request.user.get_username()
    found = passages(item.text, item.turns)
    codings = selectors.visible_codings(snapshot, sample, username, item.document_id)
    codings.sort(key=lambda c: (c.start, c.end, c.created))
    can_code = allowed(request, "code")
    form = form or ApplyCodeForm(codes=presenters.code_options(snapshot), passages=found)
    checked = form.cleaned_data.get("passage", []) if form.is_bound and form.is_valid() else []
    if form.is_bound and not form.is_valid():
        checked = [int(n) for n in form.data.getlist("passage") if str(n).isdigit()]
    previous, following = selectors.neighbours(current, item)
    undo = snapshot.undoable.get(username)
    return project_page(
        request,
        "qualitative/document.jinja",
        project=current,
        title=f"Document {item.position} of {current.documents.count()}",
        document=item,
        attributes=item.case.attributes if item.case else {},
        items=presenters.passage_items(item.text, found, codings, checked),
        codings=[
            {
                "coding": c,
                "code": presenters.code_label(snapshot.code(c.code_id), c.code_id),
                "removable": can_code and (c.coder == username or allowed(request, "codebook")),
            }
            for c in codings
        ],
        memos=[
            (m, when(m.created))
            for m in selectors.visible_memos(snapshot, sample, username, item.document_id)
        ],
        suggestions=[]
        if selectors.is_blind(sample, item.document_id)
        else [
            {
                "suggestion": s,
                "code": presenters.code_label(snapshot.code(s.code_id), s.code_id),
                "confidence": presenters.confidence(s.confidence),
            }
            for s in snapshot.suggestions
            if s.document_id == item.document_id
        ],
        blind=selectors.is_blind(sample, item.document_id),
        form=form,
        memo_form=MemoForm(),
        can_code=can_code,
        has_codes=bool(presenters.code_options(snapshot)),
        undo_text=presenters.undo_description(undo, snapshot),
        previous_href=reverse("qualitative:document", args=[current.pk, previous])
        if previous
        else None,
        next_href=reverse("qualitative:document", args=[current.pk, following])
        if following
        else None,
        presenters=presenters,
    )


@idempotent("qual-apply-code")
def document(request: HttpRequest, project: int, document: int) -> HttpResponse:
    current = project_for(request, project, "view")
    item = get_object_or_404(Document.objects.select_related("case"), project=current, pk=document)
    if request.method != "POST":
        return _viewer(request, current, item)
    evaluation_for(request, current.evaluation_id, "code")
    snapshot = store.snapshot(current)
    form = ApplyCodeForm(
        request.POST,
        codes=presenters.code_options(snapshot),
        passages=passages(item.text, item.turns),
    )
    if form.is_valid():
        start, end = form.cleaned_data["span"]
        code_id = form.cleaned_data["code"]
        try:
            coding.apply_code(current, item, start, end, code_id, request.user)
        except PeervalError as error:
            refused(form, error)
        else:
            code = presenters.code_label(snapshot.code(code_id), code_id)
            excerpt = presenters.preview(item.text[start:end], 80)
            return done(
                request,
                reverse("qualitative:document", args=[current.pk, item.pk]),
                f"Coded \u201c{excerpt}\u201d as {code}",
            )
    return _viewer(request, current, item, form=form)
