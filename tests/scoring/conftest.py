"""Shared fixtures for the scoring tests: never read the user's own peerval files."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_peerval_home(tmp_path, monkeypatch):
    """Point PEERVAL_HOME at an empty folder so no user instruments or wording packs are read."""
    monkeypatch.setenv("PEERVAL_HOME", str(tmp_path))
    monkeypatch.delenv("PEERVAL_INSTRUMENT_PATH", raising=False)
    return tmp_path
