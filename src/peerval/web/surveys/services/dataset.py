"""Submitted responses as the core's response contract (a :class:`~peerval.ResponseSet`)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from peerval.ingest.tabular import NOT_STATED
from peerval.instruments.schema import Instrument
from peerval.responses import ANSWER_COLUMNS, RESPONDENT_COLUMNS, ResponseSet

from ..models import Evaluation, Response
from .questionnaire import load_instrument

__all__ = ["NOT_STATED", "evaluation_dataset"]

_NUMERIC = {"likert", "single_choice", "yes_no", "number", "multi_choice"}


def evaluation_dataset(
    evaluation: Evaluation, waves: list[str] | None = None
) -> tuple[ResponseSet, dict[str, Instrument]]:
    """Every submitted response of the evaluation (or of the named waves), long and tidy.

    One row per answer (one per chosen option of a multiple-choice item); one respondent
    row per questionnaire, all of a person's questionnaires sharing ``respondent_id`` and
    the attributes (profession, care group...) that person gave in any of them.
    """
    rows = Response.objects.filter(
        collection__wave__evaluation=evaluation, status=Response.SUBMITTED
    ).select_related("collection__wave")
    if waves is not None:
        rows = rows.filter(collection__wave__label__in=waves)
    instruments: dict[str, Instrument] = {}
    answers: list[tuple[Any, ...]] = []
    people: list[dict[str, Any]] = []
    for response in rows.order_by("submitted_at", "pk").iterator(chunk_size=2000):
        collection = response.collection
        wave = collection.wave.label
        group = collection.respondent_group
        attributes: dict[str, str] = {}
        mine = []
        for ref in collection.instruments:
            instrument = instruments.get(ref["id"])
            if instrument is None or instrument.version != ref["version"]:
                instrument = load_instrument(ref["id"], ref["version"])
                instruments[ref["id"]] = instrument
            given = response.answers.get(instrument.id, {})
            mine.append(instrument)
            response_id = str(response.public_id)
            for item in instrument.items:
                value = given.get(item.id)
                if item.attribute:
                    labels = {o.code: o.label for o in instrument.options_for(item)}
                    if value is not None:
                        attributes[item.attribute] = labels.get(value, str(value))
                    else:
                        attributes.setdefault(item.attribute, NOT_STATED)
                if value is None:
                    continue
                base = (response_id, wave, instrument.id, instrument.version, group, item.id)
                if item.type == "multi_choice":
                    answers += [(*base, float(code), None) for code in value]
                elif item.type in _NUMERIC:
                    answers.append((*base, float(value), None))
                else:
                    answers.append((*base, np.nan, str(value)))
        for instrument in mine:
            people.append(
                {
                    "response_id": str(response.public_id),
                    "respondent_id": str(response.public_id),
                    "wave": wave,
                    "respondent_group": group,
                    "instrument": instrument.id,
                    "mode": response.channel,
                    **attributes,
                }
            )
    answer_frame = pd.DataFrame(answers, columns=list(ANSWER_COLUMNS))
    answer_frame["value"] = answer_frame["value"].astype(float)
    # an attribute a person's questionnaires never asked (a service user's profession) stays
    # missing: "Not stated" is kept for people who were asked and did not answer
    respondents = pd.DataFrame(people, columns=None if people else list(RESPONDENT_COLUMNS))
    return ResponseSet(answer_frame, respondents), instruments
