"""A mapping nested thousands deep, or swollen by aliases, is refused by line, not a traceback."""

from __future__ import annotations

import pytest

from peerval.errors import MappingError
from peerval.ingest import load_mapping

MAX_DEPTH = 64  # peerval.yamlfile.MAX_DEPTH


def test_flow_lists_nested_thousands_deep(tmp_path):
    path = tmp_path / "mapping.yaml"
    path.write_text("wave: '1'\nignore: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(MappingError, match=f"nested more than {MAX_DEPTH} deep") as caught:
        load_mapping(path)
    assert caught.value.location.file == str(path)
    assert caught.value.location.line == 2


def test_block_mappings_nested_thousands_deep(tmp_path):
    path = tmp_path / "mapping.yaml"
    path.write_text("".join("  " * i + "a:\n" for i in range(3000)), encoding="utf-8")
    with pytest.raises(MappingError, match="nested more than") as caught:
        load_mapping(path)
    assert caught.value.location.line == MAX_DEPTH + 1


def test_aliases_that_expand_to_billions_of_values(tmp_path):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for name, inner in zip("bcdefghij", "abcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{inner}"] * 10) + "]")
    path = tmp_path / "mapping.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(MappingError, match="aliases expand it"):
        load_mapping(path)


def test_a_real_mapping_with_an_alias_still_reads(tmp_path):
    path = tmp_path / "mapping.yaml"
    path.write_text(
        "wave: '2026'\nignore: &skip [Start time, Email]\nattributes: {Team: team}\n",
        encoding="utf-8",
    )
    assert load_mapping(path).ignore == ["Start time", "Email"]
