import textwrap

import pytest

from peerval.errors import InstrumentError
from peerval.instruments import load_instrument

GOOD = """\
id: mini
version: "1"
title: Mini
respondent_group: staff
licence: {name: test}
items:
  - id: q1
    type: likert
    text: First
    options: [{code: 1, label: "No"}, {code: 2, label: "Yes"}]
  - id: q2
    type: free_text
    text: Second
"""


def write(tmp_path, text):
    path = tmp_path / "mini.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_good_file_loads(tmp_path):
    assert load_instrument(write(tmp_path, GOOD)).id == "mini"


def test_an_unknown_item_type_names_the_field_path_and_its_line(tmp_path):
    path = write(tmp_path, GOOD.replace("type: free_text", "type: essay"))
    with pytest.raises(InstrumentError) as caught:
        load_instrument(path)
    error = caught.value
    assert error.location.file == str(path)
    assert error.location.field == "items[1].type"
    assert error.location.line == 12
    assert "line 12" in str(error) and "items[1].type" in str(error)


def test_a_likert_item_without_options_is_rejected_at_its_line(tmp_path):
    text = GOOD.replace('    options: [{code: 1, label: "No"}, {code: 2, label: "Yes"}]\n', "")
    with pytest.raises(InstrumentError, match="needs options") as caught:
        load_instrument(write(tmp_path, text))
    assert caught.value.location.line == 7


def test_a_duplicate_item_id_is_rejected(tmp_path):
    with pytest.raises(InstrumentError, match="duplicate item id 'q1'") as caught:
        load_instrument(write(tmp_path, GOOD.replace("id: q2", "id: q1")))
    assert caught.value.location.line == 11


def test_a_scale_naming_an_unknown_item_is_rejected(tmp_path):
    text = GOOD + "scales:\n  - {id: s, title: S, items: [q1, q9]}\n"
    with pytest.raises(InstrumentError, match="unknown item 'q9'") as caught:
        load_instrument(write(tmp_path, text))
    assert caught.value.location.line == 15


def test_a_free_text_item_cannot_be_scored(tmp_path):
    text = GOOD + "scales:\n  - {id: s, title: S, items: [q2]}\n"
    with pytest.raises(InstrumentError, match="cannot be scored"):
        load_instrument(write(tmp_path, text))


def test_show_if_must_refer_to_an_earlier_item(tmp_path):
    text = GOOD.replace("    text: First\n", "    text: First\n    show_if: {item: q2, in: [1]}\n")
    with pytest.raises(InstrumentError, match="not an earlier item"):
        load_instrument(write(tmp_path, text))


def test_invalid_yaml_names_the_line(tmp_path):
    with pytest.raises(InstrumentError, match="invalid YAML") as caught:
        load_instrument(write(tmp_path, GOOD.replace("title: Mini", "title: [Mini")))
    assert caught.value.location.line is not None


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(InstrumentError, match="file not found"):
        load_instrument(tmp_path / "nope.yaml")


def test_unknown_fields_are_rejected(tmp_path):
    with pytest.raises(InstrumentError) as caught:
        load_instrument(write(tmp_path, GOOD.replace("title: Mini", "title: Mini\ncolour: red")))
    assert caught.value.location.field == "colour"


def test_the_content_hash_changes_with_the_definition_only(tmp_path):
    first = load_instrument(write(tmp_path, GOOD))
    same = load_instrument(write(tmp_path, GOOD + "\n# a comment\n"))
    changed = load_instrument(write(tmp_path, GOOD.replace('label: "Yes"', 'label: "Yes please"')))
    assert first.content_hash == same.content_hash
    assert first.content_hash != changed.content_hash


def test_an_unquoted_yes_label_read_as_a_boolean_is_reported(tmp_path):
    # YAML 1.1 reads a bare Yes/No as true/false; the error must point at it
    text = GOOD.replace('label: "Yes"', "label: Yes")
    with pytest.raises(InstrumentError, match="put the text in quotes") as caught:
        load_instrument(write(tmp_path, text))
    assert caught.value.location.field == "items[0].options[1].label"
    assert caught.value.location.line == 10


def test_an_unquoted_decimal_version_is_refused_rather_than_shortened(tmp_path):
    with pytest.raises(InstrumentError, match="in quotes") as caught:
        load_instrument(write(tmp_path, GOOD.replace('version: "1"', "version: 1.10")))
    assert caught.value.location.field == "version"


def test_show_if_codes_must_be_answers_of_the_item_they_refer_to(tmp_path):
    text = GOOD.replace(
        "    text: Second\n", "    text: Second\n    show_if: {item: q1, in: [7]}\n"
    )
    with pytest.raises(InstrumentError, match=r"show_if codes \[7\]"):
        load_instrument(write(tmp_path, text))


def test_a_gate_must_be_a_yes_no_or_choice_item(tmp_path):
    text = GOOD + "scales:\n  - {id: s, title: S, items: [{item: q1, gate: q2}]}\n"
    with pytest.raises(InstrumentError, match="must be a yes/no or choice item"):
        load_instrument(write(tmp_path, text))


def test_a_scored_item_needs_an_option_that_is_not_a_missing_code(tmp_path):
    text = (
        GOOD.replace(
            'options: [{code: 1, label: "No"}, {code: 2, label: "Yes"}]',
            "options: [{code: 9, label: Unsure, missing: true}]",
        )
        + "scales:\n  - {id: s, title: S, items: [q1]}\n"
    )
    with pytest.raises(InstrumentError, match="no scorable options"):
        load_instrument(write(tmp_path, text))


def test_an_option_code_must_be_a_whole_number_not_a_boolean(tmp_path):
    text = GOOD.replace("{code: 1, label:", "{code: true, label:")
    with pytest.raises(InstrumentError, match="integer") as caught:
        load_instrument(write(tmp_path, text))
    assert caught.value.location.field == "items[0].options[0].code"
