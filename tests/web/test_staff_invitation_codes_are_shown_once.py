"""Invitation codes are shown once, when created; only their hashes are stored."""

from __future__ import annotations

import re

from peerval.web.surveys.models import Collection, Invitation
from peerval.web.surveys.services.responses import hash_code

from .survey_helpers import fresh_key, key_from

CODE = re.compile(r"\b[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\b")


def _invitation_only(collection):
    Collection.objects.filter(pk=collection.pk).update(invitation_only=True)


def test_new_codes_are_shown_once_and_only_their_hashes_kept(client, lead, staff_collection):
    _invitation_only(staff_collection)
    client.force_login(lead)
    response = client.post(
        f"/collections/{staff_collection.pk}/invitations/",
        {"count": "3", "idempotency_key": fresh_key()},
    )
    assert response.status_code == 302
    shown = client.get(response["Location"])
    assert "These codes will not be shown again" in shown.text
    codes = CODE.findall(shown.text)
    assert len(set(codes)) == 3
    stored = set(Invitation.objects.values_list("code_hash", flat=True))
    assert stored == {hash_code(code) for code in codes}
    assert not any(code in stored for code in codes)

    again = client.get(response["Location"])
    assert CODE.findall(again.text) == []
    assert "shown only once" in again.text


def test_a_new_code_lets_a_respondent_start(client, lead, staff_collection):
    _invitation_only(staff_collection)
    client.force_login(lead)
    response = client.post(
        f"/collections/{staff_collection.pk}/invitations/",
        {"count": "1", "idempotency_key": fresh_key()},
    )
    (code,) = CODE.findall(client.get(response["Location"]).text)
    client.logout()
    start = client.get(f"/s/{staff_collection.token}/")
    sent = client.post(
        f"/s/{staff_collection.token}/",
        {"consent": "on", "code": code, "idempotency_key": key_from(start.text)},
    )
    assert sent.status_code == 302
    assert Invitation.objects.get().used_at is not None


def test_the_collection_page_counts_used_and_unused_codes(client, lead, staff_collection):
    _invitation_only(staff_collection)
    client.force_login(lead)
    client.post(
        f"/collections/{staff_collection.pk}/invitations/",
        {"count": "2", "idempotency_key": fresh_key()},
    )
    html = client.get(f"/collections/{staff_collection.pk}/").text
    assert re.search(r"Codes not yet used\s*</dt>\s*<dd[^>]*>\s*2\s*</dd>", html)
    assert re.search(r"Codes used\s*</dt>\s*<dd[^>]*>\s*0\s*</dd>", html)


def test_a_count_outside_1_to_500_is_refused_with_422(client, lead, staff_collection):
    _invitation_only(staff_collection)
    client.force_login(lead)
    for count in ("0", "501", ""):
        response = client.post(
            f"/collections/{staff_collection.pk}/invitations/",
            {"count": count, "idempotency_key": fresh_key()},
        )
        assert response.status_code == 422, count
        assert '<a href="#count"' in response.text
    assert not Invitation.objects.exists()
