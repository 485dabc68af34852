"""A mapping value that cannot work is a MappingError naming the file, field and line."""

from __future__ import annotations

import pytest

from peerval.errors import MappingError
from peerval.ingest import load_mapping


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ('wave: "2026"\nmulti_separator: ""\n', "multi_separator"),
        ("wave: '2026'\nrespondent_group: staf\n", "respondent_group"),
        ("wave: '2026'\nsheet: -1\n", "sheet"),
        ("wave: ''\n", "wave"),
        ("wave: '2026'\nresponse_id: '  '\n", "response_id"),
        ("wave: yes\n", "wave"),
        ("wave: '2026'\ncolumns: {Role: {item: ''}}\n", "columns.Role.item"),
        ("wave: '2026'\ncolumns: {Role: {item: role, labels: {Nurse: true}}}\n", "columns"),
    ],
)
def test_an_unusable_value_names_the_field(tmp_path, text, field):
    path = tmp_path / "mapping.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MappingError) as caught:
        load_mapping(path)
    location = caught.value.location
    assert location.file == str(path)
    assert location.field is not None and location.field.startswith(field)
    assert location.line == text.count("\n", 0, text.index(field.split(".")[0])) + 1


def test_an_empty_separator_is_explained(tmp_path):
    path = tmp_path / "mapping.yaml"
    path.write_text('multi_separator: ""\n', encoding="utf-8")
    with pytest.raises(MappingError, match="at least 1 character"):
        load_mapping(path)
