"""Cached questionnaires follow installed wording packs, not copies still being written."""

from __future__ import annotations

from peerval.web.surveys.services.questionnaire import _wording_key


def test_a_hidden_partial_copy_leaves_the_key_alone_and_a_new_pack_changes_it(isolated_home):
    folder = isolated_home / "wording"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "brief-inspire.yaml").write_text("instrument: brief-inspire\n")
    before = _wording_key()
    (folder / ".inspire.yaml.123.partial").write_text("half a pa")
    assert _wording_key() == before
    (folder / "inspire.yaml").write_text("instrument: inspire\n")
    assert _wording_key() != before and "inspire.yaml" in _wording_key()
