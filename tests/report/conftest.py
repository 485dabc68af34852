"""One demo evaluation with its three reports, written once for the report tests."""

from __future__ import annotations

import pytest

from peerval.demo import generate_demo, write_demo
from peerval.disclosure import DisclosurePolicy


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    out = tmp_path_factory.mktemp("published")
    results, _ = write_demo(generate_demo(), out)
    return out, results


@pytest.fixture(scope="module")
def internal(tmp_path_factory):
    out = tmp_path_factory.mktemp("internal")
    results, _ = write_demo(generate_demo(), out, DisclosurePolicy(mode="internal"))
    return out, results
