"""A respondent completes the staff survey on the public link; one response is stored."""

from __future__ import annotations

from peerval.web.surveys.models import Response

from .survey_helpers import complete_survey


def test_completing_the_survey_stores_one_submitted_response(client, staff_collection):
    html = complete_survey(client, staff_collection)
    assert "Thank you, your answers have been sent" in html
    stored = Response.objects.get()
    assert stored.status == Response.SUBMITTED
    assert stored.submitted_at is not None
    assert stored.channel == Response.ONLINE
    answers = stored.answers["staff-psw-survey"]
    assert answers["valued_member"] == 5
    assert answers["care_group"] == 7
    assert stored.care_group == 7
    assert "peer support worker listened" in answers["what_works"]
