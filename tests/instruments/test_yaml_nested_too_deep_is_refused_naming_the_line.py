"""Instrument files and wording packs nested thousands deep are refused by line."""

from __future__ import annotations

import pytest

from peerval.errors import InstrumentError, WordingPackError
from peerval.instruments import load_instrument
from peerval.instruments.wording import load_pack


def test_an_instrument_nested_thousands_deep(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("id: deep\nitems:\n  - " + "[" * 4000 + "]" * 4000 + "\n", encoding="utf-8")
    with pytest.raises(InstrumentError, match="nested more than") as caught:
        load_instrument(path)
    assert caught.value.location.file == str(path)
    assert caught.value.location.line == 3


def test_a_wording_pack_nested_thousands_deep(tmp_path):
    path = tmp_path / "pack.yaml"
    path.write_text("instrument: inspire\nitems: " + "{a: " * 4000 + "1" + "}" * 4000 + "\n")
    with pytest.raises(WordingPackError, match="nested more than") as caught:
        load_pack(path)
    assert caught.value.location.line == 2
