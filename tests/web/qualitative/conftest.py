"""Fixtures for the qualitative screens: a wave with staff free text, a project made from
it with a small codebook, and an analyst on the evaluation."""

from __future__ import annotations

import pytest

from .helpers import add_codes, make_project, submit_staff_answers


@pytest.fixture(autouse=True)
def _fresh_project_cache():
    from peerval.web.qualitative.services.store import _cache

    _cache.clear()
    yield
    _cache.clear()


@pytest.fixture
def answered(staff_collection):
    return submit_staff_answers(staff_collection)


@pytest.fixture
def project(evaluation, wave, answered, lead):
    return make_project(evaluation, wave, lead)


@pytest.fixture
def codes(project, lead):
    return add_codes(project, lead)


@pytest.fixture
def analyst(make_user, evaluation):
    from peerval.web.accounts.models import Membership

    user = make_user("dana")
    Membership.objects.create(user=user, evaluation=evaluation, role="analyst")
    return user


@pytest.fixture
def viewer(make_user, evaluation):
    from peerval.web.accounts.models import Membership

    user = make_user("erin")
    Membership.objects.create(user=user, evaluation=evaluation, role="viewer")
    return user
