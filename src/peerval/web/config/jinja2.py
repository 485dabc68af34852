"""The Jinja2 environment: our templates first, then the NHS.UK frontend macros."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.signals import setting_changed
from django.urls import reverse
from jinja2 import ChainableUndefined, ChoiceLoader, Environment, FileSystemLoader, PackageLoader

__all__ = ["environment"]


def url(name: str, *args: Any, **kwargs: Any) -> str:
    """``reverse()`` for templates: ``url('surveys:evaluation', evaluation.pk)``."""
    return reverse(name, args=args or None, kwargs=kwargs or None)


@cache
def static(path: str) -> str:
    """A static file's URL; kept per process, since a page names the same few files and
    the hashed names of collected files do not change while the server runs."""
    return staticfiles_storage.url(path)


def _forget_static_urls(*, setting: str, **kwargs: Any) -> None:
    if setting in ("STORAGES", "STATIC_URL", "STATIC_ROOT", "DEBUG"):
        static.cache_clear()


setting_changed.connect(_forget_static_urls)


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
