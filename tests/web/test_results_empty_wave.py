"""A wave without submitted responses: the page says so plainly; nothing fails."""

from __future__ import annotations

import csv
import io

from peerval.web.surveys.models import Response

from .results_helpers import STAFF, staff_answers


def test_report_page_says_there_are_no_responses_yet(client, lead, staff_collection):
    Response.objects.create(  # a draft is not a response yet
        collection=staff_collection, answers={STAFF: staff_answers(0)}
    )
    client.force_login(lead)

    page = client.get(f"/waves/{staff_collection.wave.pk}/report/")

    assert page.status_code == 200
    assert "No responses have been submitted in wave 2026 yet" in page.text
    assert "report.pdf" not in page.text


def test_report_files_of_an_empty_wave_are_a_clear_not_found_page(client, lead, wave):
    client.force_login(lead)
    for rendering in ("html", "pdf", "docx"):
        response = client.get(f"/waves/{wave.pk}/report.{rendering}")
        assert response.status_code == 404
        assert "There is no report yet" in response.text


def test_exports_of_an_empty_wave_have_their_header_and_no_rows(client, lead, staff_collection):
    client.force_login(lead)
    for kind in ("answers", "wide"):
        response = client.get(f"/waves/{staff_collection.wave.pk}/export/{kind}.csv")
        assert response.status_code == 200
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[0][0] == "response_id"
        assert len(rows) == 1
