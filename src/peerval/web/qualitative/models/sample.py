"""The documents drawn for blind double coding, with how they were drawn."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from .project import Project


class Sample(models.Model):
    """A project's current double-coding sample (drawing again replaces it).

    While ``blind`` is true, a person viewing a document of the sample sees only their
    own codings and memos there.
    """

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="sample")
    #: core document ids, in the order the core's sample gave them
    document_ids = models.JSONField(default=list)
    size = models.PositiveIntegerField()
    seed = models.PositiveIntegerField()
    stratify_by = models.CharField(max_length=100, blank=True)
    blind = models.BooleanField(default=True)
    drawn_at = models.DateTimeField()
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"sample of {self.size} in {self.project}"
