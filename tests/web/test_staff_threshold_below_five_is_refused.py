"""A lead cannot set the disclosure threshold under the core's lowest (5) nor over its
highest: the settings form is shown again with 422 and the NHS error summary, which names
the field, gives the range and says that smaller groups are shown only in the internal mode."""

from __future__ import annotations

import re

import pytest

from peerval.disclosure import DEFAULT_THRESHOLD, HIGHEST_THRESHOLD, LOWEST_THRESHOLD
from peerval.web.audit.models import AuditEvent
from peerval.web.surveys.models import Evaluation

from .survey_helpers import fresh_key

RANGE = f"Enter a smallest group size from {LOWEST_THRESHOLD} to {HIGHEST_THRESHOLD}"


def _settings(evaluation, threshold: str) -> dict[str, str]:
    return {
        "name": evaluation.name,
        "organisation": evaluation.organisation,
        "disclosure_rule": "threshold",
        "disclosure_threshold": threshold,
        "idempotency_key": fresh_key(),
    }


def _error_summary(html: str) -> str:
    found = re.search(r'class="nhsuk-error-summary".*?</ul>', html, flags=re.S)
    assert found, "no NHS error summary on the page"
    return " ".join(found.group(0).split())


@pytest.mark.parametrize("threshold", ["3", "4"])
def test_a_lead_setting_threshold_under_five_gets_422_naming_the_field(
    client, lead, evaluation, threshold
):
    client.force_login(lead)
    url = f"/evaluations/{evaluation.pk}/settings/"
    response = client.post(url, _settings(evaluation, threshold))
    assert response.status_code == 422
    summary = _error_summary(response.text)
    assert "There is a problem" in summary
    assert '<a href="#disclosure_threshold"' in summary
    assert RANGE in summary
    assert "only in the internal mode" in summary
    evaluation.refresh_from_db()
    assert evaluation.disclosure_threshold == DEFAULT_THRESHOLD
    assert not AuditEvent.objects.filter(action="settings").exists()


def test_a_threshold_over_the_highest_is_refused(client, lead, evaluation):
    client.force_login(lead)
    url = f"/evaluations/{evaluation.pk}/settings/"
    response = client.post(url, _settings(evaluation, str(HIGHEST_THRESHOLD + 1)))
    assert response.status_code == 422
    assert RANGE in _error_summary(response.text)


def test_a_new_evaluation_with_threshold_four_is_not_created(client, outsider):
    client.force_login(outsider)
    data = {
        "name": "Rehabilitation peer support 2026",
        "disclosure_rule": "threshold",
        "disclosure_threshold": "4",
        "idempotency_key": fresh_key(),
    }
    response = client.post("/evaluations/new/", data)
    assert response.status_code == 422
    assert '<a href="#disclosure_threshold"' in _error_summary(response.text)
    assert not Evaluation.objects.exists()


def test_the_highest_and_lowest_are_accepted(client, lead, evaluation):
    client.force_login(lead)
    url = f"/evaluations/{evaluation.pk}/settings/"
    for threshold in (HIGHEST_THRESHOLD, LOWEST_THRESHOLD):
        response = client.post(url, _settings(evaluation, str(threshold)))
        assert response.status_code == 302, threshold
        evaluation.refresh_from_db()
        assert evaluation.disclosure_threshold == threshold
