"""A coder's other actions on a document: remove a coding, undo, write a memo.

Each URL also answers GET with a page of its own (a confirmation, or the memo form), so the
actions work from a link as well as from the buttons on the document page.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from peerval.errors import PeervalError
from peerval.web.surveys.services.idempotency import idempotent
from peerval.web.surveys.views.staff import done

from .. import presenters, selectors
from ..forms import MemoForm
from ..models import Document
from ..services import coding, store
from .common import allowed, project_for, project_page

__all__ = ["coding_remove", "memo_new", "suggestion_review", "undo"]


def _document(request: HttpRequest, project: int, document: int):
    current = project_for(request, project, "code")
    item = get_object_or_404(Document.objects.select_related("case"), project=current, pk=document)
    return current, item


def _back(current, item) -> str:
    return reverse("qualitative:document", args=[current.pk, item.pk])


@idempotent("qual-coding-remove")
def coding_remove(request: HttpRequest, project: int, document: int, coding_id: str):
    current, item = _document(request, project, document)
    snapshot = store.snapshot(current)
    username = request.user.get_username()
    sample = selectors.sample_of(current)
    visible = selectors.visible_codings(snapshot, sample, username, item.document_id)
    found = next((c for c in visible if c.id == coding_id), None)
    if found is None:
        raise Http404("no such coding on this document")
    if found.coder != username and not allowed(request, "codebook"):
        raise PermissionDenied("coders remove only their own codings")
    code = presenters.code_label(snapshot.code(found.code_id), found.code_id)
    errors = []
    if request.method == "POST":
        try:
            coding.remove_coding(current, coding_id, request.user)
        except PeervalError as error:
            errors.append({"text": error.message, "href": "#remove"})
        else:
            excerpt = presenters.preview(found.text, 80)
            return done(
                request, _back(current, item), f"Coding removed: \u201c{excerpt}\u201d as {code}"
            )
    return project_page(
        request,
        "qualitative/coding_remove.jinja",
        project=current,
        title="Remove this coding?",
        document=item,
        coding=found,
        code=code,
        errors=errors,
    )


@idempotent("qual-undo")
def undo(request: HttpRequest, project: int, document: int) -> HttpResponse:
    current, item = _document(request, project, document)
    snapshot = store.snapshot(current)
    username = request.user.get_username()
    target = snapshot.undoable.get(username)
    errors = []
    if request.method == "POST":
        try:
            undone = coding.undo(current, request.user)
        except PeervalError as error:
            errors.append({"text": error.message, "href": "#undo"})
        else:
            return done(
                request,
                _back(current, item),
                f"Undone: {presenters.undo_description(undone, snapshot)}",
            )
    return project_page(
        request,
        "qualitative/undo.jinja",
        project=current,
        title="Undo your last action?",
        document=item,
        undo_text=presenters.undo_description(target, snapshot),
        errors=errors,
    )


@idempotent("qual-memo-new")
def memo_new(request: HttpRequest, project: int, document: int) -> HttpResponse:
    current, item = _document(request, project, document)
    form = MemoForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            coding.add_memo(current, item, request.user, **form.cleaned_data)
        except PeervalError as error:
            form.add_error("text", error.message)
        else:
            return done(request, _back(current, item), "Memo added")
    return project_page(
        request,
        "qualitative/memo_new.jinja",
        project=current,
        title="Write a memo on this document",
        document=item,
        form=form,
    )


@idempotent("qual-suggestion-review")
def suggestion_review(request: HttpRequest, project: int, document: int, coding_id: str):
    current, item = _document(request, project, document)
    snapshot = store.snapshot(current)
    sample = selectors.sample_of(current)
    found = next(
        (
            s
            for s in snapshot.suggestions
            if s.id == coding_id and s.document_id == item.document_id
        ),
        None,
    )
    if found is None or selectors.is_blind(sample, item.document_id):
        raise Http404("no such suggestion waiting on this document")
    code = presenters.code_label(snapshot.code(found.code_id), found.code_id)
    errors = []
    if request.method == "POST":
        verdict = request.POST.get("verdict")
        if verdict not in ("accept", "reject"):
            errors.append({"text": "Choose accept or reject", "href": "#accept"})
        else:
            try:
                coding.review_suggestion(
                    current, coding_id, request.user, accept=verdict == "accept"
                )
            except PeervalError as error:
                errors.append({"text": error.message, "href": "#accept"})
            else:
                excerpt = presenters.preview(found.text, 80)
                outcome = "accepted" if verdict == "accept" else "rejected"
                return done(
                    request,
                    _back(current, item),
                    f"Suggestion {outcome}: \u201c{excerpt}\u201d as {code}",
                )
    return project_page(
        request,
        "qualitative/suggestion_review.jinja",
        project=current,
        title="Accept this suggestion?",
        document=item,
        suggestion=found,
        code=code,
        confidence=presenters.confidence(found.confidence),
        errors=errors,
    )
