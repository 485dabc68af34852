"""Responses (drafts until submitted) and the idempotency records that stop duplicates."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from .evaluation import Collection


class Response(models.Model):
    """One person's questionnaires in a collection.

    ``answers`` holds ``{instrument_id: {item_id: value}}`` with option codes as integers,
    numbers as numbers, free text and dates (ISO 8601) as strings and multiple choices as
    lists of codes. The long answer table of the core is derived from it.
    """

    DRAFT, SUBMITTED = "draft", "submitted"
    ONLINE, PAPER = "online", "paper"

    collection = models.ForeignKey(Collection, on_delete=models.PROTECT, related_name="responses")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(
        max_length=10, choices=[(DRAFT, "Draft"), (SUBMITTED, "Submitted")], default=DRAFT
    )
    channel = models.CharField(
        max_length=8, choices=[(ONLINE, "Online"), (PAPER, "Paper")], default=ONLINE
    )
    consented = models.BooleanField(default=False)
    answers = models.JSONField(default=dict)
    #: the care group answer, kept in a column for live counts
    care_group = models.PositiveSmallIntegerField(null=True, blank=True)
    #: hash of the resume code, when the respondent asked to come back later
    resume_hash = models.CharField(max_length=64, null=True, blank=True, unique=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["collection", "status", "care_group"])]

    def __str__(self) -> str:
        return f"{self.public_id} ({self.status})"


class IdempotencyRecord(models.Model):
    """A form submission already handled: its key and where it led.

    Every form carries a fresh key; a repeated POST with the same key (a double click, a
    retry after a dropped connection, the back button) is answered with the first one's
    outcome instead of being handled again. Records are kept for ``IDEMPOTENCY_DAYS``
    (``services.idempotency.expire``, run by ``peerval manage expire_idempotency``).
    """

    key = models.UUIDField(primary_key=True)
    scope = models.CharField(max_length=64)
    location = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
