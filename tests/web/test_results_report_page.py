"""The report page: evaluation and wave, protected respondent numbers, the policy in words,
links to the report and, for those allowed to export, to the three CSV exports."""

from __future__ import annotations

from peerval.web.surveys.models import Collection

from .results_helpers import fill_staff, staff_answers, submit


def test_lead_sees_who_responded_the_policy_and_every_download(client, lead, staff_collection):
    fill_staff(staff_collection)
    wave = staff_collection.wave
    client.force_login(lead)

    page = client.get(f"/waves/{wave.pk}/report/")

    assert page.status_code == 200
    assert page["Content-Type"] == "text/html; charset=utf-8"
    html = page.text
    assert "Peer support evaluation 2026" in html
    assert "Results for wave 2026" in html
    assert "Counts from 1 to 4 are hidden" in html  # the policy in words
    for end in ("report.html", "report.pdf", "report.docx"):
        assert f'href="/waves/{wave.pk}/{end}"' in html
    for kind in ("answers", "wide", "codebook"):
        assert f'href="/waves/{wave.pk}/export/{kind}.csv"' in html


def test_a_group_smaller_than_the_threshold_is_hidden_with_its_neighbour(
    client, lead, staff_collection
):
    fill_staff(staff_collection, count=12)
    service_users = Collection.objects.create(
        wave=staff_collection.wave, respondent_group="service_user", status=Collection.OPEN
    )
    for n in range(3):  # three service users: fewer than the threshold of 5
        submit(service_users, {"staff-psw-survey": staff_answers(n)})
    client.force_login(lead)

    html = client.get(f"/waves/{staff_collection.wave.pk}/report/").text

    rows = html.split('class="nhsuk-table__body"', 1)[1].split("</tbody>", 1)[0]
    cells = [c.split(">", 1)[1].split("<", 1)[0].strip() for c in rows.split("<td")[1:]]
    # 3 is hidden, and 12 too, or 3 could be worked out from the total of 15
    assert cells == ["Service users", "*", "Staff", "*", "Total", "15"]


def test_coder_sees_the_report_links_but_not_the_exports(client, coder, staff_collection):
    fill_staff(staff_collection, count=6)
    client.force_login(coder)

    html = client.get(f"/waves/{staff_collection.wave.pk}/report/").text

    assert "report.pdf" in html
    assert "export/" not in html
    assert "Data exports" not in html
