"""An evaluation, its yearly waves, and the collections that gather responses in a wave."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models

from peerval.disclosure import DEFAULT_THRESHOLD

GROUPS = [("service_user", "Service users"), ("staff", "Staff")]


def _token() -> str:
    return secrets.token_urlsafe(12)


class Evaluation(models.Model):
    """A Trust's evaluation of its peer support, repeated in waves."""

    name = models.CharField(max_length=200)
    organisation = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    #: smallest group size shown in published results (the core's allowed range)
    disclosure_threshold = models.PositiveSmallIntegerField(default=DEFAULT_THRESHOLD)
    #: "threshold" or "nhs_1_7" (NHS Digital's rule: 1 to 7 hidden, others rounded to 5)
    disclosure_rule = models.CharField(max_length=16, default="threshold")
    #: the evaluation's own wards, teams, sites and services, one on each line, shown as
    #: [place] in the report's quotes (with the care group labels)
    redact_places = models.TextField(blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name

    def places(self) -> list[str]:
        """The place names listed for redaction, one per line, blank lines left out."""
        return [line.strip() for line in self.redact_places.splitlines() if line.strip()]


class CareGroup(models.Model):
    """A care group taking part; its code matches the instruments' care group answers."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="care_groups")
    code = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=120)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "code"], name="care_group_code_once")
        ]

    def __str__(self) -> str:
        return self.label


class Wave(models.Model):
    """One round of collection, usually a year ("2026")."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="waves")
    label = models.CharField(max_length=40)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["label"]
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "label"], name="wave_label_once")
        ]

    def __str__(self) -> str:
        return self.label


class Collection(models.Model):
    """One respondent group's questionnaires in a wave, with its public link."""

    DRAFT, OPEN, CLOSED = "draft", "open", "closed"
    STATUSES = [(DRAFT, "Not yet open"), (OPEN, "Open"), (CLOSED, "Closed")]

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="collections")
    respondent_group = models.CharField(max_length=16, choices=GROUPS)
    #: instrument ids in the order they are asked; each pinned to a version
    instruments = models.JSONField(default=list)
    token = models.CharField(max_length=32, unique=True, default=_token)
    status = models.CharField(max_length=8, choices=STATUSES, default=DRAFT)
    #: anonymous collections store no IP address or user agent with a response
    anonymous = models.BooleanField(default=True)
    #: respondents need a single-use invitation code
    invitation_only = models.BooleanField(default=False)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["wave", "respondent_group"], name="one_collection_per_group"
            )
        ]

    def __str__(self) -> str:
        return f"{self.wave.evaluation} {self.wave} {self.get_respondent_group_display()}"

    @property
    def evaluation(self) -> Evaluation:
        return self.wave.evaluation

    def instrument_refs(self) -> list[tuple[str, str]]:
        """``[(id, version), ...]``."""
        return [(entry["id"], entry["version"]) for entry in self.instruments]


class Invitation(models.Model):
    """A single-use invitation code (only its hash is kept)."""

    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="invitations")
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)
