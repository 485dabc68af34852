"""With production static storage (hashed, compressed), pages link to collected files."""

from __future__ import annotations

import re

from django.core.management import call_command
from django.test import override_settings

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def test_sign_in_page_links_hashed_nhs_frontend_files(client, tmp_path, db):
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=PRODUCTION_STORAGES):
        call_command("collectstatic", interactive=False, verbosity=0)
        html = client.get("/accounts/login/").text
    css = re.search(r'href="/static/(nhsuk/nhsuk-frontend\.min\.[0-9a-f]{12}\.css)"', html)
    js = re.search(r'src="/static/(nhsuk/nhsuk-frontend\.min\.[0-9a-f]{12}\.js)"', html)
    assert css and js, html[:2000]
    assert (tmp_path / css.group(1)).exists()
    assert (tmp_path / (css.group(1) + ".gz")).exists()  # served compressed
    collected = (tmp_path / css.group(1)).read_text()
    assert "assets.nhs.uk" not in collected  # nothing is fetched from elsewhere
    assert re.search(r"url\(\"assets/images/nhsuk-icon-[\w-]+\.[0-9a-f]{12}\.svg\"\)", collected)
