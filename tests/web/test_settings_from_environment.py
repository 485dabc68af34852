"""Settings come from the environment; a bad value stops start-up with a clear message, and
production settings pass Django's deployment check."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

SECRET = "s" * 20 + "-production-secret-for-the-deploy-check-" + "k" * 20


def _django(args: list[str], env: dict[str, str], home) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PEERVAL_", "DATABASE_URL", "DJANGO_"))
    }
    clean.update(
        {
            "DJANGO_SETTINGS_MODULE": "peerval.web.config.settings",
            "PEERVAL_HOME": str(home),
            **env,
        }
    )
    return subprocess.run(
        [sys.executable, "-m", "django", *args], env=clean, capture_output=True, text=True
    )


def test_production_settings_pass_the_deployment_check(tmp_path):
    result = _django(
        ["check", "--deploy", "--fail-level", "WARNING"],
        {
            "PEERVAL_PRODUCTION": "true",
            "PEERVAL_SECRET_KEY": SECRET,
            "PEERVAL_ALLOWED_HOSTS": "surveys.example.nhs.uk",
        },
        tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"PEERVAL_DEBUG": "maybe"}, "PEERVAL_DEBUG='maybe': write true or false"),
        ({"PEERVAL_PRODUCTION": "true"}, "PEERVAL_SECRET_KEY must be set"),
        ({"PEERVAL_PUBLIC_RATE_LIMIT": "lots"}, "PEERVAL_PUBLIC_RATE_LIMIT='lots'"),
        ({"DATABASE_URL": "mysql://root@localhost/peerval"}, "PostgreSQL and SQLite"),
        (
            {"PEERVAL_PRODUCTION": "true", "PEERVAL_DEBUG": "true", "PEERVAL_SECRET_KEY": SECRET},
            "PEERVAL_DEBUG=true is not allowed",
        ),
    ],
)
def test_a_bad_setting_stops_start_up_naming_the_variable(tmp_path, env, message):
    result = _django(["check"], env, tmp_path)
    assert result.returncode != 0
    assert message in result.stderr


def test_local_use_needs_no_settings_and_keeps_its_secret_key(tmp_path):
    first = _django(["check"], {}, tmp_path)
    assert first.returncode == 0, first.stderr
    key = (tmp_path / "secret_key").read_text()
    assert len(key.strip()) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    _django(["check"], {}, tmp_path)
    assert (tmp_path / "secret_key").read_text() == key


def test_sqlite_database_uses_wal_and_full_sync(tmp_path):
    result = _django(
        [
            "shell",
            "-c",
            "from django.db import connection as c; cur=c.cursor(); "
            "print(cur.execute('PRAGMA journal_mode').fetchone()[0], "
            "cur.execute('PRAGMA synchronous').fetchone()[0])",
        ],
        {},
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == ["wal", "2"]  # 2 = FULL


@pytest.mark.parametrize(("value", "threshold"), [(None, "0"), ("false", "None")])
def test_postgresql_statements_are_prepared_unless_turned_off(tmp_path, value, threshold):
    # Django's default (None) keeps connection poolers working; peerval connects directly
    env = {"DATABASE_URL": "postgresql://peerval@db.internal:5432/peerval"}
    if value is not None:
        env["PEERVAL_DATABASE_PREPARE"] = value
    result = _django(
        [
            "shell",
            "-c",
            "from django.conf import settings; "
            "print(settings.DATABASES['default']['OPTIONS']['prepare_threshold'])",
        ],
        env,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == threshold
