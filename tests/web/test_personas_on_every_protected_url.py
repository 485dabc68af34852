"""Every signed-in page answers each persona as its permission says.

Anonymous people are sent to sign in; Charlie (no role) gets 404, so an evaluation's
existence is not revealed; Bob (coder) gets the page where his role allows it and 403
where it does not; Alice (lead) gets every page.

To protect a new page, add one line to ``PROTECTED``: its URL name, the permission it
needs (see accounts/roles.py) and how to build its arguments. The last test fails when a
URL in the URLconf is missing from the list, so a new page cannot go unchecked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from peerval.web.accounts.roles import allows
from peerval.web.surveys.models import Response

from .qualitative.helpers import qualitative_world
from .survey_helpers import fresh_key

#: pages that belong to no evaluation: any signed-in user may use them
SIGNED_IN = "signed_in"
#: URL namespaces open to anyone (the survey itself, signing in)
PUBLIC_NAMESPACES = {"survey", "accounts"}


@dataclass(frozen=True)
class Protected:
    name: str
    permission: str
    args: Callable[[SimpleNamespace], list]
    method: str = "get"
    data: dict | None = None

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.name}"


def _evaluation(w):
    return [w.evaluation.pk]


def _wave(w):
    return [w.wave.pk]


def _collection(w):
    return [w.collection.pk]


def _project(w):
    return [qualitative_world(w).project.pk]


def _document(w):
    q = qualitative_world(w)
    return [q.project.pk, q.document.pk]


def _code(w):
    q = qualitative_world(w)
    return [q.project.pk, q.codes["time"]]


PROTECTED = [
    Protected("surveys:home", SIGNED_IN, lambda w: []),
    Protected("surveys:evaluation_new", SIGNED_IN, lambda w: []),
    Protected("surveys:evaluation", "view", _evaluation),
    Protected("surveys:evaluation_settings", "manage", _evaluation),
    Protected("surveys:care_groups", "manage", _evaluation),
    Protected("surveys:care_group_remove", "manage", lambda w: [w.evaluation.pk, 1]),
    Protected("surveys:audit_log", "manage", _evaluation),
    Protected("surveys:evaluation_delete", "manage", _evaluation),
    Protected("surveys:members", "members", _evaluation),
    Protected("surveys:member_change", "members", lambda w: [w.evaluation.pk, w.bob.pk]),
    Protected("surveys:member_remove", "members", lambda w: [w.evaluation.pk, w.bob.pk]),
    Protected("surveys:wave_new", "manage", _evaluation),
    Protected("surveys:collection_new", "manage", _wave),
    Protected("surveys:collection", "view", _collection),
    Protected("surveys:collection_qr", "view", _collection),
    Protected("surveys:collection_open", "manage", _collection, method="post"),
    Protected("surveys:collection_close", "manage", _collection, method="post"),
    Protected("surveys:invitations", "manage", _collection, method="post", data={"count": "2"}),
    Protected("surveys:invitation_codes", "manage", _collection),
    Protected("surveys:paper_start", "paper", _collection),
    Protected(
        "surveys:paper_page", "paper", lambda w: [w.collection.pk, w.paper_draft.public_id, 0]
    ),
    Protected("surveys:paper_check", "paper", lambda w: [w.collection.pk, w.paper_draft.public_id]),
    Protected("surveys:paper_done", "paper", lambda w: [w.collection.pk, w.paper_sent.public_id]),
    Protected("results:report", "report", _wave),
    Protected("results:report_html", "report", _wave),
    Protected("results:report_pdf", "report", _wave),
    Protected("results:report_docx", "report", _wave),
    Protected("results:quotes", "manage", _wave),
    Protected("results:export_answers", "export", _wave),
    Protected("results:export_wide", "export", _wave),
    Protected("results:export_codebook", "export", _wave),
    Protected("qualitative:projects", "view", _evaluation),
    Protected("qualitative:project_new", "codebook", _evaluation),
    Protected("qualitative:project_delete", "codebook", _project),
    Protected("qualitative:project_export", "export", _project),
    Protected("qualitative:suggest", "code", _project),
    Protected("qualitative:documents", "view", _project),
    Protected("qualitative:grid", "view", _project),
    Protected("qualitative:document", "view", _document),
    Protected("qualitative:undo", "code", _document),
    Protected("qualitative:memo_new", "code", _document),
    Protected(
        "qualitative:coding_remove",
        "code",
        lambda w: [*_document(w), qualitative_world(w).coding_id],
    ),
    Protected(
        "qualitative:suggestion_review",
        "code",
        lambda w: [*_document(w), qualitative_world(w).suggestion_id],
    ),
    Protected("qualitative:codebook", "view", _project),
    Protected("qualitative:code_new", "codebook", _project),
    Protected("qualitative:code_edit", "codebook", _code),
    Protected("qualitative:code_remove", "codebook", _code),
    Protected("qualitative:themes", "view", _project),
    Protected("qualitative:theme_new", "codebook", _project),
    Protected(
        "qualitative:theme_edit",
        "codebook",
        lambda w: [*_project(w), qualitative_world(w).theme.pk],
    ),
    Protected(
        "qualitative:theme_remove",
        "codebook",
        lambda w: [*_project(w), qualitative_world(w).theme.pk],
    ),
    Protected("qualitative:agreement", "codebook", _project),
    Protected("qualitative:sample_new", "codebook", _project),
    Protected("qualitative:sample_reveal", "codebook", _project),
]


def _url_names(resolver=None, namespace: str | None = None):
    """``namespace:name`` of every URL pattern (the pattern itself where it has no name)."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace
            if inner and namespace:
                inner = f"{namespace}:{inner}"
            yield from _url_names(pattern, inner or namespace)
        elif pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name
        else:
            yield f"(unnamed) {pattern.pattern}"


def _protected_names() -> set[str]:
    return {name for name in _url_names() if name.split(":", 1)[0] not in PUBLIC_NAMESPACES}


#: pages listed here that the URLconf does not have (yet) are left out, not failed
CASES = list(PROTECTED)


@pytest.fixture
def world(evaluation, wave, staff_collection, lead, coder, outsider):
    from peerval.web.accounts.models import Membership
    from peerval.web.surveys.models import CareGroup

    CareGroup.objects.create(evaluation=evaluation, code=1, label="Acute and inpatient")

    def response(**fields):
        return Response.objects.create(
            collection=staff_collection, consented=True, channel=Response.PAPER, **fields
        )

    return SimpleNamespace(
        evaluation=evaluation,
        wave=wave,
        collection=staff_collection,
        bob=Membership.objects.get(user=coder, evaluation=evaluation),
        paper_draft=response(entered_by=lead),
        paper_sent=response(
            entered_by=lead,
            status=Response.SUBMITTED,
            submitted_at=timezone.now(),
            answers={"staff-psw-survey": {"care_group": 2}},
            care_group=2,
        ),
        personas={"alice": lead, "bob": coder, "charlie": outsider},
    )


def _request(client, case: Protected, world):
    url = reverse(case.name, args=case.args(world))
    if case.method == "post":
        response = client.post(url, (case.data or {}) | {"idempotency_key": fresh_key()})
    else:
        response = client.get(url)
    response.close()  # file downloads hold their file open until closed
    return response


@pytest.mark.parametrize("case", CASES, ids=str)
def test_anonymous_visitors_are_sent_to_sign_in(client, world, case):
    response = _request(client, case, world)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("case", CASES, ids=str)
def test_people_outside_the_evaluation_get_not_found(client, world, case):
    client.force_login(world.personas["charlie"])
    response = _request(client, case, world)
    expected = 200 if case.permission == SIGNED_IN else 404
    assert response.status_code == expected


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_coder_gets_only_what_the_coder_role_allows(client, world, case):
    client.force_login(world.personas["bob"])
    response = _request(client, case, world)
    allowed = case.permission == SIGNED_IN or allows("coder", case.permission)
    assert response.status_code == (200 if allowed else 403)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_the_lead_gets_every_page(client, world, case):
    client.force_login(world.personas["alice"])
    response = _request(client, case, world)
    assert response.status_code == (302 if case.method == "post" else 200)


def test_every_signed_in_url_is_in_the_persona_list():
    listed = {case.name for case in PROTECTED}
    missing = sorted(_protected_names() - listed)
    assert not missing, f"add these URLs to PROTECTED in {__name__}: {missing}"


def test_every_url_in_the_persona_list_exists():
    stale = sorted({case.name for case in PROTECTED} - _protected_names())
    assert not stale, f"remove or rename these entries of PROTECTED: {stale}"
