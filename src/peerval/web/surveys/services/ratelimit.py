"""Request limits for the public survey pages: per respondent, and a ceiling per address.

Many respondents may share one address (a Trust's network, a reverse proxy), so the limit
is kept per respondent: each draft being filled in on a link has its own allowance of
``PUBLIC_RATE_LIMIT`` requests a minute. Requests that name no draft in progress (the
first page before consenting, the resume page, the thank-you page) share one such allowance
per address, and every request from an address counts towards ``PUBLIC_ADDRESS_RATE_LIMIT``,
which stops a flood from one address however many drafts it starts.

The address is ``config.client.client_address``'s. Counts live in Django's cache for one
minute under keyed hashes; neither the address nor the draft's id is stored. With several
server processes, use a shared cache (``PEERVAL_REDIS_URL``) so the limits hold across
them.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from peerval.web.config.client import client_address

__all__ = ["rate_limited"]

#: who is asking: a respondent's own key (e.g. the link and its draft), or None before
#: they have started
Respondent = Callable[..., str | None]


def _bucket(kind: str, who: str, minute: int) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{kind}:{who}".encode(), hashlib.sha256)
    return f"peerval:rl:{kind}:{digest.hexdigest()[:24]}:{minute}"


def _count(key: str) -> int:
    """Add one to a minute's count and return it."""
    cache.add(key, 0, timeout=70)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=70)
        return 1


def _too_many(request: HttpRequest) -> HttpResponse:
    response = render(
        request,
        "error.jinja",
        {
            "title": "Too many requests",
            "message": "Wait a minute, then try again. Answers you saved are kept.",
        },
        status=429,
    )
    response["Retry-After"] = "60"
    return response


def rate_limited(respondent: Respondent) -> Callable:
    """Answer 429 once a respondent, or an address in all, passes its limit in a minute.

    ``respondent(request, *args, **kwargs)`` is given the view's arguments and names the
    respondent making the request, or returns None when the request names none.
    """

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            minute = int(time.time() // 60)
            address = client_address(request)
            who = respondent(request, *args, **kwargs)
            own = _bucket("r", who, minute) if who else _bucket("n", address, minute)
            over_own = _count(own) > settings.PUBLIC_RATE_LIMIT
            over_address = (
                _count(_bucket("a", address, minute)) > settings.PUBLIC_ADDRESS_RATE_LIMIT
            )
            if over_own or over_address:
                return _too_many(request)
            return view(request, *args, **kwargs)

        return wrapper

    return decorate
