"""A per-address request limit for the public survey pages.

Counts live in Django's cache under a keyed hash of the address, for one minute; the
address itself is never stored. With several server processes, use a shared cache
(``PEERVAL_REDIS_URL``) so the limit holds across them.
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

__all__ = ["rate_limited"]


def _bucket(request: HttpRequest) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return f"peerval:rl:{digest.hexdigest()[:24]}:{int(time.time() // 60)}"


def rate_limited(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Answer 429 once an address passes ``PUBLIC_RATE_LIMIT`` requests in a minute."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        key = _bucket(request)
        cache.add(key, 0, timeout=70)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=70)
            count = 1
        if count > settings.PUBLIC_RATE_LIMIT:
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
        return view(request, *args, **kwargs)

    return wrapper
