"""Drawing the sample of documents for blind double coding, and ending the blindness."""

from __future__ import annotations

import secrets

import pandas as pd
from django.db import transaction
from django.utils import timezone

from peerval.web.audit.services import record

from ..models import Project, Sample
from . import store

__all__ = ["draw", "reveal"]


def draw(project: Project, user, *, size: int, stratify_by: str = "", seed: int | None = None):
    """Draw ``size`` documents (the core's seeded draw, optionally one or more from each
    value of a case attribute) and record them as the project's sample, replacing any
    earlier one. The sample starts blind."""
    seed = secrets.randbelow(2**31) if seed is None else seed
    rows = project.documents.select_related("case").order_by("position")
    units = pd.DataFrame(
        [
            {
                "unit": d.document_id,
                **(
                    {stratify_by: str((d.case.attributes if d.case else {}).get(stratify_by))}
                    if stratify_by
                    else {}
                ),
            }
            for d in rows
        ]
    )
    chosen = store.draw_sample(units, seed=seed, n=size, stratify_by=stratify_by or None)
    with transaction.atomic():
        sample, _ = Sample.objects.update_or_create(
            project=project,
            defaults={
                "document_ids": chosen,
                "size": len(chosen),
                "seed": seed,
                "stratify_by": stratify_by,
                "blind": True,
                "drawn_at": timezone.now(),
                "drawn_by": user,
            },
        )
        record(
            "settings",
            f"Double-coding sample of {len(chosen)} documents drawn in {project.name}",
            user=user,
            evaluation=project.evaluation,
            project=project.pk,
            seed=seed,
        )
    return sample


def reveal(sample: Sample, user) -> None:
    """End blind coding: everyone sees every coding of the sample's documents again."""
    with transaction.atomic():
        Sample.objects.filter(pk=sample.pk).update(blind=False)
        sample.blind = False
        record(
            "settings",
            f"Blind double coding ended in {sample.project.name}",
            user=user,
            evaluation=sample.project.evaluation,
            project=sample.project_id,
        )
