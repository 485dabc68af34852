"""Idempotent form handling: a repeated submission gets the first one's outcome."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import cache, wraps

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import timezone

from peerval.web.config.sessions import reloaded

from ..models import IdempotencyRecord
from .statements import Insert

__all__ = ["FIELD", "Claim", "claim", "expire", "idempotent", "new_key"]

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
        request.session = reloaded(request)


class _Records:
    """The statements every answering POST makes on the key table, as plain SQL.

    They are the same on every request, so they are written once from the model's own
    table and column names instead of being compiled by the ORM each time (about a
    millisecond each on a small server); values go through the fields' own conversions.
    """

    def __init__(self) -> None:
        meta = IdempotencyRecord._meta
        self.key = meta.get_field("key")
        self.insert = Insert(IdempotencyRecord, ["key", "scope", "location", "created_at"])
        self.select = (
            f"SELECT {meta.get_field('location').column} FROM {meta.db_table} "
            f"WHERE {self.key.column} = %s"
        )

    def seen(self, key: uuid.UUID) -> str | None:
        """Where the first submission with this key led, if there was one."""
        with connection.cursor() as cursor:
            cursor.execute(self.select, [self.key.get_db_prep_value(key, connection)])
            row = cursor.fetchone()
        return row[0] if row else None

    def values(self, key: uuid.UUID, scope: str, location: str) -> list:
        return [key, scope, location, timezone.now()]

    def add(self, key: uuid.UUID, scope: str, location: str) -> None:
        """Record a handled submission; IntegrityError when the key is there already."""
        self.insert.run(self.values(key, scope, location))


@cache
def _table() -> _Records:
    return _Records()


class Claim:
    """A submission's key, for a view that records it together with its own last write.

    ``claim(request).along(location)`` gives an ``(Insert, values)`` pair to pass to
    ``statements.Update.run(..., along=...)``, which on PostgreSQL writes both in one
    statement. The view must then answer with a redirect to ``location``; the wrapper
    checks that and does not record the key again.
    """

    def __init__(self, key: uuid.UUID, scope: str) -> None:
        self.key = key
        self.scope = scope
        self.location: str | None = None

    def along(self, location: str) -> tuple[Insert, list]:
        records = _table()
        self.location = location
        return records.insert, records.values(self.key, self.scope, location)


def claim(request: HttpRequest) -> Claim | None:
    """This POST's key, when an ``idempotent`` view is handling one; else None."""
    return getattr(request, "_peerval_claim", None)


def _recorded(claimed: Claim | None, response: HttpResponse) -> bool:
    """Whether the view recorded the key itself (and so led where it said it would)."""
    if claimed is None or claimed.location is None:
        return False
    if not isinstance(response, HttpResponseRedirect) or response["Location"] != claimed.location:
        raise RuntimeError(
            f"the view recorded its key as leading to {claimed.location}, but answered "
            f"{response.status_code} {response.get('Location', '')}"
        )
    return True


def idempotent(scope: str, *, look_first: bool = True) -> Callable:
    """Run a POST view at most once per idempotency key, in one transaction.

    A key seen before gets a redirect to where the first submission led. Otherwise the
    view's work and the key's record commit together; a concurrent duplicate loses the
    race on the key's primary key, is rolled back, and gets the same redirect; its changes
    to the session are dropped with its database work, so that the session keeps pointing
    at what the first submission made (a draft the duplicate created and rolled back must
    not replace it).
    Responses that are not redirects (a form re-shown with errors) record nothing, so the
    respondent can correct and send again. A POST without a key (not sent by our forms)
    still runs in one transaction.

    ``look_first=False`` skips looking the key up before running the view, for views whose
    every effect is in the database: a repeated key then runs the view, loses on the key's
    primary key (or on any constraint the view's own work breaks), is rolled back whole and
    gets the first submission's redirect. That saves a statement on every POST at the cost
    of redoing, then undoing, the work of the rare repeat. The survey's answering pages use
    it; views with effects outside the database must look first.

    A view whose last write is one ``statements.Update`` may record the key in the same
    statement (see ``claim``); the outcome is the same, with one round trip fewer.
    """

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method != "POST":
                return view(request, *args, **kwargs)
            key = _key(request)
            records = _table()
            claimed = request._peerval_claim = None if key is None else Claim(key, scope)
            if look_first and key is not None and (location := records.seen(key)) is not None:
                return HttpResponseRedirect(location)
            try:
                with transaction.atomic():
                    response = view(request, *args, **kwargs)
                    recorded = _recorded(claimed, response)
                    if (
                        not recorded
                        and key is not None
                        and isinstance(response, HttpResponseRedirect)
                    ):
                        try:
                            # no savepoint: a clash undoes the whole transaction anyway
                            with transaction.atomic(savepoint=False):
                                records.add(key, scope, response["Location"])
                        except IntegrityError:
                            raise _Duplicate from None
            except _Duplicate:
                pass
            except IntegrityError:
                # the view's own work clashed (or the key it recorded itself): a repeat of
                # a handled key, or a real error
                if key is None or records.seen(key) is None:
                    raise
            else:
                return response
            _forget_session_changes(request)
            return HttpResponseRedirect(records.seen(key))

        return wrapper

    return decorate


def expire(now: datetime | None = None) -> int:
    """Delete the records of submissions handled more than ``IDEMPOTENCY_DAYS`` ago.

    A repeat of such a submission is then no longer recognised; by that age its draft has
    been sent or abandoned, so there is nothing left for a repeat to store twice. Returns
    how many records were deleted.
    """
    cutoff = (now or timezone.now()) - timedelta(days=settings.IDEMPOTENCY_DAYS)
    deleted, _ = IdempotencyRecord.objects.filter(created_at__lt=cutoff).delete()
    return deleted
