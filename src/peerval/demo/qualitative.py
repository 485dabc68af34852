"""The demo's qualitative project: the coded survey free text plus two interview transcripts.

The survey answers and their codings come from the generated evaluation. The two interviews
(one service user, one staff member, on an inpatient rehabilitation unit for complex
psychosis) were written for peerval; nobody in them is real. They ship as package data in
the formats researchers receive: a Microsoft Teams WebVTT file and a plain-text transcript.
A few excerpts are coded by a named researcher, a few machine suggestions show how
provenance is kept, and memos show how they travel to other tools.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from importlib.resources import as_file, files

from peerval.qual.documents import Case
from peerval.qual.project import Project
from peerval.qual.survey import project_from_survey
from peerval.qual.transcripts import read_transcript

from .generator import DemoEvaluation

__all__ = ["DEMO_CODER", "DEMO_TRANSCRIPTS", "demo_project"]

DEMO_CODER = "demo-researcher"
_START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
_SETTING = "Inpatient rehabilitation (complex psychosis)"

#: file, document id, case id, case attributes
DEMO_TRANSCRIPTS = (
    (
        "service-user-interview.vtt",
        "interview-su07",
        "INT-SU07",
        {"respondent_group": "service_user", "setting": _SETTING, "months_on_unit": "14"},
    ),
    (
        "staff-interview.txt",
        "interview-st12",
        "INT-ST12",
        {"respondent_group": "staff", "setting": _SETTING, "profession": "Qualified nurse"},
    ),
)

#: (document id, words coded, code id) for the researcher's codings of the interviews
_INTERVIEW_CODINGS = (
    ("interview-su07", "she said she'd been in hospital herself", "lived_experience"),
    (
        "interview-su07",
        "She didn't have a clipboard, that was a big thing for me.",
        "feeling_heard",
    ),
    (
        "interview-su07",
        "She said a bad patch isn't the same as going back to the start.",
        "recovery_hope",
    ),
    ("interview-su07", "She came with me to the bank in town", "practical_help"),
    (
        "interview-su07",
        "She didn't speak for me, she was clear about that, but if I stalled she'd look at "
        "the list and nod.",
        "understands_me",
    ),
    ("interview-su07", "She's not just ours, she covers another ward as well", "spread_thin"),
    ("interview-su07", "Sometimes an hour isn't long enough", "not_enough_time"),
    (
        "interview-su07",
        "At the start I didn't really know what she was for. Nobody explained it.",
        "role_unclear",
    ),
    ("interview-su07", "Hope, basically. It gave me some hope.", "recovery_hope"),
    (
        "interview-st12",
        "She's the one who found out he was frightened of the dentist",
        "understands_me",
    ),
    (
        "interview-st12",
        "She'll tell people at the right moment that she's been sectioned",
        "lived_experience",
    ),
    ("interview-st12", "It's made some of our care plans more realistic.", "team_integration"),
    (
        "interview-st12",
        "They visited a couple of places together, had a cup of tea there",
        "practical_help",
    ),
    ("interview-st12", "treat her as an extra pair of hands", "role_unclear"),
    (
        "interview-st12",
        "I've heard people call her the volunteer, which she isn't.",
        "role_unclear",
    ),
    (
        "interview-st12",
        "Two and a half days a week across a ward of eighteen people isn't enough.",
        "spread_thin",
    ),
    ("interview-st12", "She's living proof that it's possible.", "recovery_hope"),
)


def _time(minutes: int) -> datetime:
    return _START + timedelta(minutes=minutes)


def demo_project(demo: DemoEvaluation) -> Project:
    """The demo's qualitative project (the same evaluation always gives the same project)."""
    project = project_from_survey(
        demo.responses.answers,
        demo.responses.respondents,
        name=f"{demo.name}: free text and interviews",
        codebook=demo.codebook,
        codings=demo.codings,
        actor=DEMO_CODER,
        at=_START,
        project_id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"peerval-demo:{demo.name}:{demo.wave}")),
    )
    folder = files("peerval.demo") / "transcripts"
    for name, document_id, case_id, attributes in DEMO_TRANSCRIPTS:
        with as_file(folder / name) as path:
            document = read_transcript(path, document_id=document_id, name=name, case_id=case_id)
        project.add_case(Case(case_id, attributes))
        project.add_document(document)
    for minute, (document_id, words, code_id) in enumerate(_INTERVIEW_CODINGS, start=10):
        start = project.documents[document_id].text.index(words)
        project.apply_code(
            document_id, start, start + len(words), code_id, coder=DEMO_CODER, at=_time(minute)
        )
    _suggestions(project)
    project.add_memo(
        "code",
        "role_unclear",
        "Both interviews say the role is misread most by the staff who meet the peer support "
        "worker least (bank staff, nights), and by service users in their first weeks.",
        author=DEMO_CODER,
        at=_time(40),
    )
    project.add_memo(
        "document",
        "interview-su07",
        "Graded steps (bank visit: accompanied, met in town, alone) read as a model of "
        "practical help that builds independence.",
        author=DEMO_CODER,
        title="Graded practical help",
        at=_time(41),
    )
    project.save_codebook_version("2026", actor=DEMO_CODER, at=_time(45))
    return project


def _suggestions(project: Project) -> None:
    """Three machine suggestions on the staff interview: one accepted, one rejected, one
    left for review, so the demo shows how each is kept apart from human codings."""
    text = project.documents["interview-st12"].text
    picks = (
        ("The hearing voices group restarted after she joined.", "lived_experience", 0.74),
        ("She's part of handovers when she's in.", "team_integration", 0.88),
        ("I listen differently.", "feeling_heard", 0.41),
    )
    made = []
    for minute, (words, code_id, confidence) in enumerate(picks, start=30):
        start = text.index(words)
        made.append(
            project.suggest(
                "interview-st12",
                start,
                start + len(words),
                code_id,
                model="demo-keywords",
                confidence=confidence,
                at=_time(minute),
            )
        )
    project.accept(made[1].id, actor=DEMO_CODER, at=_time(35))
    project.reject(made[2].id, actor=DEMO_CODER, at=_time(36))
