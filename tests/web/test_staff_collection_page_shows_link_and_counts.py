"""A collection's page: status, the public link and its QR code, counts, paper entry."""

from __future__ import annotations

import re

from peerval.web.surveys.models import Collection

from .survey_helpers import complete_survey


def _url(collection):
    return f"/collections/{collection.pk}/"


def test_the_link_is_absolute_on_this_host_by_default(client, lead, staff_collection):
    client.force_login(lead)
    html = client.get(_url(staff_collection)).text
    assert f"http://testserver/s/{staff_collection.token}/" in html


def test_the_link_uses_the_public_address_when_it_is_set(client, lead, staff_collection, settings):
    settings.PUBLIC_URL = "https://surveys.example.nhs.uk"
    client.force_login(lead)
    html = client.get(_url(staff_collection)).text
    assert f"https://surveys.example.nhs.uk/s/{staff_collection.token}/" in html
    assert "http://testserver/s/" not in html


def test_the_qr_code_is_shown_as_an_image_with_alt_text(client, coder, staff_collection):
    client.force_login(coder)
    html = client.get(_url(staff_collection)).text
    assert f'<img src="/collections/{staff_collection.pk}/qr.svg" alt="QR code that opens' in html


def test_status_and_counts_are_shown(client, lead, staff_collection):
    complete_survey(client, staff_collection)
    client.force_login(lead)
    html = client.get(_url(staff_collection)).text
    assert re.search(r'nhsuk-tag--green"\s*>\s*Open\s*<', html)
    assert "Staff survey on Peer Support Workers (2026.2)" in html
    assert re.search(r"Submitted\s*</dt>\s*<dd[^>]*>\s*1\s*</dd>", html)


def test_paper_entry_is_offered_to_those_allowed_to_type_it_in(
    client, lead, coder, staff_collection
):
    client.force_login(lead)
    assert (
        f'href="/collections/{staff_collection.pk}/paper/"'
        in client.get(_url(staff_collection)).text
    )
    client.force_login(coder)
    html = client.get(_url(staff_collection)).text
    assert "/paper/" not in html
    assert "Close the collection" not in html  # nor may a coder close it


def test_a_draft_collection_says_its_link_does_not_work_yet(client, lead, staff_collection):
    Collection.objects.filter(pk=staff_collection.pk).update(status=Collection.DRAFT)
    client.force_login(lead)
    html = client.get(_url(staff_collection)).text
    assert "The link and QR code work only while the collection is open" in html
    assert "Open the collection" in html
    assert "/paper/" not in html
