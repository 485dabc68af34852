"""Small projects built in code for the qualitative tests (synthetic text, nobody real)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from peerval.qual.documents import Case, Document, FreeTextOrigin, SpeakerTurn
from peerval.qual.hierarchy import HierarchicalCode, HierarchicalCodebook
from peerval.qual.project import Project

T0 = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
PROJECT_ID = "5b0f6a52-9c1d-4e7a-8f33-2d6c1b9e0a71"

ANSWER = "She came with me to the housing office and stayed until it was sorted."
INTERVIEW = (
    "Interviewer: What was the first meeting like?\n\n"
    "R1: Awkward at first. Then she told me she had been on a ward like this one.\n\n"
    "Interviewer: And after that?\n\n"
    "R1: After that I trusted her more than the doctors, honestly."
)


def at(minutes: int) -> datetime:
    """A fixed time, ``minutes`` after the start of the test morning."""
    return T0 + timedelta(minutes=minutes)


def codebook() -> HierarchicalCodebook:
    return HierarchicalCodebook(
        (
            HierarchicalCode("support", "Support", "Help a PSW gives.", codable=False),
            HierarchicalCode(
                "practical_help",
                "Practical help",
                "Help with appointments, housing and forms.",
                inclusion="Accompanying someone somewhere.",
                exclusion="Emotional support alone.",
                parent_id="support",
                colour="#007F3B",
            ),
            HierarchicalCode(
                "lived_experience",
                "Shared lived experience",
                "The PSW's own experience of mental ill-health.",
                parent_id="support",
            ),
            HierarchicalCode("trust", "Trust", "Trusting the PSW or the team."),
        )
    )


def small_project(mode: str = "content_analysis") -> Project:
    """Two cases, a free-text answer, a transcript, the codebook above; nothing coded."""
    project = Project.create("Test project", mode, actor="ana", at=at(0), project_id=PROJECT_ID)
    project.add_case(Case("SU001", {"care_group": "Rehabilitation", "group": "service_user"}))
    project.add_case(Case("R1", {"group": "service_user", "ward": "Rehab"}, may_quote=False))
    project.add_document(
        Document(
            "su/SU001-SU/what_helps",
            "SU001 · what_helps",
            ANSWER,
            "free_text",
            "SU001",
            FreeTextOrigin("service-user-psw-survey", "what_helps", "SU001-SU"),
        )
    )
    turns = []
    offset = 0
    for paragraph in INTERVIEW.split("\n\n"):
        speaker, words = paragraph.split(": ", 1)
        start = offset + len(speaker) + 2
        turns.append(SpeakerTurn(speaker, start, offset + len(paragraph), 1.0 * len(turns), None))
        offset += len(paragraph) + 2
    project.add_document(
        Document("r1", "Interview R1", INTERVIEW, "transcript", "R1", None, tuple(turns))
    )
    project.create_codes(codebook(), actor="ana", at=at(1))
    return project


def rich_project(mode: str = "content_analysis") -> Project:
    """The small project coded by two people, with suggestions in every state and memos."""
    project = small_project(mode)
    if not project.suggestions_enabled:
        project.switch_suggestions(True, actor="ana", at=at(2))
    answer = "su/SU001-SU/what_helps"
    project.apply_code(answer, 0, 38, "practical_help", coder="ana", at=at(3))
    project.apply_code(answer, 0, len(ANSWER), "trust", coder="ben", at=at(4))
    start = INTERVIEW.index("she told me")
    project.apply_code(
        "r1",
        start,
        start + len("she told me she had been on a ward like this one"),
        "lived_experience",
        coder="ana",
        at=at(5),
    )
    accepted = project.suggest(
        answer, 4, 38, "practical_help", model="tfidf-v1", confidence=0.91, at=at(6)
    )
    project.accept(accepted.id, actor="ben", at=at(7))
    rejected = project.suggest("r1", 14, 40, "trust", model="tfidf-v1", confidence=0.35, at=at(8))
    project.reject(rejected.id, actor="ana", at=at(9))
    project.suggest(
        "r1",
        INTERVIEW.index("After that"),
        len(INTERVIEW),
        "trust",
        model="tfidf-v1",
        confidence=0.62,
        at=at(10),
    )
    project.add_memo("code", "practical_help", "Often about housing.", author="ana", at=at(11))
    project.add_memo(
        "document", "r1", "Strong account of trust.", author="ben", title="R1", at=at(12)
    )
    project.add_memo("project", None, "Second coder joined today.", author="ana", at=at(13))
    project.add_memo("theme", "support", "Support may split in two.", author="ben", at=at(14))
    if mode == "reflexive_thematic_analysis":
        project.enter_phase("coding", actor="ana", at=at(15))
    project.save_codebook_version("wave 2026", actor="ana", at=at(16))
    return project
