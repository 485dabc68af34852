"""Every page carries the security headers; forms need a CSRF token."""

from __future__ import annotations

import re

from django.test import Client

from .survey_helpers import key_from


def test_survey_page_headers(client, staff_collection):
    response = client.get(f"/s/{staff_collection.token}/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    # every inline script carries this page's nonce, and there is no other inline script
    scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", response.text)
    assert scripts and all(f'nonce="{nonce}"' in attrs for attrs in scripts)
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Cache-Control"] == "no-store"


def test_public_forms_need_a_csrf_token(staff_collection):
    strict = Client(enforce_csrf_checks=True)
    base = f"/s/{staff_collection.token}/"
    page = strict.get(base)
    refused = strict.post(base, {"consent": "on", "idempotency_key": key_from(page.text)})
    assert refused.status_code == 403
    assert "Your session has expired" in refused.text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    accepted = strict.post(
        base,
        {"consent": "on", "idempotency_key": key_from(page.text), "csrfmiddlewaretoken": token},
    )
    assert accepted.status_code == 302


def test_sign_in_form_needs_a_csrf_token(lead):
    strict = Client(enforce_csrf_checks=True)
    refused = strict.post(
        "/accounts/login/", {"username": "alice", "password": "correct horse battery staple"}
    )
    assert refused.status_code == 403
