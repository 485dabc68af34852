"""Twenty respondents behind one address (a Trust's network, a reverse proxy) can each
complete the survey under the default rate limits."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from peerval.web.surveys.models import Response

from .survey_helpers import complete_survey

RESPONDENTS = 20


@pytest.fixture
def empty_cache():
    cache.clear()
    yield
    cache.clear()


# the defaults of PEERVAL_PUBLIC_RATE_LIMIT and PEERVAL_PUBLIC_ADDRESS_RATE_LIMIT
@override_settings(PUBLIC_RATE_LIMIT=120, PUBLIC_ADDRESS_RATE_LIMIT=1200)
def test_twenty_respondents_at_one_address_all_send_their_answers(staff_collection, empty_cache):
    # every test client comes from 127.0.0.1; each has its own respondent cookie
    pages = [complete_survey(Client(), staff_collection) for _ in range(RESPONDENTS)]
    assert all("Thank you, your answers have been sent" in page for page in pages)
    assert Response.objects.filter(status=Response.SUBMITTED).count() == RESPONDENTS
