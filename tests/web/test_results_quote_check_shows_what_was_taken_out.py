"""The lead checks the report's quotes before publishing: each quote as the report shows it,
and under it what was taken out, what it was taken as and why. The page shows words that are
never published, so only the lead may open it, and each opening is audited."""

from __future__ import annotations

import re
from html import unescape

import pytest

from peerval.web.accounts.models import Membership
from peerval.web.audit.models import AuditEvent

from .quote_helpers import PLACE, PLACE_QUOTE, THEME, coded_wave_with_place, fill_with_place
from .results_helpers import PERSONAL_TEXT


def _url(wave) -> str:
    return f"/waves/{wave.pk}/report/quotes/"


def _cells(html: str) -> list[list[str]]:
    """The rows of the page's tables, each as its cells' text."""
    rows = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S):
        cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
        text = [unescape(re.sub(r"<[^>]+>", " ", cell)) for cell in cells]
        rows.append([" ".join(cell.split()) for cell in text])
    return rows


@pytest.fixture
def coded(lead, evaluation, staff_collection):
    evaluation.redact_places = PLACE
    evaluation.save()
    return coded_wave_with_place(evaluation, staff_collection, lead)


def _member(make_user, evaluation, name: str, role: str):
    user = make_user(name)
    Membership.objects.create(user=user, evaluation=evaluation, role=role)
    return user


def test_the_lead_sees_each_quote_with_the_words_taken_out_and_why(client, lead, coded):
    client.force_login(lead)
    response = client.get(_url(coded))
    assert response.status_code == 200
    html = response.text

    assert "Check the quotes in the report" in html
    assert "Do not share this page" in html
    assert f"<h2>{THEME}</h2>" in html
    assert PLACE_QUOTE in html
    assert "My PSW [name] rang me on [phone] and it really helped." in html
    rows = _cells(html)
    assert ["Words taken out", "Taken as", "Why"] in rows
    assert [PLACE, "A place listed for this evaluation", "A listed place or team name"] in rows
    taken = {row[0]: row[1:] for row in rows if len(row) == 3}
    assert taken["07700 900123"][0] == "A phone number"
    assert taken["Sarah Whitfield"][0] == "A person's name"
    # every row says why, in the words of the rule that found it
    assert all(why and why[0].isupper() for _, why in taken.values())


def test_the_page_is_not_kept_by_the_browser(client, lead, coded):
    client.force_login(lead)
    response = client.get(_url(coded))
    assert "no-store" in response["Cache-Control"]


def test_opening_the_page_is_audited(client, lead, coded):
    client.force_login(lead)
    client.get(_url(coded))
    (event,) = AuditEvent.objects.filter(action="view")
    assert (event.user, event.evaluation) == (lead, coded.evaluation)
    assert event.summary == f"Checked the quotes in the report for wave {coded.label}"
    assert event.detail["wave"] == coded.label
    assert event.detail["wave_id"] == coded.pk
    assert event.detail["quotes"] >= 2
    assert event.detail["redactions"] >= 3


@pytest.mark.parametrize(
    ("role", "status"), [("coder", 403), ("analyst", 403), ("viewer", 403), (None, 404)]
)
def test_only_the_lead_may_open_the_page(client, lead, make_user, evaluation, coded, role, status):
    client.force_login(lead)
    assert client.get(_url(coded)).status_code == 200
    seen = AuditEvent.objects.filter(action="view").count()

    user = make_user("dana") if role is None else _member(make_user, evaluation, "dana", role)
    client.force_login(user)
    response = client.get(_url(coded))

    assert response.status_code == status
    assert PERSONAL_TEXT not in response.text and "Whitfield" not in response.text
    assert AuditEvent.objects.filter(action="view").count() == seen


def test_the_results_page_links_to_the_check_for_the_lead_only(client, lead, coder, coded):
    client.force_login(lead)
    assert f'href="{_url(coded)}"' in client.get(f"/waves/{coded.pk}/report/").text
    client.force_login(coder)
    assert _url(coded) not in client.get(f"/waves/{coded.pk}/report/").text


def test_with_no_coded_quotes_the_page_says_how_to_get_them(
    client, lead, evaluation, staff_collection
):
    fill_with_place(staff_collection)
    client.force_login(lead)
    html = client.get(_url(staff_collection.wave)).text
    assert "There are no coded quotes yet" in html
    assert "Code the free text in a qualitative project" in html
    assert f'href="/evaluations/{evaluation.pk}/qualitative/"' in html
    assert "Words taken out" not in html
