"""Reads behind the staff screens: evaluations, waves, collections and their live counts.

Live counts are shown as :func:`live_policy` allows the member's role: exact for a lead
(the internal mode, and the page says so), protected like the report for everyone else.
A hidden count is ``None``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet

from peerval.disclosure import HIGHEST_THRESHOLD, LOWEST_THRESHOLD, DisclosurePolicy
from peerval.errors import PeervalError
from peerval.instruments import default_registry
from peerval.instruments.registry import Registry
from peerval.instruments.schema import Instrument
from peerval.web.accounts.models import Membership
from peerval.web.accounts.permissions import visible_evaluations
from peerval.web.accounts.roles import allows
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
    "collection_live_counts",
    "evaluation_contents",
    "evaluation_overview",
    "instrument_choices",
    "instrument_titles",
    "invitation_counts",
    "live_policy",
    "members_of",
    "my_evaluations",
    "protect_breakdown",
    "protect_wave",
]

#: questionnaires ticked by default when a collection is set up for each group
SUGGESTED_INSTRUMENTS = {
    "staff": ("staff-psw-survey",),
    "service_user": ("service-user-psw-survey", "fft"),
}
_ROLE_ORDER = {"lead": 0, "analyst": 1, "coder": 2, "viewer": 3}

#: The permission that shows live counts exactly. A lead runs the collection (opens and
#: closes it, hands out invitation codes, chases replies) and so needs to watch each
#: response arrive, care group by care group; a lead also sets the disclosure control and
#: may see the unprotected data anyway. Every other role (analyst, coder, viewer) reads
#: the evaluation page as it reads the report: "Older adults: Staff 1" there would undo the
#: report's suppression, so they get the counts the evaluation's disclosure policy allows.
EXACT_COUNTS_PERMISSION = "manage"


def live_policy(evaluation: Evaluation, role: str | None) -> DisclosurePolicy:
    """How ``role`` sees the evaluation's live counts: in the internal mode (exact, and the
    page says they are not protected) for a lead, under the evaluation's disclosure policy
    for everyone else.

    A threshold saved before the allowed range was enforced is brought into the range, so
    live counts are never protected by less than :data:`LOWEST_THRESHOLD`.
    """
    if allows(role, EXACT_COUNTS_PERMISSION):
        return DisclosurePolicy(mode="internal")
    threshold = min(max(evaluation.disclosure_threshold, LOWEST_THRESHOLD), HIGHEST_THRESHOLD)
    try:
        return DisclosurePolicy(rule=evaluation.disclosure_rule, threshold=threshold)
    except PeervalError:  # an unknown rule: the threshold rule still protects
        return DisclosurePolicy(threshold=threshold)


def shown_total(total: int, policy: DisclosurePolicy) -> int | None:
    """A total as the policy shows it on its own (None = hidden)."""
    return None if policy.hides(total) else policy.shown_count(total)


def protect_breakdown(counts: Sequence[int], policy: DisclosurePolicy) -> list[int | None]:
    """The cells of one breakdown as the policy shows them, for a page where the
    breakdown's total is shown or can be read elsewhere (None = hidden).

    Small cells are hidden with secondary suppression, so no hidden cell can be worked out
    by taking the shown cells from the total. Where the total is itself too small to show,
    every cell is hidden, zeros too: the zeros beside a single hidden cell would give it
    away.
    """
    counts = [int(n) for n in counts]
    if policy.hides(sum(counts)):
        return [None] * len(counts)
    return policy.protect_counts(counts)


@dataclass(frozen=True)
class EvaluationRow:
    """One line of "your evaluations"."""

    evaluation: Evaluation
    role: str
    latest_wave: Wave | None
    #: submitted responses in the latest wave, as the role may see them (None = hidden)
    submitted: int | None


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
        role = roles.get(evaluation.pk, "lead")  # superusers lead everything
        n = submitted.get(wave.pk, 0) if wave else 0
        rows.append(
            EvaluationRow(
                evaluation=evaluation,
                role=role,
                latest_wave=wave,
                submitted=shown_total(n, live_policy(evaluation, role)),
            )
        )
    return rows


@dataclass(frozen=True)
class Counts:
    """Responses in a collection: submitted (online and paper) and drafts in progress.

    Protected counts (:func:`protect_wave`) are None where hidden.
    """

    submitted: int | None = 0
    drafts: int | None = 0
    online: int | None = 0
    paper: int | None = 0


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
    #: submitted responses by respondent group code (None = hidden)
    counts: dict[str, int | None]
    #: across respondent groups; None when protected (see :func:`protect_wave`)
    total: int | None


@dataclass(frozen=True)
class CareGroupTable:
    """Submitted responses by care group (rows) and respondent group (columns)."""

    groups: list[tuple[str, str]]
    rows: list[CareGroupRow]
    #: each respondent group's total (the "All care groups" row)
    totals: dict[str, int | None]
    total: int | None
    #: exact counts, with each care group's total across respondent groups
    exact: bool = True


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


def protect_wave(
    table: CareGroupTable, counts: dict[str, Counts], policy: DisclosurePolicy
) -> tuple[CareGroupTable, dict[str, Counts]]:
    """A wave's care group table and its collections' counts (by respondent group), as the
    policy shows them.

    Each breakdown is protected on its own with secondary suppression: the respondent
    groups' totals (which the collections' "Submitted" repeat), then each respondent
    group's care groups, whose total is that group's; a group whose total is hidden has
    every care group hidden. A care group's total across respondent groups is not shown
    when protected: with it, a hidden cell would be that total less the shown cell beside
    it. In the internal mode everything is shown, exactly.
    """
    codes = [code for code, _ in table.groups]
    totals = dict(
        zip(codes, protect_breakdown([table.totals[c] for c in codes], policy), strict=True)
    )
    columns = {
        code: [None] * len(table.rows)
        if totals[code] is None
        else protect_breakdown([row.counts[code] for row in table.rows], policy)
        for code in codes
    }
    exact = policy.mode == "internal"
    rows = [
        CareGroupRow(
            row.label,
            {code: columns[code][i] for code in codes},
            row.total if exact else None,
        )
        for i, row in enumerate(table.rows)
    ]
    protected = CareGroupTable(table.groups, rows, totals, shown_total(table.total, policy), exact)
    shown = {
        code: _protect_collection(found, totals[code], policy) for code, found in counts.items()
    }
    return protected, shown


def _protect_collection(counts: Counts, submitted: int | None, policy: DisclosurePolicy) -> Counts:
    """A collection's counts given its submitted count as shown: online and paper are a
    breakdown of it, hidden with it; drafts are a count of their own."""
    online, paper = (
        (None, None)
        if submitted is None
        else protect_breakdown([counts.online or 0, counts.paper or 0], policy)
    )
    drafts = shown_total(counts.drafts or 0, policy)
    return Counts(submitted=submitted, drafts=drafts, online=online, paper=paper)


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


def _wave_counts(
    evaluation: Evaluation, waves: list[Wave], collections: list[Collection], policy
) -> tuple[dict[int, CareGroupTable], dict[int, Counts]]:
    """Each wave's care group table and each collection's counts, protected by ``policy``."""
    raw = collection_counts(collections)
    tables = care_group_counts(evaluation, waves)
    shown_tables: dict[int, CareGroupTable] = {}
    shown: dict[int, Counts] = {}
    for wave in waves:
        mine = [c for c in collections if c.wave_id == wave.pk]
        by_group = {c.respondent_group: raw.get(c.pk, Counts()) for c in mine}
        shown_tables[wave.pk], protected = protect_wave(tables[wave.pk], by_group, policy)
        shown.update({c.pk: protected[c.respondent_group] for c in mine})
    return shown_tables, shown


def evaluation_overview(evaluation: Evaluation, policy: DisclosurePolicy) -> list[WaveSummary]:
    """Every wave, newest first, with its collections and live counts as ``policy`` (from
    :func:`live_policy`) shows them."""
    waves = list(Wave.objects.filter(evaluation=evaluation).order_by("-created_at", "-id"))
    collections = list(Collection.objects.filter(wave__in=waves).order_by("respondent_group", "pk"))
    tables, counts = _wave_counts(evaluation, waves, collections, policy)
    registry = default_registry()
    by_wave: dict[int, list[CollectionSummary]] = defaultdict(list)
    for collection in collections:
        by_wave[collection.wave_id].append(
            CollectionSummary(
                collection,
                instrument_titles(collection.instrument_refs(), registry),
                counts[collection.pk],
            )
        )
    summaries = []
    for wave in waves:
        present = {s.collection.respondent_group for s in by_wave[wave.pk]}
        missing = [(code, label) for code, label in GROUPS if code not in present]
        summaries.append(WaveSummary(wave, by_wave[wave.pk], tables[wave.pk], missing))
    return summaries


def collection_live_counts(collection: Collection, policy: DisclosurePolicy) -> Counts:
    """One collection's counts as ``policy`` shows them: protected together with the rest
    of its wave, so that the collection page hides what the evaluation page hides."""
    wave = collection.wave
    collections = list(Collection.objects.filter(wave=wave))
    _, counts = _wave_counts(wave.evaluation, [wave], collections, policy)
    return counts[collection.pk]


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


def invitation_counts(
    collection: Collection, policy: DisclosurePolicy | None = None
) -> tuple[int | None, int | None]:
    """``(used, unused)`` invitation codes; hidden (None) unless ``policy`` is absent or in
    the internal mode. A used code is a person who started the survey: used codes less the
    drafts would give the submitted count that the protected counts may hide."""
    if policy is not None and policy.mode != "internal":
        return None, None
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
