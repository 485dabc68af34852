"""Responses from start to submission: start, save a page, resume, submit."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone

from peerval.web.nhsuk_forms.forms import visible

from ..models import Collection, Invitation, Response
from .questionnaire import Questionnaire
from .statements import Insert, Update

__all__ = [
    "first_incomplete_page",
    "hash_code",
    "issue_resume_code",
    "resume",
    "save_page",
    "start_response",
    "submit",
    "use_invitation",
]

#: letters and digits that cannot be mistaken for one another when read aloud or typed
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def hash_code(code: str) -> str:
    """SHA-256 of a code with spaces, dashes and case removed."""
    normalised = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(normalised.encode("ascii", "ignore")).hexdigest()


def new_code(groups: int = 3, size: int = 4) -> str:
    """A random code such as ``K7QF-9M2D-XR4P`` (about 59 bits for 12 characters)."""
    return "-".join(
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(size)) for _ in range(groups)
    )


def start_response(
    collection: Collection, *, channel: str = Response.ONLINE, user=None
) -> Response:
    """A new draft, after the respondent (or the staff member typing in paper) agreed."""
    return Response.objects.create(
        collection=collection,
        channel=channel,
        consented=True,
        entered_by=user if channel == Response.PAPER else None,
    )


def use_invitation(collection: Collection, code: str) -> bool:
    """Mark a single-use invitation code used; False when unknown or used before."""
    with transaction.atomic():
        updated = Invitation.objects.filter(
            collection=collection, code_hash=hash_code(code), used_at__isnull=True
        ).update(used_at=timezone.now())
    return updated == 1


#: what ``save_page`` writes (the care group unchanged unless the page answers it)
_SAVE_PAGE = Update(Response, ["answers", "updated_at", "care_group"])


def save_page(
    response: Response,
    instrument_id: str,
    answers: dict[str, Any],
    care_group_item: str | None,
    *,
    locked: bool = False,
    along: tuple[Insert, Sequence[Any]] | None = None,
) -> None:
    """Store one page's answers in the draft (a submitted response is never changed here).

    ``locked`` says the caller read ``response`` with ``select_for_update`` inside the
    transaction it is still in, so it is current and no other request can change it
    before this one commits; otherwise the draft is read again, locked, here.
    ``along`` is a row to insert with the same write (a submission's idempotency key:
    see ``idempotency.claim``); it is inserted even if the draft was submitted meanwhile.
    """
    with transaction.atomic(savepoint=False):
        target = response if locked else Response.objects.select_for_update().get(pk=response.pk)
        if target.status != Response.DRAFT:
            if along is not None:
                along[0].run(along[1])
            return
        stored = dict(target.answers)
        merged = dict(stored.get(instrument_id, {}))
        for item_id, value in answers.items():
            if value is None:
                merged.pop(item_id, None)
            else:
                merged[item_id] = value
        stored[instrument_id] = merged
        target.answers = stored
        target.updated_at = timezone.now()
        if care_group_item is not None and care_group_item in answers:
            target.care_group = answers[care_group_item]
        # the draft was read under lock, so its care group is current either way
        _SAVE_PAGE.run(
            target.pk, [target.answers, target.updated_at, target.care_group], along=along
        )
    response.answers = target.answers
    response.care_group = target.care_group


def first_incomplete_page(questionnaire: Questionnaire, answers: dict[str, Any]) -> int | None:
    """The first page with a required, shown, unanswered item, or None."""
    for page in questionnaire.pages:
        given = answers.get(page.instrument.id, {})
        for item in page.items:
            if item.required and visible(item, given) and given.get(item.id) is None:
                return page.number
    return None


def submit(response: Response) -> bool:
    """Mark the draft submitted (one UPDATE, committed with the caller's transaction, or at
    once outside one); False if it already was."""
    now = timezone.now()
    changed = Response.objects.filter(pk=response.pk, status=Response.DRAFT).update(
        status=Response.SUBMITTED, submitted_at=now, resume_hash=None
    )
    if changed:
        response.status, response.submitted_at, response.resume_hash = (
            Response.SUBMITTED,
            now,
            None,
        )
    return changed == 1


def issue_resume_code(response: Response) -> str:
    """A new resume code for a draft (an earlier code stops working)."""
    code = new_code()
    Response.objects.filter(pk=response.pk).update(resume_hash=hash_code(code))
    return code


def resume(collection: Collection, code: str) -> Response | None:
    """The draft a resume code belongs to, if any."""
    return Response.objects.filter(
        collection=collection, resume_hash=hash_code(code), status=Response.DRAFT
    ).first()
