"""Membership: one user's role on one evaluation."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from .roles import ROLE_LABELS


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    evaluation = models.ForeignKey(
        "surveys.Evaluation", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=16, choices=list(ROLE_LABELS.items()))
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "evaluation"], name="one_role_per_evaluation")
        ]

    def __str__(self) -> str:
        return f"{self.user} - {self.role} on {self.evaluation_id}"
