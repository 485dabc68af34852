"""Making a project from a wave: each submitted free-text answer is a document, each
respondent a case with their group, care group and profession."""

from __future__ import annotations

from peerval.web.qualitative.models import Document, ProjectEvent
from peerval.web.surveys.models import Response

from .helpers import STAFF_ANSWERS


def test_every_submitted_free_text_answer_becomes_a_document(project):
    expected = sum(1 for *_, works, better in STAFF_ANSWERS for text in (works, better) if text)
    assert project.documents.count() == expected
    texts = set(project.documents.values_list("text", flat=True))
    assert STAFF_ANSWERS[0][2] in texts and STAFF_ANSWERS[0][3] in texts


def test_each_case_carries_group_care_group_and_profession(project):
    case = project.cases.order_by("pk").first()
    assert case.attributes == {
        "respondent_group": "staff",
        "care_group": "Acute and inpatient",
        "profession": "Qualified nurse",
    }
    assert project.cases.count() == len(STAFF_ANSWERS)


def test_a_document_remembers_its_question_and_origin(project):
    document = project.documents.get(text=STAFF_ANSWERS[2][2])
    assert document.question == "What works well about having Peer Support Workers in your team?"
    assert document.origin["instrument"] == "staff-psw-survey"
    assert document.origin["item_id"] == "what_works"


def test_drafts_are_left_out(evaluation, wave, staff_collection, answered, lead):
    from .helpers import make_project

    Response.objects.create(
        collection=staff_collection,
        answers={"staff-psw-survey": {"what_works": "A draft nobody sent."}},
    )
    made = make_project(evaluation, wave, lead)
    assert not Document.objects.filter(project=made, text="A draft nobody sent.").exists()


def test_a_reflexive_project_starts_its_log_in_familiarisation(evaluation, wave, answered, lead):
    from .helpers import make_project

    made = make_project(evaluation, wave, lead, mode="reflexive_thematic_analysis")
    events = list(ProjectEvent.objects.filter(project=made).values_list("kind", "payload"))
    assert events == [("phase_entered", {"phase": "familiarisation"})]
    assert made.last_seq == 1
