"""Reads behind the staff screens: evaluations, waves, collections and their live counts.

Counts here are for the evaluation team watching collection, not for publication: they
are exact, and published results apply disclosure control separately.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet

from peerval.errors import PeervalError
from peerval.instruments import default_registry
from peerval.instruments.registry import Registry
from peerval.instruments.schema import Instrument
from peerval.web.accounts.models import Membership
from peerval.web.accounts.permissions import visible_evaluations
from peerval.web.audit.models import AuditEvent

from .models import CareGroup, Collection, Evaluation, Invitation, Response, Wave
from .models.evaluation import GROUPS
from .services.dataset import NOT_STATED

__all__ = [
    "SUGGESTED_INSTRUMENTS",
    "CareGroupTable",
    "CollectionSummary",
    "Counts",
    "EvaluationRow",
    "WaveSummary",
    "audit_events",
    "care_group_counts",
    "care_groups_with_counts",
    "collection_counts",
    "evaluation_contents",
    "evaluation_overview",
    "instrument_choices",
    "instrument_titles",
    "invitation_counts",
    "members_of",
    "my_evaluations",
]

#: questionnaires ticked by default when a collection is set up for each group
SUGGESTED_INSTRUMENTS = {
    "staff": ("staff-psw-survey",),
    "service_user": ("service-user-psw-survey", "fft"),
}
_ROLE_ORDER = {"lead": 0, "analyst": 1, "coder": 2, "viewer": 3}


@dataclass(frozen=True)
class EvaluationRow:
    """One line of "your evaluations"."""

    evaluation: Evaluation
    role: str
    latest_wave: Wave | None
    #: submitted responses in the latest wave
    submitted: int


def my_evaluations(user) -> list[EvaluationRow]:
    """The evaluations the user belongs to, newest first, with their latest wave's count."""
    evaluations = list(visible_evaluations(user).order_by("-created_at", "-id"))
    roles = dict(
        Membership.objects.filter(user=user, evaluation__in=evaluations).values_list(
            "evaluation_id", "role"
        )
    )
    latest: dict[int, Wave] = {}
    for wave in Wave.objects.filter(evaluation__in=evaluations).order_by("created_at", "id"):
        latest[wave.evaluation_id] = wave
    submitted = dict(
        Response.objects.filter(
            status=Response.SUBMITTED, collection__wave__in=list(latest.values())
        )
        .values_list("collection__wave_id")
        .annotate(n=Count("id"))
    )
    rows = []
    for evaluation in evaluations:
        wave = latest.get(evaluation.pk)
        rows.append(
            EvaluationRow(
                evaluation=evaluation,
                role=roles.get(evaluation.pk, "lead"),  # superusers lead everything
                latest_wave=wave,
                submitted=submitted.get(wave.pk, 0) if wave else 0,
            )
        )
    return rows


@dataclass(frozen=True)
class Counts:
    """Responses in a collection: submitted (online and paper) and drafts in progress."""

    submitted: int = 0
    drafts: int = 0
    online: int = 0
    paper: int = 0


def collection_counts(collections: Iterable[Collection]) -> dict[int, Counts]:
    """Live counts for each collection, in one query."""
    found: dict[int, dict[str, int]] = defaultdict(
        lambda: {"submitted": 0, "drafts": 0, "online": 0, "paper": 0}
    )
    rows = (
        Response.objects.filter(collection__in=list(collections))
        .values_list("collection_id", "status", "channel")
        .annotate(n=Count("id"))
    )
    for collection_id, status, channel, n in rows:
        entry = found[collection_id]
        if status == Response.SUBMITTED:
            entry["submitted"] += n
            entry["paper" if channel == Response.PAPER else "online"] += n
        else:
            entry["drafts"] += n
    return {pk: Counts(**values) for pk, values in found.items()}


@dataclass(frozen=True)
class CareGroupRow:
    label: str
    #: submitted responses by respondent group code
    counts: dict[str, int]
    total: int


@dataclass(frozen=True)
class CareGroupTable:
    """Submitted responses by care group (rows) and respondent group (columns)."""

    groups: list[tuple[str, str]]
    rows: list[CareGroupRow]
    totals: dict[str, int]
    total: int


def care_group_counts(evaluation: Evaluation, waves: Iterable[Wave]) -> dict[int, CareGroupTable]:
    """For each wave, a row for every care group of the evaluation (0 where none), then any
    code that is no longer one of its care groups, then responses that gave none."""
    waves = list(waves)
    care_groups = list(CareGroup.objects.filter(evaluation=evaluation))
    found: dict[int, dict[int | None, dict[str, int]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(int))
    )
    rows = (
        Response.objects.filter(status=Response.SUBMITTED, collection__wave__in=waves)
        .values_list("collection__wave_id", "care_group", "collection__respondent_group")
        .annotate(n=Count("id"))
    )
    for wave_id, code, group, n in rows:
        found[wave_id][code][group] += n
    tables = {}
    for wave in waves:
        counts = found[wave.pk]
        labelled = [(cg.code, cg.label) for cg in care_groups]
        known = {code for code, _ in labelled}
        others = sorted(code for code in counts if code is not None and code not in known)
        labelled += [(code, f"Care group code {code}") for code in others]
        labelled.append((None, NOT_STATED))
        table_rows = []
        for code, label in labelled:
            by_group = {group: counts[code][group] for group, _ in GROUPS}
            table_rows.append(CareGroupRow(label, by_group, sum(by_group.values())))
        totals = {group: sum(r.counts[group] for r in table_rows) for group, _ in GROUPS}
        tables[wave.pk] = CareGroupTable(list(GROUPS), table_rows, totals, sum(totals.values()))
    return tables


def instrument_titles(
    refs: Iterable[tuple[str, str]], registry: Registry | None = None
) -> list[str]:
    """``"Title (version)"`` for each pinned instrument; the id where it cannot be found."""
    registry = registry or default_registry()
    titles = []
    for instrument_id, version in refs:
        try:
            titles.append(f"{registry.get(instrument_id, version).title} ({version})")
        except PeervalError:
            titles.append(f"{instrument_id} ({version}, not installed)")
    return titles


@dataclass(frozen=True)
class CollectionSummary:
    collection: Collection
    instruments: list[str]
    counts: Counts


@dataclass(frozen=True)
class WaveSummary:
    wave: Wave
    collections: list[CollectionSummary]
    care_groups: CareGroupTable
    #: respondent groups (code, label) with no collection in this wave yet
    missing_groups: list[tuple[str, str]] = field(default_factory=list)


def evaluation_overview(evaluation: Evaluation) -> list[WaveSummary]:
    """Every wave, newest first, with its collections and live counts."""
    waves = list(Wave.objects.filter(evaluation=evaluation).order_by("-created_at", "-id"))
    collections = list(Collection.objects.filter(wave__in=waves).order_by("respondent_group", "pk"))
    counts = collection_counts(collections)
    tables = care_group_counts(evaluation, waves)
    registry = default_registry()
    by_wave: dict[int, list[CollectionSummary]] = defaultdict(list)
    for collection in collections:
        by_wave[collection.wave_id].append(
            CollectionSummary(
                collection,
                instrument_titles(collection.instrument_refs(), registry),
                counts.get(collection.pk, Counts()),
            )
        )
    summaries = []
    for wave in waves:
        present = {s.collection.respondent_group for s in by_wave[wave.pk]}
        missing = [(code, label) for code, label in GROUPS if code not in present]
        summaries.append(WaveSummary(wave, by_wave[wave.pk], tables[wave.pk], missing))
    return summaries


def instrument_choices(respondent_group: str) -> list[Instrument]:
    """The latest version of every instrument meant for the group (or for anyone): the
    suggested ones first, in the order they are best asked, then the rest by title."""
    suggested = SUGGESTED_INSTRUMENTS.get(respondent_group, ())
    found = [
        instrument
        for instrument in default_registry().all()
        if instrument.respondent_group in (respondent_group, "any")
    ]
    rank = {instrument_id: n for n, instrument_id in enumerate(suggested)}
    return sorted(found, key=lambda i: (rank.get(i.id, len(rank)), i.title.lower()))


def invitation_counts(collection: Collection) -> tuple[int, int]:
    """``(used, unused)`` invitation codes."""
    invitations = Invitation.objects.filter(collection=collection)
    used = invitations.filter(used_at__isnull=False).count()
    return used, invitations.count() - used


def members_of(evaluation: Evaluation) -> list[Membership]:
    """Members, leads first, then by username."""
    members = list(Membership.objects.filter(evaluation=evaluation).select_related("user"))
    return sorted(members, key=lambda m: (_ROLE_ORDER.get(m.role, 9), m.user.get_username()))


def care_groups_with_counts(evaluation: Evaluation) -> list[tuple[CareGroup, int]]:
    """Each care group with its submitted responses in every wave."""
    counts = dict(
        Response.objects.filter(status=Response.SUBMITTED, collection__wave__evaluation=evaluation)
        .values_list("care_group")
        .annotate(n=Count("id"))
    )
    return [(cg, counts.get(cg.code, 0)) for cg in CareGroup.objects.filter(evaluation=evaluation)]


def evaluation_contents(evaluation: Evaluation) -> dict[str, int]:
    """How much would go with the evaluation: waves, collections, responses, members."""
    return {
        "waves": Wave.objects.filter(evaluation=evaluation).count(),
        "collections": Collection.objects.filter(wave__evaluation=evaluation).count(),
        "responses": Response.objects.filter(collection__wave__evaluation=evaluation).count(),
        "members": Membership.objects.filter(evaluation=evaluation).count(),
    }


def audit_events(evaluation: Evaluation) -> QuerySet:
    """The evaluation's audit events, newest first."""
    return AuditEvent.objects.filter(evaluation=evaluation).order_by("-at", "-id")
