"""Behind a real reverse proxy (nginx on loopback, writing X-Forwarded-For as docs/web.md
says), two clients are told apart only when PEERVAL_TRUSTED_PROXY_HEADER names that header;
without it every request has the proxy's address, and what a client writes in the header
itself is never believed.

The two clients connect from 127.0.0.2 and 127.0.0.3 (all of 127.0.0.0/8 is this computer
on Linux); nginx connects to the app from 127.0.0.1. A survey's first page is limited to
PUBLIC_RATE_LIMIT requests a minute per address, which shows whose address the app saw.
"""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import time
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.test import override_settings

pytestmark = pytest.mark.django_db(transaction=True)

FIRST, SECOND = "127.0.0.2", "127.0.0.3"
LIMIT = 3
NGINX_CONF = """
worker_processes 1;
pid {home}/nginx.pid;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {home}/body;
    proxy_temp_path {home}/proxy;
    fastcgi_temp_path {home}/fastcgi;
    uwsgi_temp_path {home}/uwsgi;
    scgi_temp_path {home}/scgi;
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://{upstream};
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_buffering off;
        }}
    }}
}}
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def proxy(live_server, tmp_path):
    """nginx in front of the live server; yields the port it listens on."""
    nginx = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.path.exists(p)), None
    )
    if nginx is None:
        # in CI the proxy test must run (.ci/run installs nginx)
        (pytest.fail if os.environ.get("CI") else pytest.skip)("nginx is not installed")
    port = _free_port()
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        NGINX_CONF.format(home=tmp_path, port=port, upstream=urlsplit(live_server.url).netloc)
    )
    log = tmp_path / "error.log"
    server = subprocess.Popen(
        [nginx, "-p", str(tmp_path), "-c", str(conf), "-e", str(log), "-g", "daemon off;"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    problem = log.read_text() if log.exists() else ""
                    pytest.fail(f"nginx did not start: {problem}")
                time.sleep(0.05)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def _get(port: int, client: str, path: str, headers: dict[str, str] | None = None) -> int:
    """GET ``path`` through the proxy from the address ``client``; the status."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=10, source_address=(client, 0)
    )
    try:
        connection.request("GET", path, headers=headers or {})
        return connection.getresponse().status
    finally:
        connection.close()


@pytest.fixture
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@override_settings(PUBLIC_RATE_LIMIT=LIMIT, TRUSTED_PROXY_HEADER=None)
def test_without_the_setting_both_clients_are_the_proxy(proxy, staff_collection, empty_cache):
    path = f"/s/{staff_collection.token}/"
    # a forged header, different each time, does not buy a fresh allowance
    statuses = [
        _get(proxy, FIRST, path, {"X-Forwarded-For": f"203.0.113.{n}"}) for n in range(LIMIT + 1)
    ]
    assert statuses == [200] * LIMIT + [429]
    assert _get(proxy, SECOND, path) == 429  # the same address as far as the app can tell


@override_settings(
    PUBLIC_RATE_LIMIT=LIMIT, TRUSTED_PROXY_HEADER="HTTP_X_FORWARDED_FOR", TRUSTED_PROXY_COUNT=1
)
def test_with_the_setting_the_header_tells_them_apart(proxy, staff_collection, empty_cache):
    path = f"/s/{staff_collection.token}/"
    # the client's own X-Forwarded-For comes first; nginx appends the address it saw
    statuses = [
        _get(proxy, FIRST, path, {"X-Forwarded-For": f"203.0.113.{n}"}) for n in range(LIMIT + 1)
    ]
    assert statuses == [200] * LIMIT + [429]
    assert _get(proxy, SECOND, path) == 200
    assert _get(proxy, FIRST, path) == 429


@override_settings(TRUSTED_PROXY_HEADER="HTTP_X_FORWARDED_FOR", TRUSTED_PROXY_COUNT=1)
def test_a_failed_sign_in_through_the_proxy_is_recorded_against_the_client(proxy, lead):
    from axes.models import AccessAttempt

    connection = http.client.HTTPConnection(
        "127.0.0.1", proxy, timeout=10, source_address=(SECOND, 0)
    )
    try:
        connection.request("GET", "/accounts/login/")
        page = connection.getresponse()
        cookie = page.getheader("Set-Cookie").split(";", 1)[0]
        token = cookie.split("=", 1)[1]
        page.read()
        connection.request(
            "POST",
            "/accounts/login/",
            body=f"username=alice&password=wrong&csrfmiddlewaretoken={token}",
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": cookie,
                "X-Forwarded-For": "203.0.113.99",
            },
        )
        assert connection.getresponse().status == 422
    finally:
        connection.close()
    (attempt,) = AccessAttempt.objects.all()
    assert (attempt.username, attempt.ip_address) == ("alice", SECOND)
