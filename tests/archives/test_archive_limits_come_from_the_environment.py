"""Each limit can be set by an environment variable, read when an archive is opened."""

from __future__ import annotations

from dataclasses import fields

import pytest

from peerval.archives import ENVIRONMENT, ArchiveLimits, ArchiveSettingError, check_archive
from peerval.errors import DataError, PeervalError

from .bombs import write_zip


def test_every_limit_has_a_variable():
    assert set(ENVIRONMENT.values()) == {f.name for f in fields(ArchiveLimits)}


def test_a_variable_set_after_import_applies_to_the_next_archive(tmp_path, monkeypatch):
    path = write_zip(tmp_path / "a.zip", {"a": bytes(2000)})
    check_archive(path)
    monkeypatch.setenv("PEERVAL_ARCHIVE_MAX_BYTES", "1000")
    with pytest.raises(DataError, match="PEERVAL_ARCHIVE_MAX_BYTES"):
        check_archive(path)


def test_limits_passed_by_the_caller_win_over_the_environment(tmp_path, monkeypatch):
    path = write_zip(tmp_path / "a.zip", {"a": bytes(2000)})
    monkeypatch.setenv("PEERVAL_ARCHIVE_MAX_BYTES", "1000")
    check_archive(path, limits=ArchiveLimits())


def test_values_are_read_with_their_types():
    limits = ArchiveLimits.from_environment(
        {"PEERVAL_ARCHIVE_MAX_RATIO": "12.5", "PEERVAL_ARCHIVE_MAX_MEMBERS": "1_000"}
    )
    assert limits.max_ratio == 12.5
    assert limits.max_members == 1000
    assert limits.max_total_bytes == ArchiveLimits().max_total_bytes


@pytest.mark.parametrize("value", ["lots", "-5", "0", "1.5", "inf", "nan"])
def test_a_bad_value_is_refused_naming_the_variable(value):
    with pytest.raises(ArchiveSettingError, match="PEERVAL_ARCHIVE_MAX_BYTES") as caught:
        ArchiveLimits.from_environment({"PEERVAL_ARCHIVE_MAX_BYTES": value})
    assert isinstance(caught.value, PeervalError)
    assert repr(value) in str(caught.value)
