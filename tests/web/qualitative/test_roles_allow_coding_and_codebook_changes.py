"""Who may code and who may manage projects and codebooks (accounts/roles.py)."""

from __future__ import annotations

import pytest

from peerval.web.accounts.roles import allows


@pytest.mark.parametrize(
    ("role", "code", "codebook"),
    [
        ("lead", True, True),
        ("analyst", True, True),
        ("coder", True, False),
        ("viewer", False, False),
    ],
)
def test_each_role_codes_and_manages_as_the_table_says(role, code, codebook):
    assert allows(role, "code") is code
    assert allows(role, "codebook") is codebook
    assert allows(role, "view")
