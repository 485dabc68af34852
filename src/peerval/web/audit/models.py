"""The audit log: append-only rows written by :mod:`peerval.web.audit.services`."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    ACTIONS = [
        ("login", "Signed in"),
        ("login_failed", "Sign-in failed"),
        ("logout", "Signed out"),
        ("export", "Exported data"),
        ("report", "Downloaded a report"),
        ("delete", "Deleted"),
        ("settings", "Changed settings"),
        ("members", "Changed membership"),
        ("collection", "Opened or closed collection"),
        ("create", "Created"),
        ("user", "Created a user"),
        ("view", "Viewed words not for publishing"),
    ]

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    #: kept as text so the record outlives the account
    username = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=16, choices=ACTIONS, db_index=True)
    evaluation = models.ForeignKey(
        "surveys.Evaluation", null=True, blank=True, on_delete=models.SET_NULL
    )
    summary = models.CharField(max_length=300)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action}: {self.summary}"
