"""Shared fixtures: every test runs with its own empty peerval data folder."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point PEERVAL_HOME at an empty folder so no user instruments or wording packs leak in."""
    home = tmp_path_factory.mktemp("peerval-home")
    monkeypatch.setenv("PEERVAL_HOME", str(home))
    monkeypatch.delenv("PEERVAL_INSTRUMENT_PATH", raising=False)
    return home
