"""Writes behind the staff screens: evaluations, care groups, waves, collections,
invitation codes and deletion (membership is in :mod:`.members`).

Every function here makes its change and records one audit event in the same transaction,
so the log never claims a change that did not happen, nor misses one that did. A change the
rules forbid raises :class:`ChangeRefused`, whose ``field`` names the form field to point at.
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from peerval.disclosure import DEFAULT_THRESHOLD, DisclosurePolicy
from peerval.errors import PeervalError
from peerval.web.accounts.models import Membership
from peerval.web.audit.services import record

from ..models import CareGroup, Collection, Evaluation, Invitation, Response, Wave
from . import questionnaire
from .questionnaire import load_instrument
from .responses import hash_code, new_code

__all__ = [
    "CARE_GROUP_SOURCE",
    "INVITATION_LIMIT",
    "PLACE_LENGTH",
    "PLACE_LIMIT",
    "SETTINGS_FIELDS",
    "ChangeRefused",
    "add_care_group",
    "change_settings",
    "close_collection",
    "create_collection",
    "create_evaluation",
    "create_invitations",
    "create_wave",
    "default_care_groups",
    "delete_evaluation",
    "open_collection",
    "open_problems",
    "places_text",
    "remove_care_group",
]

#: the instrument whose care group options a new evaluation starts with
CARE_GROUP_SOURCE = ("staff-psw-survey", "care_group")
SETTINGS_FIELDS = (
    "name",
    "organisation",
    "disclosure_threshold",
    "disclosure_rule",
    "redact_places",
)
#: most place names an evaluation lists for redaction, and the longest name
PLACE_LIMIT = 200
PLACE_LENGTH = 120
#: most invitation codes made at once
INVITATION_LIMIT = 500


class ChangeRefused(PeervalError):
    """A change the rules do not allow, with the form field it concerns (if any)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def _group_label(collection: Collection) -> str:
    return collection.get_respondent_group_display().lower()


# --- evaluations --------------------------------------------------------------------------


def default_care_groups() -> list[tuple[int, str]]:
    """``[(code, label), ...]`` from the care group question of the built-in staff survey."""
    instrument_id, item_id = CARE_GROUP_SOURCE
    instrument = load_instrument(instrument_id)
    item = instrument.item(item_id)
    return [(o.code, o.label) for o in instrument.options_for(item) if not o.missing]


def _check_disclosure(rule: str, threshold: int) -> None:
    """Refuse a disclosure setting the core would not publish under (a threshold outside
    its allowed range, an unknown rule), naming the form field."""
    for field, settings in (
        ("disclosure_rule", {"rule": rule}),
        ("disclosure_threshold", {"rule": rule, "threshold": threshold}),
    ):
        try:
            DisclosurePolicy(**settings)
        except PeervalError as error:
            raise ChangeRefused(error.message, field=field) from error


def places_text(text: str) -> str:
    r"""The place names to redact as stored: one on each line, each stripped of spaces, with
    blank lines and repeats (in any case) left out; refused when there are more than
    :data:`PLACE_LIMIT` names or a name is longer than :data:`PLACE_LENGTH` characters.

    >>> places_text("  Rowan Ward\n\nOakwood Hospital \nrowan ward")
    'Rowan Ward\nOakwood Hospital'
    """
    names: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        name = " ".join(line.split())
        if not name:
            continue
        if len(name) > PLACE_LENGTH:
            raise ChangeRefused(
                f"Each place must be {PLACE_LENGTH} characters or fewer. "
                f"Shorten line {number}, or split it into separate lines",
                field="redact_places",
            )
        names.setdefault(name.casefold(), name)
    if len(names) > PLACE_LIMIT:
        raise ChangeRefused(
            f"Enter {PLACE_LIMIT} places or fewer. You entered {len(names)}",
            field="redact_places",
        )
    return "\n".join(names.values())


def create_evaluation(
    user,
    *,
    name: str,
    organisation: str = "",
    disclosure_threshold: int = DEFAULT_THRESHOLD,
    disclosure_rule: str = "threshold",
    redact_places: str = "",
) -> Evaluation:
    """A new evaluation led by ``user``, with the standard care groups."""
    _check_disclosure(disclosure_rule, disclosure_threshold)
    redact_places = places_text(redact_places)
    with transaction.atomic():
        evaluation = Evaluation.objects.create(
            name=name,
            organisation=organisation,
            disclosure_threshold=disclosure_threshold,
            disclosure_rule=disclosure_rule,
            redact_places=redact_places,
            created_by=user,
        )
        Membership.objects.create(user=user, evaluation=evaluation, role="lead")
        groups = default_care_groups()
        CareGroup.objects.bulk_create(
            CareGroup(evaluation=evaluation, code=code, label=label) for code, label in groups
        )
        record(
            "create",
            f"Created evaluation {name}",
            user=user,
            evaluation=evaluation,
            name=name,
            organisation=organisation,
            disclosure_threshold=disclosure_threshold,
            disclosure_rule=disclosure_rule,
            redact_places=redact_places.splitlines(),
            care_groups=[code for code, _ in groups],
        )
    return evaluation


#: settings whose field name does not read well in the audit log
_SETTING_WORDS = {"redact_places": "places to redact"}


def _audited(field: str, change: dict[str, Any]) -> dict[str, Any]:
    """A change as the audit log keeps it: place names as lists, one entry per name."""
    if field == "redact_places":
        return {key: value.splitlines() for key, value in change.items()}
    return change


def change_settings(evaluation: Evaluation, user, **values: Any) -> dict[str, dict[str, Any]]:
    """Change any of :data:`SETTINGS_FIELDS`; returns ``{field: {"old", "new"}}`` changed."""
    unknown = set(values) - set(SETTINGS_FIELDS)
    if unknown:
        raise ValueError(f"not a setting: {', '.join(sorted(unknown))}")
    if "redact_places" in values:
        values["redact_places"] = places_text(values["redact_places"])
    changes = {
        field: {"old": getattr(evaluation, field), "new": value}
        for field, value in values.items()
        if getattr(evaluation, field) != value
    }
    if not changes:
        return {}
    _check_disclosure(
        values.get("disclosure_rule", evaluation.disclosure_rule),
        values.get("disclosure_threshold", evaluation.disclosure_threshold),
    )
    with transaction.atomic():
        for field, change in changes.items():
            setattr(evaluation, field, change["new"])
        evaluation.save(update_fields=list(changes))
        names = ", ".join(_SETTING_WORDS.get(field, field.replace("_", " ")) for field in changes)
        record(
            "settings",
            f"Changed {names}",
            user=user,
            evaluation=evaluation,
            changes={field: _audited(field, change) for field, change in changes.items()},
        )
    return changes


def delete_evaluation(evaluation: Evaluation, user) -> None:
    """Delete the evaluation and everything in it: waves, collections, responses, members.

    Responses are protected from accidental deletion with their collection, so they go
    first, in the same transaction. The audit event keeps the name; its link to the
    evaluation becomes empty when the evaluation goes.
    """
    with transaction.atomic():
        locked = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
        responses = Response.objects.filter(collection__wave__evaluation=locked)
        counts = {
            "waves": Wave.objects.filter(evaluation=locked).count(),
            "collections": Collection.objects.filter(wave__evaluation=locked).count(),
            "responses": responses.count(),
        }
        record(
            "delete",
            f"Deleted evaluation {locked.name}",
            user=user,
            evaluation=locked,
            evaluation_id=locked.pk,
            name=locked.name,
            organisation=locked.organisation,
            **counts,
        )
        responses.delete()
        locked.delete()


# --- care groups --------------------------------------------------------------------------


def add_care_group(evaluation: Evaluation, user, *, code: int, label: str) -> CareGroup:
    """A new care group; its code must be new to the evaluation."""
    taken = CareGroup.objects.filter(evaluation=evaluation, code=code).first()
    if taken is not None:
        raise ChangeRefused(f"Code {code} is already used by {taken.label}", field="code")
    try:
        with transaction.atomic():
            care_group = CareGroup.objects.create(evaluation=evaluation, code=code, label=label)
            record(
                "settings",
                f"Added care group {code}: {label}",
                user=user,
                evaluation=evaluation,
                care_group={"code": code, "label": label},
                change="care_group_added",
            )
    except IntegrityError:  # added by someone else at the same moment
        raise ChangeRefused(f"Code {code} is already used", field="code") from None
    return care_group


def remove_care_group(care_group: CareGroup, user) -> None:
    """Remove a care group (responses keep the code they were given)."""
    evaluation = care_group.evaluation
    with transaction.atomic():
        record(
            "settings",
            f"Removed care group {care_group.code}: {care_group.label}",
            user=user,
            evaluation=evaluation,
            care_group={"code": care_group.code, "label": care_group.label},
            change="care_group_removed",
        )
        care_group.delete()


# --- waves and collections ----------------------------------------------------------------


def create_wave(evaluation: Evaluation, user, label: str) -> Wave:
    """A new wave; its label must be new to the evaluation."""
    repeated = ChangeRefused(
        f"This evaluation already has a wave called {label}. Enter a different label",
        field="label",
    )
    if Wave.objects.filter(evaluation=evaluation, label=label).exists():
        raise repeated
    try:
        with transaction.atomic():
            wave = Wave.objects.create(evaluation=evaluation, label=label)
            record(
                "create",
                f"Created wave {label}",
                user=user,
                evaluation=evaluation,
                wave=label,
            )
    except IntegrityError:  # created by someone else at the same moment
        raise repeated from None
    return wave


def create_collection(
    wave: Wave,
    user,
    *,
    respondent_group: str,
    instrument_ids: list[str],
    anonymous: bool = True,
    invitation_only: bool = False,
) -> Collection:
    """A collection for one respondent group, each instrument pinned to its current version."""
    label = dict(Collection._meta.get_field("respondent_group").choices)[respondent_group]
    repeated = ChangeRefused(
        f"Wave {wave.label} already has a collection for {label.lower()}. "
        "Choose the other group, or use the existing collection",
        field="respondent_group",
    )
    if not instrument_ids:
        raise ChangeRefused("Select at least one questionnaire", field="instruments")
    if Collection.objects.filter(wave=wave, respondent_group=respondent_group).exists():
        raise repeated
    instruments = [load_instrument(instrument_id) for instrument_id in instrument_ids]
    refs = [{"id": i.id, "version": i.version} for i in instruments]
    try:
        with transaction.atomic():
            collection = Collection.objects.create(
                wave=wave,
                respondent_group=respondent_group,
                instruments=refs,
                anonymous=anonymous,
                invitation_only=invitation_only,
            )
            record(
                "create",
                f"Created the {label.lower()} collection in wave {wave.label}",
                user=user,
                evaluation=wave.evaluation,
                wave=wave.label,
                respondent_group=respondent_group,
                instruments=refs,
                anonymous=anonymous,
                invitation_only=invitation_only,
            )
    except IntegrityError:  # created by someone else at the same moment
        raise repeated from None
    return collection


def open_problems(collection: Collection) -> list[str]:
    """Why the collection's questionnaires cannot be shown to respondents (empty: they can)."""
    return questionnaire.open_problems(collection.instrument_refs())


def _set_status(collection: Collection, user, status: str, verb: str) -> bool:
    with transaction.atomic():
        locked = Collection.objects.select_for_update().select_related("wave__evaluation")
        current = locked.get(pk=collection.pk)
        if current.status == status:
            return False
        now = timezone.now()
        current.status = status
        if status == Collection.OPEN:
            current.opened_at, current.closed_at = now, None
        else:
            current.closed_at = now
        current.save(update_fields=["status", "opened_at", "closed_at"])
        record(
            "collection",
            f"{verb} the {_group_label(current)} collection in wave {current.wave.label}",
            user=user,
            evaluation=current.wave.evaluation,
            collection=current.pk,
            wave=current.wave.label,
            respondent_group=current.respondent_group,
            status=status,
        )
    collection.status = current.status
    collection.opened_at, collection.closed_at = current.opened_at, current.closed_at
    return True


def open_collection(collection: Collection, user) -> bool:
    """Open (or reopen) the collection's link; refused while a questionnaire cannot be shown."""
    problems = open_problems(collection)
    if problems:
        raise ChangeRefused("The collection cannot open. " + " ".join(problems))
    return _set_status(collection, user, Collection.OPEN, "Opened")


def close_collection(collection: Collection, user) -> bool:
    """Stop taking answers on the collection's link (drafts can no longer be sent)."""
    return _set_status(collection, user, Collection.CLOSED, "Closed")


def create_invitations(collection: Collection, user, count: int) -> list[str]:
    """``count`` new single-use codes; only their hashes are kept, so show them now or never."""
    if not 1 <= count <= INVITATION_LIMIT:
        raise ChangeRefused(f"Enter a number of codes from 1 to {INVITATION_LIMIT}", field="count")
    codes: dict[str, str] = {}
    while len(codes) < count:
        code = new_code()
        codes[hash_code(code)] = code
    with transaction.atomic():
        Invitation.objects.bulk_create(
            Invitation(collection=collection, code_hash=digest) for digest in codes
        )
        record(
            "create",
            f"Created {count} invitation code{'s' if count != 1 else ''} for the "
            f"{_group_label(collection)} collection in wave {collection.wave.label}",
            user=user,
            evaluation=collection.wave.evaluation,
            collection=collection.pk,
            count=count,
        )
    return list(codes.values())
