"""Settings read from environment variables, failing loudly on bad values.

Every reader names the variable and what it expected, so a typo in a deployment's
environment stops the server at start-up instead of running with a silent default.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

__all__ = ["env_bool", "env_header", "env_int", "env_list", "env_str", "local_secret_key"]

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
_HEADER = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")


def env_str(name: str, default: str | None = None) -> str | None:
    """The variable's value, or ``default`` when it is not set."""
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    """``1/true/yes/on`` or ``0/false/no/off`` (any case); anything else is an error."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r}: write true or false")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    """A whole number, at least ``minimum`` when given."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r}: write a whole number") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name}={raw!r}: must be at least {minimum}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    """A comma-separated list, blanks dropped."""
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [part.strip() for part in raw.split(",") if part.strip()]


def env_header(name: str) -> str | None:
    """An HTTP header that holds a list of addresses, as its ``request.META`` key.

    ``X-Forwarded-For`` gives ``HTTP_X_FORWARDED_FOR``; unset or blank gives None. The
    ``Forwarded`` header (RFC 7239) is refused: it is not a plain list of addresses.
    """
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return None
    value = raw.strip()
    if not _HEADER.fullmatch(value):
        raise ImproperlyConfigured(
            f"{name}={raw!r}: write a header name of letters, digits and hyphens, "
            "such as X-Forwarded-For"
        )
    if value.lower() == "forwarded":
        raise ImproperlyConfigured(
            f"{name}={raw!r}: peerval reads a header that lists addresses, such as "
            "X-Forwarded-For or X-Real-IP, not the Forwarded header"
        )
    return "HTTP_" + value.upper().replace("-", "_")


def local_secret_key(home: Path) -> str:
    """A secret key kept in the user's peerval folder, made on first use (local installs)."""
    path = home / "secret_key"
    if path.exists():
        key = path.read_text(encoding="utf-8").strip()
        if len(key) >= 50:
            return key
    home.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(64)
    path.write_text(key + "\n", encoding="utf-8")
    path.chmod(0o600)
    return key
