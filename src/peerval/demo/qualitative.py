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
    """Machine suggestions on the interviews from peerval's default automatic coder, trained
    on the coded survey answers: the most confident few are added, one is accepted and one
    rejected by the researcher, the rest are left for review, so the demo shows how each is
    kept apart from human codings."""
    import numpy as np

    from peerval.qual.autocode import CodedTexts, train
    from peerval.version import __version__

    coded: dict[str, set[str]] = {}
    for coding in project.codings(include_suggestions=False):
        if project.documents[coding.document_id].kind == "free_text":
            coded.setdefault(coding.document_id, set()).add(coding.code_id)
    codes = tuple(sorted({c for found in coded.values() for c in found}))
    documents = sorted(coded)
    labels = np.array([[int(c in coded[d]) for c in codes] for d in documents])
    model = train(
        CodedTexts(tuple(project.documents[d].text for d in documents), codes, labels), seed=0
    )
    turns = [
        (document_id, turn)
        for document_id in ("interview-su07", "interview-st12")
        for turn in project.documents[document_id].turns
        if turn.speaker.lower() != "interviewer" and turn.end - turn.start >= 60
    ]
    texts = [project.documents[d].text[t.start : t.end] for d, t in turns]
    probs = model.probability_matrix(texts)
    picks = sorted(
        (
            (float(probs[i, j]), turns[i], codes[j])
            for i in range(len(turns))
            for j in range(len(codes))
            if probs[i, j] >= model.thresholds[j]
        ),
        key=lambda pick: (-pick[0], pick[1][0], pick[1][1].start, pick[2]),
    )[:6]
    name = f"peerval autocode {__version__} (default)"
    made = [
        project.suggest(
            document_id,
            turn.start,
            turn.end,
            code_id,
            model=name,
            confidence=round(confidence, 3),
            at=_time(30 + n),
        )
        for n, (confidence, (document_id, turn), code_id) in enumerate(picks)
    ]
    if len(made) >= 2:
        project.accept(made[0].id, actor=DEMO_CODER, at=_time(38))
        project.reject(made[-1].id, actor=DEMO_CODER, at=_time(39))
