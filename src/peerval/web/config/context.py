"""Template context for every page: values the NHS.UK page template reads."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

__all__ = ["nhsuk_page"]


def nhsuk_page(request: HttpRequest) -> dict[str, object]:
    """The CSP nonce for the page template's inline script, and where NHS.UK assets live."""
    nonce = getattr(request, "csp_nonce", None)
    return {
        # str() generates the nonce now: django-csp's lazy nonce is falsy until it is used,
        # and the page template tests it with ``{% if cspNonce %}``
        "cspNonce": str(nonce) if nonce is not None else "",
        "assetPath": f"{settings.STATIC_URL}nhsuk/assets",
    }
