"""The address a request came from, for the survey pages' rate limit and sign-in lockout.

Without a trusted proxy header configured, the address is the connection's own
(``REMOTE_ADDR``) and every forwarding header is ignored: a client can write any header it
likes, so believing one would let it choose its address. Behind a reverse proxy, every
connection comes from the proxy; set ``PEERVAL_TRUSTED_PROXY_HEADER`` to the header the
proxy writes the client's address into (nginx: ``X-Forwarded-For`` with
``$proxy_add_x_forwarded_for``, or ``X-Real-IP`` with ``$remote_addr``).

A proxy adds the address it was reached from to the end of ``X-Forwarded-For``, after
whatever the client sent, so the client's address is the entry ``TRUSTED_PROXY_COUNT``
places from the right: the last one behind one proxy, the one before it behind two. Entries
further left were written by the client and are never read. A request without the header,
or with an entry that is not an address, is taken to come from ``REMOTE_ADDR``.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

__all__ = ["client_address"]


def _address(entry: str) -> str | None:
    """The address in one header entry (``203.0.113.7``, ``203.0.113.7:5000``,
    ``2001:db8::7``, ``[2001:db8::7]:5000``), normalised; None when it is not one."""
    text = entry.strip()
    candidates = [text]
    if text.startswith("[") and "]" in text:  # [IPv6] with or without a port
        candidates.append(text[1 : text.index("]")])
    elif text.count(":") == 1:  # IPv4 with a port
        candidates.append(text.split(":", 1)[0])
    for candidate in candidates:
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return None


def client_address(request: HttpRequest) -> str:
    """The client's address: from the trusted proxy header when one is configured."""
    remote = request.META.get("REMOTE_ADDR", "")
    header = settings.TRUSTED_PROXY_HEADER
    if not header:
        return remote
    entries = [entry for entry in request.META.get(header, "").split(",") if entry.strip()]
    if not entries:
        return remote
    count = settings.TRUSTED_PROXY_COUNT
    # fewer entries than proxies: the request skipped an outer one, and only the last
    # entry, written by the proxy that passed it on, is surely not the client's own
    chosen = entries[-count] if len(entries) >= count else entries[-1]
    return _address(chosen) or remote
