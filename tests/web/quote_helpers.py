"""A wave whose free text is coded into a theme, so that its report quotes staff answers.

The answers are synthetic. One names "Larkspur", a made-up team that no redaction rule
recognises on its own: only listing it as one of the evaluation's places takes it out.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from peerval.web.qualitative.services import coding, themes

from .qualitative.helpers import add_codes, make_project
from .results_helpers import STAFF, staff_answers, submit

#: a listed place, left alone by the redaction rules when it is not listed
PLACE = "Larkspur"
PLACE_TEXT = "The team at Larkspur and the peer worker listened without judging me every week."
PLACE_QUOTE = "The team at [place] and the peer worker listened without judging me every week."
THEME = "Being listened to"


def fill_with_place(collection, count: int = 12) -> None:
    """``count`` staff responses who agreed to be quoted; the second names :data:`PLACE`."""
    start = timezone.now() - timedelta(hours=1)
    for n in range(count):
        answers = staff_answers(n, may_quote=1)
        if n == 1:
            answers["what_works"] = PLACE_TEXT
        submit(collection, {STAFF: answers}, start + timedelta(minutes=n))


def code_into_a_theme(evaluation, wave, user):
    """A project from the wave with every what-works answer coded and one theme over it."""
    project = make_project(evaluation, wave, user)
    codes = add_codes(project, user)
    for document in project.documents.order_by("position"):
        if document.origin and document.origin["item_id"] == "what_works":
            coding.apply_code(project, document, 0, len(document.text), codes["heard"], user)
    themes.save_theme(
        project,
        user,
        name=THEME,
        description="Staff value that the peer worker listens without judging.",
        parent=None,
        code_ids=[codes["heard"]],
    )
    return project


def coded_wave_with_place(evaluation, collection, user):
    """Responses naming :data:`PLACE`, coded into :data:`THEME`; the wave."""
    fill_with_place(collection)
    code_into_a_theme(evaluation, collection.wave, user)
    return collection.wave
