"""Themes of a project: each groups codes (a code in one theme at most) and may sit under
another theme. Checked by the core's :class:`peerval.qual.themes.ThemeMap` before saving."""

from __future__ import annotations

from django.db import models

from .project import Project


class Theme(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    #: the ids of the codes the theme groups (codes of sub-themes count towards it too)
    code_ids = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name
