"""Idempotent form handling: a repeated submission gets the first one's outcome."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import wraps
from importlib import import_module

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from ..models import IdempotencyRecord

__all__ = ["FIELD", "idempotent", "new_key"]

FIELD = "idempotency_key"


def new_key() -> str:
    return str(uuid.uuid4())


class _Duplicate(Exception):
    """Another request with the same key committed first; undo this one's work."""


def _key(request: HttpRequest) -> uuid.UUID | None:
    try:
        return uuid.UUID(request.POST.get(FIELD, ""))
    except ValueError:
        return None


def _forget_session_changes(request: HttpRequest) -> None:
    """Reload the session so that this request's changes to it are not saved."""
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        engine = import_module(settings.SESSION_ENGINE)
        request.session = engine.SessionStore(session.session_key)


def idempotent(scope: str) -> Callable:
    """Run a POST view at most once per idempotency key.

    The view's work and the key's record commit in one transaction. A key seen before
    answers with a redirect to where the first submission led; a concurrent duplicate
    loses the race on the key's primary key, is rolled back, and gets the same redirect;
    its changes to the session are dropped with its database work, so that the session
    keeps pointing at what the first submission made (a draft the duplicate created and
    rolled back must not replace it).
    Responses that are not redirects (a form re-shown with errors) record nothing, so the
    respondent can correct and send again.
    """

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            key = _key(request) if request.method == "POST" else None
            if key is None:
                return view(request, *args, **kwargs)
            seen = IdempotencyRecord.objects.filter(key=key).first()
            if seen is not None:
                return HttpResponseRedirect(seen.location)
            try:
                with transaction.atomic():
                    response = view(request, *args, **kwargs)
                    if isinstance(response, HttpResponseRedirect):
                        try:
                            with transaction.atomic():
                                IdempotencyRecord.objects.create(
                                    key=key, scope=scope, location=response["Location"]
                                )
                        except IntegrityError:
                            raise _Duplicate from None
            except _Duplicate:
                _forget_session_changes(request)
                seen = IdempotencyRecord.objects.get(key=key)
                return HttpResponseRedirect(seen.location)
            return response

        return wrapper

    return decorate
