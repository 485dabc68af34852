"""The project's event log, one row per core event, appended and never changed."""

from __future__ import annotations

from django.db import models

from .project import Project


class ProjectEvent(models.Model):
    """One core event: its number in the project's log, kind, data, who and when."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="events")
    seq = models.PositiveIntegerField()
    kind = models.CharField(max_length=40)
    payload = models.JSONField(default=dict)
    #: who acted: a username, or ``model:NAME`` for a machine suggestion
    actor = models.CharField(max_length=150)
    at = models.DateTimeField()
    #: the number of the event this one reverses (undo), if any
    undoes = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["project", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["project", "seq"], name="qual_event_seq_once")
        ]

    def __str__(self) -> str:
        return f"{self.project_id}#{self.seq} {self.kind} by {self.actor}"
