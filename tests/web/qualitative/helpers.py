"""Building qualitative projects for the tests: staff answers with free text (synthetic,
written for these tests), a project made from them, a small codebook."""

from __future__ import annotations

from types import SimpleNamespace

from django.utils import timezone

#: (profession code, care group code, what works well, what could be better)
STAFF_ANSWERS = [
    (
        1,
        1,
        "She listens without judging. Patients open up to her in ways they do not with us.",
        "More hours on the ward, please. She is stretched across two teams.",
    ),
    (
        2,
        1,
        "He shares his own story of recovery. That gives people hope.",
        "Supervision for the peer workers is patchy.",
    ),
    (
        3,
        2,
        "Practical help with benefits forms and getting to appointments.",
        "We need more time with the peer worker. Referrals wait for weeks!",
    ),
    (
        1,
        2,
        "The peer worker understands what being sectioned feels like.",
        "Clearer guidance on what peer workers can and cannot do.",
    ),
    (
        4,
        3,
        "Groups run by the peer worker are the best attended on the unit.",
        "",
    ),
    (
        1,
        3,
        "She makes time for people who are often overlooked.",
        "More peer workers across the service.",
    ),
]


def submit_staff_answers(collection, answers=STAFF_ANSWERS) -> list:
    """Submitted staff responses carrying the given free-text answers."""
    from peerval.web.surveys.models import Response

    made = []
    for profession, care_group, works, better in answers:
        given = {"profession": profession, "care_group": care_group, "what_works": works}
        if better:
            given["could_improve"] = better
        made.append(
            Response.objects.create(
                collection=collection,
                status=Response.SUBMITTED,
                consented=True,
                submitted_at=timezone.now(),
                answers={"staff-psw-survey": given},
                care_group=care_group,
            )
        )
    return made


def make_project(evaluation, wave, user, *, name="Staff free text 2026", mode="content_analysis"):
    from peerval.web.qualitative.services.projects import create_from_wave

    return create_from_wave(evaluation, wave, user, name=name, mode=mode)


def add_codes(project, user) -> dict[str, str]:
    """A small codebook: a heading with two codes under it, and one code at the top."""
    from peerval.web.qualitative.services.codebook import add_code

    support = add_code(project, user, name="Support", codable=False)
    heard = add_code(project, user, name="Feeling heard", parent_id=support)
    practical = add_code(project, user, name="Practical help", parent_id=support)
    time = add_code(project, user, name="More time wanted", description="Asks for more PSW time")
    return {"support": support, "heard": heard, "practical": practical, "time": time}


def suggest(project, document, code_id, *, confidence=0.83, model="test-model") -> str:
    """A machine suggestion of ``code_id`` for the whole document; its id."""
    from peerval.web.qualitative.models import Project
    from peerval.web.qualitative.services import store

    project = Project.objects.get(pk=project.pk)
    store.add_suggestions(
        project,
        [(document.document_id, 0, len(document.text), code_id, confidence)],
        model=model,
    )
    project = Project.objects.get(pk=project.pk)
    found = [
        s for s in store.snapshot(project).suggestions if s.document_id == document.document_id
    ]
    return found[-1].id


def qualitative_world(world) -> SimpleNamespace:
    """A project in the persona test's evaluation, made once per test: documents from a
    submitted answer, a codebook, a coding and a memo by Bob, and a double-coding sample."""
    if getattr(world, "qualitative", None) is not None:
        return world.qualitative
    from peerval.web.qualitative.models import Project
    from peerval.web.qualitative.services import coding, samples, themes

    alice, bob = world.personas["alice"], world.personas["bob"]
    submit_staff_answers(world.collection, STAFF_ANSWERS[:2])
    project = make_project(world.evaluation, world.wave, alice)
    codes = add_codes(project, alice)
    sample = samples.draw(project, alice, size=1, seed=1)
    # a document outside the (blind) sample, so that everyone sees Bob's coding there
    document = project.documents.exclude(document_id__in=sample.document_ids).first()
    coding_id = coding.apply_code(project, document, 0, 8, codes["heard"], bob)
    suggestion_id = suggest(project, document, codes["time"])
    theme = themes.save_theme(
        project,
        alice,
        name="Being understood",
        description="",
        parent=None,
        code_ids=[codes["heard"]],
    )
    project = Project.objects.get(pk=project.pk)
    world.qualitative = SimpleNamespace(
        project=project,
        document=document,
        codes=codes,
        coding_id=coding_id,
        suggestion_id=suggestion_id,
        theme=theme,
    )
    return world.qualitative
