"""Reads for the results pages: the wave a user may see, and what its report is built from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, Max
from django.http import Http404, HttpRequest
from django.utils import timezone

from peerval.analysis.waves import order_waves
from peerval.instruments.schema import Instrument
from peerval.web.accounts.permissions import evaluation_for
from peerval.web.surveys.models import Response, Wave
from peerval.web.surveys.services.questionnaire import load_instrument

__all__ = [
    "Submissions",
    "report_waves",
    "respondents_by_group",
    "submissions",
    "submitted_days",
    "wave_for",
    "wave_instruments",
]


def wave_for(request: HttpRequest, pk: int, permission: str) -> Wave:
    """The wave if the signed-in user may do ``permission`` on its evaluation.

    As for evaluations, a user with no role gets 404 and a role without the permission 403.
    """
    wave = Wave.objects.select_related("evaluation").filter(pk=pk).first()
    if wave is None:
        raise Http404("no such wave")
    evaluation_for(request, wave.evaluation_id, permission)
    return wave


def report_waves(wave: Wave) -> list[str]:
    """Labels of the evaluation's waves up to and including this one, in time order."""
    labels = order_waves(list(wave.evaluation.waves.values_list("label", flat=True)))
    return labels[: labels.index(wave.label) + 1]


def _submitted(wave: Wave, labels: list[str]):
    return Response.objects.filter(
        collection__wave__evaluation_id=wave.evaluation_id,
        collection__wave__label__in=labels,
        status=Response.SUBMITTED,
    )


@dataclass(frozen=True)
class Submissions:
    """How many responses were submitted in some waves, and when the latest was."""

    count: int
    latest: datetime | None


def submissions(wave: Wave, labels: list[str]) -> Submissions:
    found = _submitted(wave, labels).aggregate(count=Count("pk"), latest=Max("submitted_at"))
    return Submissions(found["count"], found["latest"])


def respondents_by_group(wave: Wave) -> dict[str, int]:
    """Submitted responses (one per person) per respondent group in this wave."""
    rows = (
        _submitted(wave, [wave.label])
        .values("collection__respondent_group")
        .annotate(n=Count("pk"))
        .order_by("collection__respondent_group")
    )
    return {row["collection__respondent_group"]: row["n"] for row in rows}


def submitted_days(wave: Wave) -> dict[str, date]:
    """Public response id -> the day (in the site's time zone) each response was submitted."""
    rows = _submitted(wave, [wave.label]).values_list("public_id", "submitted_at")
    return {str(public_id): timezone.localdate(at) for public_id, at in rows if at is not None}


def wave_instruments(wave: Wave) -> list[Instrument]:
    """The instruments the wave's collections ask, each once, in the order they are asked."""
    seen: dict[str, Instrument] = {}
    for collection in wave.collections.order_by("respondent_group"):
        for instrument_id, version in collection.instrument_refs():
            if instrument_id not in seen:
                seen[instrument_id] = load_instrument(instrument_id, version)
    return list(seen.values())
