"""The trusted proxy and limit settings are read from the environment; a bad value stops
start-up naming the variable."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def _settings(env: dict[str, str], home, expression: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PEERVAL_", "DATABASE_URL", "DJANGO_"))
    }
    clean.update(
        {"DJANGO_SETTINGS_MODULE": "peerval.web.config.settings", "PEERVAL_HOME": str(home), **env}
    )
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    return subprocess.run([sys.executable, "-c", code], env=clean, capture_output=True, text=True)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"PEERVAL_TRUSTED_PROXY_HEADER": "X Forwarded For"}, "PEERVAL_TRUSTED_PROXY_HEADER="),
        ({"PEERVAL_TRUSTED_PROXY_HEADER": "Forwarded"}, "not the Forwarded header"),
        (
            {"PEERVAL_TRUSTED_PROXY_HEADER": "X-Forwarded-For", "PEERVAL_TRUSTED_PROXY_COUNT": "0"},
            "PEERVAL_TRUSTED_PROXY_COUNT='0': must be at least 1",
        ),
        (
            {"PEERVAL_TRUSTED_PROXY_COUNT": "2"},
            "PEERVAL_TRUSTED_PROXY_COUNT is set but PEERVAL_TRUSTED_PROXY_HEADER is not",
        ),
        ({"PEERVAL_PUBLIC_ADDRESS_RATE_LIMIT": "many"}, "PEERVAL_PUBLIC_ADDRESS_RATE_LIMIT='many'"),
        (
            {"PEERVAL_PUBLIC_RATE_LIMIT": "200", "PEERVAL_PUBLIC_ADDRESS_RATE_LIMIT": "100"},
            "must be at least PEERVAL_PUBLIC_RATE_LIMIT (200)",
        ),
        (
            {"PEERVAL_LOGIN_ADDRESS_FAILURE_LIMIT": "3"},
            "must be at least PEERVAL_LOGIN_FAILURE_LIMIT (5)",
        ),
        ({"PEERVAL_IDEMPOTENCY_DAYS": "0"}, "PEERVAL_IDEMPOTENCY_DAYS='0': must be at least 1"),
    ],
)
def test_a_bad_value_stops_start_up_naming_the_variable(tmp_path, env, message):
    result = _settings(env, tmp_path, "'started'")
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "None 1 120 1200 5 100 7"),
        (
            {
                "PEERVAL_TRUSTED_PROXY_HEADER": " x-real-ip ",
                "PEERVAL_PUBLIC_RATE_LIMIT": "60",
                "PEERVAL_LOGIN_ADDRESS_FAILURE_LIMIT": "40",
                "PEERVAL_IDEMPOTENCY_DAYS": "14",
            },
            "HTTP_X_REAL_IP 1 60 600 5 40 14",
        ),
        (
            {"PEERVAL_TRUSTED_PROXY_HEADER": "X-Forwarded-For", "PEERVAL_TRUSTED_PROXY_COUNT": "2"},
            "HTTP_X_FORWARDED_FOR 2 120 1200 5 100 7",
        ),
    ],
)
def test_values_and_defaults(tmp_path, env, expected):
    names = [
        "TRUSTED_PROXY_HEADER",
        "TRUSTED_PROXY_COUNT",
        "PUBLIC_RATE_LIMIT",
        "PUBLIC_ADDRESS_RATE_LIMIT",
        "AXES_FAILURE_LIMIT",
        "LOGIN_ADDRESS_FAILURE_LIMIT",
        "IDEMPOTENCY_DAYS",
    ]
    result = _settings(env, tmp_path, " ".join(f"settings.{n}," for n in names))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == expected
