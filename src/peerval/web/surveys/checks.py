"""System checks: the NHS.UK frontend files must be in place before the app can serve pages."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, register


@register()
def nhsuk_frontend_built(app_configs, **kwargs):
    css = settings.NHSUK_FRONTEND_DIR / "nhsuk-frontend.min.css"
    if css.exists():
        return []
    return [
        Error(
            f"NHS.UK frontend files not found at {settings.NHSUK_FRONTEND_DIR}",
            hint="run `make frontend` (npm ci in frontend/, then python -m peerval.web.frontend) "
            "or set PEERVAL_FRONTEND_DIR",
            id="peerval.E001",
        )
    ]
