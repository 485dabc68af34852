"""The report cache never shows a half-built folder: a build happens under a temporary
name and is renamed into place whole; a failed build leaves nothing; of two builds at once,
the first to finish is kept."""

from __future__ import annotations

import pytest

from peerval.web.results.report_cache import fingerprint, folder_for


def test_a_finished_build_is_renamed_into_place(tmp_path):
    seen = []

    def build(out):
        seen.append(out)
        (out / "report.pdf").write_bytes(b"pdf")

    folder = folder_for(tmp_path, "abc", build)

    assert folder == tmp_path / "abc"
    assert seen[0] != folder  # built elsewhere, then renamed
    assert (folder / "report.pdf").read_bytes() == b"pdf"
    assert [p.name for p in tmp_path.iterdir()] == ["abc"]


def test_a_failed_build_leaves_no_folder(tmp_path):
    def build(out):
        (out / "report.html").write_text("half")
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError):
        folder_for(tmp_path, "abc", build)

    assert list(tmp_path.iterdir()) == []


def test_when_another_build_finishes_first_its_folder_is_kept(tmp_path):
    def slow_build(out):
        (out / "report.pdf").write_bytes(b"mine")
        # meanwhile another request finishes the same report
        (tmp_path / "abc").mkdir()
        (tmp_path / "abc" / "report.pdf").write_bytes(b"theirs")

    folder = folder_for(tmp_path, "abc", slow_build)

    assert (folder / "report.pdf").read_bytes() == b"theirs"
    assert [p.name for p in tmp_path.iterdir()] == ["abc"]


def test_an_existing_folder_is_used_without_building(tmp_path):
    (tmp_path / "abc").mkdir()

    def build(out):
        raise AssertionError("should not build")

    assert folder_for(tmp_path, "abc", build) == tmp_path / "abc"


def test_fingerprint_changes_with_any_part():
    base = {"wave": 1, "responses": 12, "latest": "2026-05-01T10:00:00+00:00", "threshold": 5}
    assert fingerprint(base) == fingerprint(dict(reversed(base.items())))
    for key, other in [("responses", 13), ("latest", "2026-05-01T10:00:01+00:00"),
                       ("threshold", 8), ("wave", 2)]:  # fmt: skip
        assert fingerprint(base | {key: other}) != fingerprint(base)
