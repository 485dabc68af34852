"""peerval's web app: Django 5.2 with NHS.UK frontend templates.

The web app is a face over the core library: views call services, services call the core
for every computation, and the core never imports anything from here.

Apps: ``accounts`` (users, roles, memberships), ``surveys`` (evaluations, waves,
collections, responses, the public survey and paper entry), ``results`` (report and
exports), ``audit`` (one audit table), ``nhsuk_forms`` (form fields that render NHS.UK
components, generated from instrument definitions).
"""

from __future__ import annotations

import os

__all__ = ["setup"]

SETTINGS_MODULE = "peerval.web.config.settings"


def setup() -> None:
    """Configure Django with peerval's settings (once per process)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    import django

    django.setup()
