"""`peerval serve` starts the NHS-styled web app on a fresh folder; `peerval createuser`
makes a user who can sign in."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peerval.cli import app

PEERVAL = Path(sys.executable).with_name("peerval")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_serve_on_a_fresh_folder_shows_the_sign_in_page(tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PEERVAL_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    env["PEERVAL_HOME"] = str(tmp_path)
    server = subprocess.Popen(
        [str(PEERVAL), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        html = None
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as page:
                    html = page.read().decode()
                    final_url = page.url
                break
            except OSError:
                if server.poll() is not None:
                    break
                time.sleep(0.5)
        assert html is not None, server.stdout.read() if server.poll() is not None else "no answer"
        assert final_url.endswith("/accounts/login/?next=/")
        assert "Sign in to peerval" in html
        assert 'class="nhsuk-header' in html
        assert (tmp_path / "peerval.sqlite3").exists()
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=20)
    assert "No users yet" in output


@pytest.mark.django_db
def test_createuser_makes_a_user_who_can_sign_in(client):
    result = CliRunner().invoke(
        app, ["createuser", "evaluation.lead", "--password-stdin"], input="a long pass phrase 42\n"
    )
    assert result.exit_code == 0, result.output
    assert "Created user evaluation.lead" in result.output
    signed_in = client.post(
        "/accounts/login/", {"username": "evaluation.lead", "password": "a long pass phrase 42"}
    )
    assert signed_in.status_code == 302


@pytest.mark.django_db
def test_createuser_refuses_a_weak_password_with_one_line(client):
    result = CliRunner().invoke(app, ["createuser", "someone", "--password-stdin"], input="1234\n")
    assert result.exit_code == 2
    assert result.output.startswith("Error: password:")
