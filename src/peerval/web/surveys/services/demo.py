"""Load the synthetic demo evaluation into the database, with a lead to sign in as."""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from peerval.demo.generator import DemoEvaluation

from ...audit.services import record
from ..models import Collection, Evaluation, Response, Wave
from .evaluations import create_evaluation, delete_evaluation

__all__ = ["DEMO_USERNAME", "DemoSignIn", "load_demo"]

DEMO_USERNAME = "demo-lead"
DEMO_ORGANISATION = "Example NHS Foundation Trust (synthetic demo)"
#: the service users' questionnaires were collected already; the staff survey stays open so
#: a newcomer can fill it in and watch the count rise
COLLECTIONS = (
    ("service_user", ("service-user-psw-survey", "inspire", "fft"), Collection.CLOSED),
    ("staff", ("staff-psw-survey",), Collection.OPEN),
)


@dataclass(frozen=True)
class DemoSignIn:
    evaluation: Evaluation
    username: str
    password: str
    survey_path: str


def _value(item_type: str, value: float, text: object):
    if item_type in ("free_text", "date"):
        return None if text is None or (isinstance(text, float) and math.isnan(text)) else str(text)
    if isinstance(value, float) and math.isnan(value):
        return None
    return int(value) if float(value).is_integer() else float(value)


def load_demo(demo: DemoEvaluation) -> DemoSignIn:
    """Replace any earlier demo evaluation with this one; (re)set the demo lead's password."""
    from django.urls import reverse

    password = secrets.token_urlsafe(12)
    with transaction.atomic():
        User = get_user_model()
        user, _ = User.objects.get_or_create(username=DEMO_USERNAME)
        user.set_password(password)
        user.save()
        for old in Evaluation.objects.filter(organisation=DEMO_ORGANISATION):
            delete_evaluation(old, user)
        evaluation = create_evaluation(user, name=demo.name, organisation=DEMO_ORGANISATION)
        wave = Wave.objects.create(evaluation=evaluation, label=demo.wave)
        answers = demo.responses.answers
        people = demo.responses.respondents
        now = timezone.now()
        for group, instrument_ids, status in COLLECTIONS:
            collection = Collection.objects.create(
                wave=wave,
                respondent_group=group,
                instruments=[
                    {"id": i, "version": demo.instruments[i].version} for i in instrument_ids
                ],
                status=status,
                opened_at=now,
                closed_at=now if status == Collection.CLOSED else None,
            )
            mine = people[people["instrument"].isin(instrument_ids)]
            rows = []
            for _person, questionnaires in mine.groupby("respondent_id", sort=True):
                stored: dict[str, dict] = {}
                care_group = None
                for _, questionnaire in questionnaires.iterrows():
                    instrument = demo.instruments[questionnaire["instrument"]]
                    types = {item.id: item.type for item in instrument.items}
                    given = answers[answers["response_id"] == questionnaire["response_id"]]
                    values: dict = {}
                    for item_id, value, text in given[["item_id", "value", "text"]].itertuples(
                        index=False
                    ):
                        kept = _value(types[item_id], value, text)
                        if kept is None:
                            continue
                        if types[item_id] == "multi_choice":
                            values.setdefault(item_id, []).append(kept)
                        else:
                            values[item_id] = kept
                    stored[instrument.id] = values
                    care_group = care_group or values.get("care_group")
                rows.append(
                    Response(
                        collection=collection,
                        status=Response.SUBMITTED,
                        channel=Response.ONLINE,
                        consented=True,
                        answers=stored,
                        care_group=care_group,
                        submitted_at=now,
                    )
                )
            Response.objects.bulk_create(rows)
        record(
            "create", f"Loaded the demo evaluation {demo.name}", user=user, evaluation=evaluation
        )
    staff = Collection.objects.get(wave=wave, respondent_group="staff")
    return DemoSignIn(
        evaluation, DEMO_USERNAME, password, reverse("survey:start", args=[staff.token])
    )
