"""The Jinja2 environment: our templates first, then the NHS.UK frontend macros."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.urls import reverse
from jinja2 import ChainableUndefined, ChoiceLoader, Environment, FileSystemLoader, PackageLoader

__all__ = ["environment"]


def url(name: str, *args: Any, **kwargs: Any) -> str:
    """``reverse()`` for templates: ``url('surveys:evaluation', evaluation.pk)``."""
    return reverse(name, args=args or None, kwargs=kwargs or None)


def static(path: str) -> str:
    return staticfiles_storage.url(path)


def environment(**options: Any) -> Environment:
    dirs = [str(d) for d in settings.TEMPLATES[0]["DIRS"]]
    options["loader"] = ChoiceLoader(
        [FileSystemLoader(dirs), PackageLoader("nhsuk_frontend_jinja")]
    )
    options["undefined"] = ChainableUndefined
    options["autoescape"] = True
    options.setdefault("extensions", [])
    env = Environment(**options)
    env.globals.update(url=url, static=static, static_url=settings.STATIC_URL)
    from peerval.web.nhsuk_forms.render import draw, render_field, render_form, summary_rows

    env.globals.update(
        draw=draw, render_field=render_field, render_form=render_form, summary_rows=summary_rows
    )
    return env
