"""Web fixtures: personas (a lead, a coder on the same evaluation, an outsider) and an
evaluation with an open staff survey."""

from __future__ import annotations

import os

import pytest
from django.db import connection


@pytest.fixture(autouse=True, scope="session")
def _database_is_the_one_asked_for(django_db_setup, django_db_blocker):
    """With PEERVAL_REQUIRE_POSTGRES=1 (CI's second run) the suite must really use PostgreSQL."""
    if os.environ.get("PEERVAL_REQUIRE_POSTGRES") == "1":
        with django_db_blocker.unblock():
            assert connection.vendor == "postgresql", (
                f"PEERVAL_REQUIRE_POSTGRES=1 but the tests ran on {connection.vendor}"
            )


@pytest.fixture
def make_user(db, django_user_model):
    def make(username: str, password: str = "correct horse battery staple"):
        return django_user_model.objects.create_user(username=username, password=password)

    return make


@pytest.fixture
def lead(make_user):
    return make_user("alice")


@pytest.fixture
def coder(make_user):
    return make_user("bob")


@pytest.fixture
def outsider(make_user):
    return make_user("charlie")


@pytest.fixture
def evaluation(lead, coder):
    from peerval.web.accounts.models import Membership
    from peerval.web.surveys.models import Evaluation

    evaluation = Evaluation.objects.create(
        name="Peer support evaluation 2026", organisation="Example NHS Trust", created_by=lead
    )
    Membership.objects.create(user=lead, evaluation=evaluation, role="lead")
    Membership.objects.create(user=coder, evaluation=evaluation, role="coder")
    return evaluation


@pytest.fixture
def wave(evaluation):
    from peerval.web.surveys.models import Wave

    return Wave.objects.create(evaluation=evaluation, label="2026")


@pytest.fixture
def staff_collection(wave):
    from peerval.web.surveys.models import Collection
    from peerval.web.surveys.services.questionnaire import load_instrument

    survey = load_instrument("staff-psw-survey")
    return Collection.objects.create(
        wave=wave,
        respondent_group="staff",
        instruments=[{"id": survey.id, "version": survey.version}],
        status=Collection.OPEN,
    )
