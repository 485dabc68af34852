"""A project per evaluation (optionally per wave), with its cases and documents.

Cases and documents are the data a project analyses; they are written once, when the
project is made, and never changed. Everything done to them is in
:class:`~peerval.web.qualitative.models.ProjectEvent`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

MODES = [
    ("content_analysis", "Content analysis"),
    ("reflexive_thematic_analysis", "Reflexive thematic analysis"),
]


class Project(models.Model):
    evaluation = models.ForeignKey(
        "surveys.Evaluation", on_delete=models.CASCADE, related_name="qualitative_projects"
    )
    #: the wave whose free text the project holds (kept if the wave goes: the text is here)
    wave = models.ForeignKey(
        "surveys.Wave",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="qualitative_projects",
    )
    name = models.CharField(max_length=200)
    mode = models.CharField(max_length=32, choices=MODES, default="content_analysis")
    #: the core project's id (a UUID), kept in exported project files
    core_id = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: the number of the last event in the log (0 for none); read under a row lock to append
    last_seq = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name


class Case(models.Model):
    """A respondent or participant, with attributes such as care group or profession."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="cases")
    case_id = models.CharField(max_length=200)
    attributes = models.JSONField(default=dict)
    may_quote = models.BooleanField(default=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["project", "case_id"], name="qual_case_id_once")
        ]

    def __str__(self) -> str:
        return self.case_id


class Document(models.Model):
    """A text to code: one free-text answer or one transcript."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="documents")
    #: the core document id (for an answer ``instrument/response_id/item_id``)
    document_id = models.CharField(max_length=300)
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=300)
    kind = models.CharField(max_length=16, default="free_text")
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.CASCADE, related_name="documents"
    )
    #: for a survey answer: instrument, item_id and response_id
    origin = models.JSONField(null=True, blank=True)
    #: the question the answer was given to, as asked (for people reading the list)
    question = models.CharField(max_length=500, blank=True)
    #: speaker turns of a transcript (speaker, start, end, begins_at, ends_at)
    turns = models.JSONField(default=list, blank=True)
    text = models.TextField()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "document_id"], name="qual_document_id_once"
            ),
            models.UniqueConstraint(
                fields=["project", "position"], name="qual_document_position_once"
            ),
        ]

    def __str__(self) -> str:
        return self.name
