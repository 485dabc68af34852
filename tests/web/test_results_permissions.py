"""Who may open the results: members see the report; only export roles get the data;
someone with no role on the evaluation is told nothing exists."""

from __future__ import annotations

import pytest

from .results_helpers import fill_staff

REPORT = ["report/"]
EXPORTS = ["export/answers.csv", "export/wide.csv", "export/codebook.csv"]
EVERY = REPORT + ["report.html", "report.pdf", "report.docx"] + EXPORTS


@pytest.mark.parametrize("end", EVERY)
def test_outsider_gets_not_found(client, outsider, wave, end):
    client.force_login(outsider)
    assert client.get(f"/waves/{wave.pk}/{end}").status_code == 404


@pytest.mark.parametrize("end", EXPORTS)
def test_coder_cannot_export(client, coder, staff_collection, end):
    fill_staff(staff_collection, count=5)
    client.force_login(coder)
    assert client.get(f"/waves/{staff_collection.wave.pk}/{end}").status_code == 403


def test_signed_out_visitor_is_sent_to_sign_in(client, wave):
    response = client.get(f"/waves/{wave.pk}/report/")
    assert response.status_code == 302
    assert "/accounts/" in response["Location"]


def test_unknown_wave_is_not_found(client, lead):
    client.force_login(lead)
    assert client.get("/waves/999999/report/").status_code == 404
